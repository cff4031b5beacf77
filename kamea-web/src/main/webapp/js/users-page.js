// Users (admins): the list, a new user (user name and role; the generated password shown once),
// changing a user's role, deleting a user after a confirmation. One's own row offers neither: an
// admin does not lock themselves out from here.
import {api} from './api.js';
import {h, fill, busy, time} from './dom.js';
import {pagedList} from './paged-list.js';
import {secret} from './shown-once.js';
import {roleSelect} from './role-select.js';
import {currentUser} from './session.js';

const PAGE_SIZE = 50;

export function usersView() {
  const list = pagedList({
    id: 'users',
    columns: ['User name', 'Role', 'Created', 'Password changed', ''],
    fetch: (page) => api.users({page, size: PAGE_SIZE}),
    row: userRow,
    empty: 'No user.',
    noun: ['user', 'users'],
  });
  const created = h('div', {id: 'user-created'});
  const element = h('section', {class: 'users'},
    h('header', {class: 'view-header'}, h('h1', {}, 'Users')),
    userForm((user) => {
      fill(created, shownOnce(user, () => created.replaceChildren()));
      list.load();
    }),
    created,
    list.elements);

  list.load();

  return {element};
}

function userForm(created) {
  const username = h('input', {id: 'user-name', required: true, maxlength: 100, autocomplete: 'off',
    autocapitalize: 'none', spellcheck: 'false'});
  const role = roleSelect('user-role', 'viewer');
  const errors = h('div', {class: 'errors'});
  const submit = h('button', {type: 'submit', class: 'primary', id: 'create-user'}, 'Create user');
  return h('form', {class: 'card', id: 'user-form', onsubmit: async (event) => {
    event.preventDefault();
    const user = await busy(submit, errors, () => api.createUser({username: username.value.trim(), role: role.value}));
    if (user) {
      username.value = '';
      created(user);
    }
  }},
  h('h2', {}, 'New user'),
  h('p', {class: 'muted'}, 'Kamea generates the password; the user changes it after logging in (Change password).'),
  h('div', {class: 'row'},
    h('div', {class: 'field'}, h('label', {for: 'user-name'}, 'User name'), username),
    h('div', {class: 'field'}, h('label', {for: 'user-role'}, 'Role'), role)),
  h('div', {class: 'actions'}, submit),
  errors);
}

function shownOnce(user, dismiss) {
  return h('div', {class: 'card credentials', id: 'new-user'},
    h('p', {class: 'warning', role: 'alert'},
      h('strong', {}, 'Shown once. '),
      `Give “${user.username}” this password now: Kamea keeps only a hash of it and cannot show it again.`),
    h('dl', {},
      secret('User name', user.username, 'username'),
      secret('Password', user.password, 'password')),
    h('div', {class: 'actions'}, h('button', {type: 'button', id: 'dismiss-user', onclick: dismiss}, 'Done')));
}

function userRow(user, errors, changed) {
  const mine = user.username === currentUser()?.username;
  return h('tr', {'data-username': user.username},
    h('td', {}, user.username, mine ? h('span', {class: 'muted'}, ' (you)') : null),
    h('td', {}, mine ? user.role : roleChange(user, errors, changed)),
    h('td', {}, time(user.createdAt)),
    h('td', {}, time(user.passwordChangedAt)),
    h('td', {}, mine ? null : deleteAction(user, errors, changed)));
}

/** The user's role in a select; choosing another one offers to save it. */
function roleChange(user, errors, changed) {
  const select = roleSelect(null, user.role, `Role of ${user.username}`);
  select.classList.add('inline');
  const save = h('button', {type: 'button', class: 'small primary', hidden: true, onclick: async () => {
    if (await busy(save, errors, () => api.setUserRole(user.username, select.value)) !== undefined) {
      changed();
    }
  }}, 'Save role');
  select.addEventListener('change', () => {
    save.hidden = select.value === user.role;
  });
  return h('span', {class: 'role-change'}, select, ' ', save);
}

function deleteAction(user, errors, deleted) {
  const place = h('span');
  const ask = h('button', {type: 'button', class: 'small danger', 'data-delete': user.username, onclick: () => fill(place,
    h('button', {type: 'button', class: 'small danger', 'data-confirm-delete': user.username, onclick: async (event) => {
      if (await busy(event.currentTarget, errors, () => api.deleteUser(user.username).then(() => true))) {
        deleted();
      }
    }}, `Delete ${user.username}`), ' ',
    h('button', {type: 'button', class: 'small', onclick: () => fill(place, ask)}, 'Cancel'))}, 'Delete…');
  place.append(ask);
  return place;
}
