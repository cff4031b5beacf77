// The bans: certificates the broker refuses whatever CA signed them, and common names that never
// provision themselves. An admin bans one (a fingerprint or a CN, with a reason) and lifts one
// after a confirmation; other roles only read the list.
import {api} from './api.js';
import {h, fill, busy, showProblem, time} from './dom.js';
import {can} from './session.js';

const PAGE_SIZE = 50;

export function bansView() {
  let page = 0;
  const errors = h('div', {class: 'errors'});
  const rows = h('tbody');
  const pager = h('nav', {class: 'pager', 'aria-label': 'Pages'});
  const element = h('section', {class: 'bans'},
    h('header', {class: 'view-header'}, h('h1', {}, 'Bans')),
    can('ban') ? banForm(() => load()) : null,
    errors,
    h('table', {class: 'list', id: 'bans'},
      h('thead', {}, h('tr', {},
        h('th', {}, 'Banned'), h('th', {}, 'Reason'), h('th', {}, 'Since'), h('th', {}, ''))),
      rows),
    pager);

  load();

  async function load() {
    let result;
    try {
      result = await api.bans({page, size: PAGE_SIZE});
    } catch (error) {
      showProblem(errors, error);
      return;
    }
    showProblem(errors, null);
    fill(rows, result.items.length === 0
      ? h('tr', {}, h('td', {colspan: 4, class: 'muted'}, 'Nothing is banned.'))
      : result.items.map((ban) => banRow(ban, errors, load)));
    const pages = Math.max(1, Math.ceil(result.total / result.size));
    fill(pager,
      h('button', {type: 'button', disabled: page === 0, onclick: () => { page -= 1; load(); }}, '‹ Previous'),
      h('span', {class: 'muted'}, `Page ${page + 1} of ${pages} · ${result.total} ban${result.total === 1 ? '' : 's'}`),
      h('button', {type: 'button', disabled: page + 1 >= pages, onclick: () => { page += 1; load(); }}, 'Next ›'));
  }

  return {element};
}

function banForm(banned) {
  const kind = h('select', {id: 'ban-kind', 'aria-label': 'What to ban'},
    h('option', {value: 'fingerprintSha256'}, 'Certificate (SHA-256 fingerprint)'),
    h('option', {value: 'commonName'}, 'Common name (CN)'));
  const subject = h('input', {id: 'ban-subject', required: true, autocomplete: 'off', class: 'mono',
    'aria-label': 'Fingerprint or common name'});
  const reason = h('input', {id: 'ban-reason', required: true, maxlength: 500, autocomplete: 'off',
    placeholder: 'Reason', 'aria-label': 'Reason'});
  const errors = h('div', {class: 'errors'});
  const submit = h('button', {type: 'submit', class: 'danger', id: 'create-ban'}, 'Ban');
  const form = h('form', {class: 'card', id: 'ban-form', onsubmit: async (event) => {
    event.preventDefault();
    const request = {[kind.value]: subject.value.trim(), reason: reason.value.trim()};
    if (await busy(submit, errors, () => api.createBan(request)) !== undefined) {
      subject.value = '';
      reason.value = '';
      banned();
    }
  }},
  h('h2', {}, 'New ban'),
  h('p', {class: 'muted'}, 'A banned certificate is refused during the TLS handshake without un-whitelisting its CA ',
    '(openssl x509 -noout -fingerprint -sha256 -in device.pem). A banned common name never provisions itself, ',
    'and the device that has it is disabled. Lifting a ban enables no device.'),
  h('div', {class: 'row'}, h('div', {class: 'field'}, kind), h('div', {class: 'field'}, subject),
    h('div', {class: 'field'}, reason)),
  h('div', {class: 'actions'}, submit),
  errors);
  return form;
}

function banRow(ban, errors, lifted) {
  const actions = h('td');
  if (!can('ban')) {
    return row(ban, actions);
  }
  const ask = h('button', {type: 'button', class: 'small', 'data-lift': ban.id, onclick: () => fill(actions,
    h('button', {type: 'button', class: 'small danger', 'data-confirm-lift': ban.id, onclick: async (event) => {
      if (await busy(event.currentTarget, errors, () => api.liftBan(ban.id).then(() => true))) {
        lifted();
      }
    }}, 'Lift the ban'), ' ',
    h('button', {type: 'button', class: 'small', onclick: () => fill(actions, ask)}, 'Cancel'))}, 'Lift…');
  actions.append(ask);
  return row(ban, actions);
}

function row(ban, actions) {
  return h('tr', {'data-ban-id': ban.id},
    h('td', {}, ban.fingerprintSha256
      ? [h('span', {class: 'muted'}, 'certificate '), h('code', {}, ban.fingerprintSha256)]
      : [h('span', {class: 'muted'}, 'CN '), h('code', {}, ban.commonName)]),
    h('td', {}, ban.reason),
    h('td', {}, time(ban.createdAt)),
    actions);
}
