// The Device Management UI: a hash router over its views, behind a login. Each view renders into
// <main> and may return a function that stops what it started (refresh timers) when the view is
// left. Nobody logged in, or a session that ended (any call answering 401): the login page, whose
// address keeps where the user was (#/login?return=/devices/<id>) to go back there afterwards.
import {devicesView} from './devices-list.js';
import {createView} from './device-create.js';
import {deviceView} from './device-page.js';
import {bansView} from './bans-list.js';
import {loginView} from './login-page.js';
import {passwordView} from './password-page.js';
import {keysView} from './keys-page.js';
import {usersView} from './users-page.js';
import {auditView} from './audit-page.js';
import {showHeaderBar} from './header-bar.js';
import {onUnauthorized} from './api.js';
import {currentUser, can, loadSession, logOut, forgetSession} from './session.js';
import {h, fill, problem} from './dom.js';

const main = document.getElementById('app');
let leave = null;

/** The current address without its '#': '/devices/<id>', '/audit?identity=alice'... */
const here = () => location.hash.replace(/^#/, '') || '/';

function parse(address) {
  const [path, search = ''] = address.split('?');
  return {parts: path.split('/').filter(Boolean), params: new URLSearchParams(search)};
}

/** Where to go after logging in: an address of the UI other than the login page, else the devices. */
function returnAddress(params) {
  const address = params.get('return');
  return address && address.startsWith('/') && parse(address).parts[0] !== 'login' ? address : '/';
}

function loginAddress(returnTo, expired) {
  const q = new URLSearchParams();
  if (returnTo && returnTo !== '/') q.set('return', returnTo);
  if (expired) q.set('expired', '1');
  const text = q.toString();
  return text ? `/login?${text}` : '/login';
}

/** Goes to address without leaving the page it comes from in the history. */
function redirect(address) {
  history.replaceState(null, '', `#${address}`);
  render();
}

/** A view for a page the role may not open (the header does not offer it either). */
function refused(what) {
  return () => ({element: h('section', {},
    h('header', {class: 'view-header'}, h('h1', {}, what)),
    h('p', {class: 'problem', id: 'not-allowed'},
      `Your role (${currentUser().role}) does not give access to this page. `,
      h('a', {href: '#/'}, 'Back to the devices')))});
}

const allowed = (right, what, view) => (can(right) ? view : refused(what));

function route({parts, params}) {
  switch (parts[0]) {
    case 'new':
      return allowed('provision', 'New device', () => createView());
    case 'bans':
      return () => bansView();
    case 'keys':
      return allowed('keys', 'API keys', () => keysView());
    case 'users':
      return allowed('users', 'Users', () => usersView());
    case 'audit':
      return allowed('audit', 'Audit', () => auditView(params));
    case 'password':
      return () => passwordView();
    case 'devices':
      if (parts[1]) {
        return () => deviceView(decodeURIComponent(parts[1]));
      }
      // falls through: the list
    case undefined:
      return () => devicesView({search: params.get('search') ?? '', page: Number(params.get('page') ?? 0) || 0});
    default:
      return () => ({element: h('p', {class: 'problem'}, 'No such page. ', h('a', {href: '#/'}, 'Back to the devices'))});
  }
}

function render() {
  if (leave) {
    leave();
    leave = null;
  }
  const address = parse(here());
  const user = currentUser();
  showHeaderBar(user, leaveSession);
  let view;
  if (!user) {
    if (address.parts[0] !== 'login') {
      redirect(loginAddress(here()));
      return;
    }
    view = loginView({
      expired: address.params.has('expired'),
      loggedIn: () => redirect(returnAddress(address.params)),
    });
  } else if (address.parts[0] === 'login') {
    redirect(returnAddress(address.params));
    return;
  } else {
    view = route(address)();
  }
  leave = view.leave ?? null;
  fill(main, view.element);
  window.scrollTo(0, 0);
}

async function leaveSession() {
  try {
    await logOut();
  } catch {
    // the server could not be told; here the session is over all the same
  }
  redirect('/login');
}

/** A call answered 401: the session ended. Back to the login page, keeping the place. */
function sessionEnded() {
  if (parse(here()).parts[0] === 'login') return; // already there (a page's several calls fail together)
  forgetSession();
  redirect(loginAddress(here(), true));
}

async function start() {
  onUnauthorized(sessionEnded);
  try {
    await loadSession();
  } catch (error) {
    fill(main, problem(error), h('p', {}, h('button', {type: 'button', onclick: () => location.reload()}, 'Try again')));
    return;
  }
  window.addEventListener('hashchange', render);
  render();
}

start();
