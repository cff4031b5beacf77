// Who is logged in: the session answer {username, role, kind, csrfToken}, or null. Its CSRF
// token goes to api.js for every state-changing call.
import {api, setCsrfToken} from './api.js';
import {may} from './roles.js';

let current = null;

function set(session) {
  current = session ? {username: session.username, role: session.role, kind: session.kind} : null;
  setCsrfToken(session?.csrfToken);
}

/** {username, role, kind} of the logged-in user, or null. */
export function currentUser() {
  return current;
}

/** Whether the logged-in user's role may do right (roles.js); false when nobody is logged in. */
export function can(right) {
  return current !== null && may(current.role, right);
}

/** Asks the server who is logged in (GET /api/session): the user, or null when nobody is. */
export async function loadSession() {
  try {
    set(await api.session());
  } catch (error) {
    if (error.status !== 401) throw error;
    set(null);
  }
  return current;
}

/** Asks again after a change (a new CSRF token?); a 401 here means the session ended (api.js). */
export async function refreshSession() {
  set(await api.checkSession());
  return current;
}

/** Logs in (POST /api/session); throws the ApiError (401 wrong credentials, 429 too many attempts). */
export async function logIn(username, password) {
  set(await api.logIn(username, password));
  return current;
}

/** Logs out (DELETE /api/session); forgotten here even if the server could not be told. */
export async function logOut() {
  try {
    await api.logOut();
  } catch (error) {
    if (error.status !== 401) throw error;
  } finally {
    set(null);
  }
}

/** The session ended on the server (a call answered 401): forget it here too. */
export function forgetSession() {
  set(null);
}
