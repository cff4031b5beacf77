// API keys (admins): the list, a new key (name, role, optional expiry date; its secret shown once)
// and revoking one after a confirmation.
import {api} from './api.js';
import {h, fill, busy, time, badge} from './dom.js';
import {pagedList} from './paged-list.js';
import {secret} from './shown-once.js';
import {roleSelect} from './role-select.js';

const PAGE_SIZE = 50;

export function keysView() {
  const list = pagedList({
    id: 'keys',
    columns: ['Name', 'Role', 'Created by', 'Created', 'Expires', 'Last used', 'Revoked', ''],
    fetch: (page) => api.keys({page, size: PAGE_SIZE}),
    row: keyRow,
    empty: 'No API key yet.',
    noun: ['key', 'keys'],
  });
  const created = h('div', {id: 'key-created'});
  const element = h('section', {class: 'keys'},
    h('header', {class: 'view-header'}, h('h1', {}, 'API keys')),
    keyForm((key) => {
      fill(created, shownOnce(key, () => created.replaceChildren()));
      list.load(0);
    }),
    created,
    list.elements);

  list.load();

  return {element};
}

function keyForm(created) {
  const name = h('input', {id: 'key-name', required: true, maxlength: 100, autocomplete: 'off'});
  const role = roleSelect('key-role', 'viewer');
  const expires = h('input', {id: 'key-expires', type: 'date', min: tomorrow()});
  const errors = h('div', {class: 'errors'});
  const submit = h('button', {type: 'submit', class: 'primary', id: 'create-key'}, 'Create key');
  return h('form', {class: 'card', id: 'key-form', onsubmit: async (event) => {
    event.preventDefault();
    const request = {name: name.value.trim(), role: role.value};
    if (expires.value) {
      request.expiresAt = `${expires.value}T00:00:00Z`;
    }
    const key = await busy(submit, errors, () => api.createKey(request));
    if (key) {
      name.value = '';
      expires.value = '';
      created(key);
    }
  }},
  h('h2', {}, 'New API key'),
  h('p', {class: 'muted'}, 'A program calls the API with it as Authorization: Bearer <key>, with the rights of its role.'),
  h('div', {class: 'row'},
    h('div', {class: 'field'}, h('label', {for: 'key-name'}, 'Name'), name),
    h('div', {class: 'field'}, h('label', {for: 'key-role'}, 'Role'), role),
    h('div', {class: 'field'}, h('label', {for: 'key-expires'}, 'Expires (optional, at 00:00 UTC)'), expires)),
  h('div', {class: 'actions'}, submit),
  errors);
}

function shownOnce(key, dismiss) {
  return h('div', {class: 'card credentials', id: 'new-key'},
    h('p', {class: 'warning', role: 'alert'},
      h('strong', {}, 'Shown once. '),
      `Copy the key “${key.name}” now: Kamea keeps only a hash of it and cannot show it again. `,
      'If it is lost, revoke it and create another.'),
    h('dl', {}, secret('API key', key.key, 'key')),
    h('div', {class: 'actions'}, h('button', {type: 'button', id: 'dismiss-key', onclick: dismiss}, 'Done')));
}

function keyRow(key, errors, changed) {
  const actions = h('td');
  if (!key.revokedAt) {
    const ask = h('button', {type: 'button', class: 'small danger', 'data-revoke': key.id, onclick: () => fill(actions,
      h('button', {type: 'button', class: 'small danger', 'data-confirm-revoke': key.id, onclick: async (event) => {
        if (await busy(event.currentTarget, errors, () => api.revokeKey(key.id).then(() => true))) {
          changed();
        }
      }}, 'Revoke the key'), ' ',
      h('button', {type: 'button', class: 'small', onclick: () => fill(actions, ask)}, 'Cancel'))}, 'Revoke…');
    actions.append(ask);
  }
  const expired = key.expiresAt && Date.parse(key.expiresAt) <= Date.now();
  return h('tr', {'data-key-id': key.id},
    h('td', {}, key.name),
    h('td', {}, badge(key.role, `role-${key.role}`)),
    h('td', {}, key.createdBy),
    h('td', {}, time(key.createdAt)),
    h('td', {}, time(key.expiresAt), expired ? [' ', badge('expired', 'disabled')] : null),
    h('td', {}, time(key.lastUsedAt)),
    h('td', {}, key.revokedAt ? [badge('revoked', 'disabled'), ' ', time(key.revokedAt)] : time(null)),
    actions);
}

/** Tomorrow as yyyy-mm-dd (UTC): the earliest expiry date offered. */
function tomorrow() {
  return new Date(Date.now() + 86_400_000).toISOString().slice(0, 10);
}
