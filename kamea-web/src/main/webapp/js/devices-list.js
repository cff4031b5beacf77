// The devices list: search by name or interface name, paging, each device's connectivity.
import {api} from './api.js';
import {h, fill, showProblem, time} from './dom.js';
import {statusBadge, connectivityLabel} from './labels.js';
import {can} from './session.js';

const PAGE_SIZE = 20;

export function devicesView(initial) {
  let {search, page} = initial;
  const searchInput = h('input', {
    type: 'search', id: 'device-search', name: 'search', value: search,
    placeholder: 'Name or interface name', 'aria-label': 'Search devices', autocomplete: 'off',
  });
  const errors = h('div', {class: 'errors'});
  const rows = h('tbody');
  const pager = h('nav', {class: 'pager', 'aria-label': 'Pages'});
  let timer = null;
  let latest = 0;

  // The list is redrawn in place (the search field keeps its focus) and the address follows,
  // so that a reload or a link shows the same page.
  const go = (nextSearch, nextPage) => {
    search = nextSearch;
    page = nextPage;
    const q = new URLSearchParams();
    if (search) q.set('search', search);
    if (page) q.set('page', page);
    history.replaceState(null, '', `#/devices${q.toString() ? `?${q}` : ''}`);
    load();
  };
  searchInput.addEventListener('input', () => {
    clearTimeout(timer);
    timer = setTimeout(() => go(searchInput.value.trim(), 0), 300);
  });
  const form = h('form', {class: 'toolbar', role: 'search', onsubmit: (e) => {
    e.preventDefault();
    clearTimeout(timer);
    go(searchInput.value.trim(), 0);
  }}, searchInput, h('button', {type: 'submit'}, 'Search'));

  const element = h('section', {class: 'devices'},
    h('header', {class: 'view-header'},
      h('h1', {}, 'Devices'),
      can('provision') ? h('a', {href: '#/new', class: 'button primary', id: 'new-device'}, 'New device') : null),
    form, errors,
    h('table', {class: 'list', id: 'devices', 'aria-busy': 'true'},
      h('thead', {}, h('tr', {},
        h('th', {}, 'Name'), h('th', {}, 'Interface name'), h('th', {}, 'Provisioning'),
        h('th', {}, 'Status'), h('th', {}, 'Connectivity'), h('th', {}, 'Created'))),
      rows),
    pager);
  const table = element.querySelector('#devices');

  load();

  async function load() {
    // Answers can come back out of order while the operator types: only the last one counts.
    const mine = ++latest;
    table.setAttribute('aria-busy', 'true');
    let result;
    try {
      result = await api.devices({page, size: PAGE_SIZE, search});
    } catch (error) {
      if (mine !== latest) return;
      rows.replaceChildren();
      showProblem(errors, error);
      table.setAttribute('aria-busy', 'false');
      return;
    }
    if (mine !== latest) return;
    showProblem(errors, null);
    if (result.items.length === 0) {
      fill(rows, h('tr', {}, h('td', {colspan: 6, class: 'muted'},
        search ? `No device matches “${search}”.` : 'No device yet.')));
    } else {
      fill(rows, result.items.map(deviceRow));
    }
    const pages = Math.max(1, Math.ceil(result.total / result.size));
    fill(pager,
      h('button', {type: 'button', disabled: page === 0, onclick: () => go(search, page - 1)}, '‹ Previous'),
      h('span', {class: 'muted', id: 'devices-total'},
        `Page ${page + 1} of ${pages} · ${result.total} device${result.total === 1 ? '' : 's'}`),
      h('button', {type: 'button', disabled: page + 1 >= pages, onclick: () => go(search, page + 1)}, 'Next ›'));
    table.setAttribute('aria-busy', 'false');
  }

  return {element, leave: () => clearTimeout(timer)};
}

function deviceRow(device) {
  const connectivity = h('td', {class: 'connectivity muted'}, '…');
  // The list has no connectivity of its own: one small request per device on the page.
  api.connectivity(device.id, 0).then(
    (state) => fill(connectivity, connectivityLabel(state)),
    () => fill(connectivity, h('span', {class: 'muted'}, 'unknown')));
  return h('tr', {'data-device-id': device.id},
    h('td', {}, h('a', {href: `#/devices/${encodeURIComponent(device.id)}`, class: 'device-link'}, device.name)),
    h('td', {class: 'mono'}, device.interfaceName),
    h('td', {}, device.provisioning),
    h('td', {}, statusBadge(device)),
    connectivity,
    h('td', {}, time(device.createdAt)));
}
