// The audit trail (admins): who did what to what, newest first, 50 a page, filtered by identity,
// target and a time range. The address keeps the filters and the page (#/audit?identity=alice),
// the times as UTC instants.
import {api} from './api.js';
import {h, time, badge} from './dom.js';
import {pagedList} from './paged-list.js';

const PAGE_SIZE = 50;
const FILTERS = ['identity', 'target', 'from', 'to'];

/** params: the address's query (URLSearchParams). */
export function auditView(params) {
  const filters = Object.fromEntries(FILTERS.map((name) => [name, params.get(name) ?? '']));
  let page = Number(params.get('page') ?? 0) || 0;

  const identity = h('input', {id: 'audit-identity', value: filters.identity, autocomplete: 'off',
    placeholder: 'user name or key id'});
  const target = h('input', {id: 'audit-target', value: filters.target, autocomplete: 'off',
    placeholder: 'device id, user name…'});
  const from = h('input', {id: 'audit-from', type: 'datetime-local', value: localInput(filters.from)});
  const to = h('input', {id: 'audit-to', type: 'datetime-local', value: localInput(filters.to)});

  const form = h('form', {class: 'card', id: 'audit-filters', role: 'search', onsubmit: (event) => {
    event.preventDefault();
    filters.identity = identity.value.trim();
    filters.target = target.value.trim();
    filters.from = instant(from.value);
    filters.to = instant(to.value);
    go(0);
  }},
  h('div', {class: 'row'},
    h('div', {class: 'field'}, h('label', {for: 'audit-identity'}, 'Identity'), identity),
    h('div', {class: 'field'}, h('label', {for: 'audit-target'}, 'Target'), target),
    h('div', {class: 'field'}, h('label', {for: 'audit-from'}, 'From (your time)'), from),
    h('div', {class: 'field'}, h('label', {for: 'audit-to'}, 'To (your time)'), to)),
  h('div', {class: 'actions'},
    h('button', {type: 'submit', class: 'primary', id: 'audit-search'}, 'Filter'),
    h('button', {type: 'button', id: 'audit-clear', onclick: () => {
      for (const input of [identity, target, from, to]) input.value = '';
      form.requestSubmit();
    }}, 'Clear')));

  const list = pagedList({
    id: 'audit',
    columns: ['Time', 'Identity', 'Kind', 'Role', 'Action', 'Target', 'Outcome', 'Source'],
    fetch: (page) => api.audit({page, size: PAGE_SIZE, ...filters}),
    row: entryRow,
    empty: 'Nothing recorded matches.',
    noun: ['entry', 'entries'],
    page,
    go,
    busy: true,
  });
  const element = h('section', {class: 'audit'},
    h('header', {class: 'view-header'}, h('h1', {}, 'Audit')),
    form, list.elements);

  // The address follows the filters and the page, so that a reload or a link shows the same.
  function go(nextPage) {
    page = nextPage;
    const q = new URLSearchParams();
    for (const name of FILTERS) {
      if (filters[name]) q.set(name, filters[name]);
    }
    if (page) q.set('page', page);
    history.replaceState(null, '', `#/audit${q.toString() ? `?${q}` : ''}`);
    list.load(page);
  }

  list.load();
  return {element};
}

function entryRow(entry) {
  return h('tr', {'data-audit-id': entry.id},
    h('td', {}, time(entry.time)),
    h('td', {class: 'mono'}, entry.identity),
    h('td', {}, entry.kind),
    h('td', {}, entry.role ?? '—'),
    h('td', {class: 'mono'}, entry.action),
    h('td', {class: 'mono'}, entry.target ?? '—'),
    h('td', {}, badge(entry.outcome, `outcome-${entry.outcome}`)),
    h('td', {class: 'mono'}, entry.source ?? '—'));
}

/** A datetime-local value (the browser's time zone) as an ISO instant; '' stays ''. */
function instant(local) {
  if (!local) return '';
  const date = new Date(local);
  return Number.isNaN(date.getTime()) ? '' : date.toISOString();
}

/** An ISO instant as a datetime-local value in the browser's time zone; '' when there is none. */
function localInput(iso) {
  const date = iso ? new Date(iso) : null;
  if (!date || Number.isNaN(date.getTime())) return '';
  const pad = (n) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}` +
    `T${pad(date.getHours())}:${pad(date.getMinutes())}`;
}
