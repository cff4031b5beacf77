// The header bar: the sections the role may open, who is logged in with which role, a link to
// change one's password, and the logout button. Nothing of it shows while nobody is logged in.
import {h, fill} from './dom.js';
import {can} from './session.js';

const SECTIONS = [
  {href: '#/', label: 'Devices', id: 'nav-devices', right: 'read'},
  {href: '#/bans', label: 'Bans', id: 'nav-bans', right: 'read'},
  {href: '#/keys', label: 'API keys', id: 'nav-keys', right: 'keys'},
  {href: '#/users', label: 'Users', id: 'nav-users', right: 'users'},
  {href: '#/audit', label: 'Audit', id: 'nav-audit', right: 'audit'},
];

/** Shows user ({username, role} or null) in the header; logOut() is what the logout button does. */
export function showHeaderBar(user, logOut) {
  const nav = document.getElementById('nav');
  const account = document.getElementById('account');
  nav.hidden = !user;
  account.hidden = !user;
  if (!user) {
    nav.replaceChildren();
    account.replaceChildren();
    return;
  }
  fill(nav, SECTIONS.filter((section) => can(section.right))
    .map((section) => h('a', {href: section.href, id: section.id}, section.label)));
  const logout = h('button', {type: 'button', class: 'small', id: 'logout', onclick: async () => {
    logout.disabled = true;
    await logOut();
    logout.disabled = false;
  }}, 'Log out');
  fill(account,
    h('span', {class: 'who'}, h('span', {id: 'current-user'}, user.username), ' ',
      h('span', {class: `badge badge-role-${user.role}`, id: 'current-role'}, user.role)),
    h('a', {href: '#/password', id: 'change-password'}, 'Change password'),
    logout);
}
