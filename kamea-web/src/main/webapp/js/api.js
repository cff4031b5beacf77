// The Kamea HTTP API (docs/api.md). Every failure becomes an ApiError carrying the problem
// body's title and detail, for the page to show next to the action that failed.
//
// Calls go with the session cookie (same origin), and every state-changing one carries the
// session's CSRF token. A 401 means the session is gone: the handler given to onUnauthorized
// (app.js: back to the login page) hears of it, unless the call expects a 401 of its own
// (logging in, changing one's password).

const BASE = new URL('../api/', import.meta.url);
const STATE_CHANGING = new Set(['POST', 'PUT', 'DELETE', 'PATCH']);

let csrfToken = null;
let unauthorized = null;

export class ApiError extends Error {
  constructor(status, title, detail, retryAfter = null) {
    super(detail ? `${title}: ${detail}` : title);
    this.status = status;
    this.title = title;
    this.detail = detail;
    /** Seconds to wait before trying again (429, from Retry-After), or null. */
    this.retryAfter = retryAfter;
  }
}

/** The token that state-changing calls send as X-CSRF-Token (from the session answer); null: none. */
export function setCsrfToken(token) {
  csrfToken = token ?? null;
}

/** handler(error) is called when a call answers 401 that did not expect it. */
export function onUnauthorized(handler) {
  unauthorized = handler;
}

async function call(method, path, body, {expect401 = false} = {}) {
  const init = {method, credentials: 'same-origin', headers: {Accept: 'application/json'}};
  if (body !== undefined) {
    init.headers['Content-Type'] = 'application/json';
    init.body = JSON.stringify(body);
  }
  if (STATE_CHANGING.has(method) && csrfToken) {
    init.headers['X-CSRF-Token'] = csrfToken;
  }
  let response;
  try {
    response = await fetch(new URL(path, BASE), init);
  } catch (error) {
    throw new ApiError(0, 'Kamea cannot be reached', `${method} ${path}: ${error.message}`);
  }
  const text = await response.text();
  let data = null;
  try {
    data = text ? JSON.parse(text) : null;
  } catch {
    // not JSON: keep the text for the error below
  }
  if (!response.ok) {
    const error = new ApiError(response.status, data?.title ?? `${response.status} ${response.statusText}`,
      data?.detail ?? (data ? '' : text.slice(0, 300)), retryAfter(response.headers.get('Retry-After')));
    if (response.status === 401 && !expect401) {
      unauthorized?.(error);
    }
    throw error;
  }
  return data;
}

/** Retry-After in seconds: a number of seconds or an HTTP date (RFC 9110); null when absent. */
function retryAfter(header) {
  if (!header) return null;
  const trimmed = header.trim();
  if (/^\d+$/.test(trimmed)) return Number(trimmed);
  const at = Date.parse(trimmed);
  return Number.isNaN(at) ? null : Math.max(0, Math.ceil((at - Date.now()) / 1000));
}

function query(params) {
  const q = new URLSearchParams();
  for (const [name, value] of Object.entries(params)) {
    if (value !== undefined && value !== null && value !== '') {
      q.set(name, value);
    }
  }
  const text = q.toString();
  return text ? `?${text}` : '';
}

const device = (id) => `devices/${encodeURIComponent(id)}`;
const user = (username) => `users/${encodeURIComponent(username)}`;

export const api = {
  /** The logged-in user {username, role, kind, csrfToken}; a 401 (not logged in) is the caller's to handle. */
  session: () => call('GET', 'session', undefined, {expect401: true}),
  /** The same, where a 401 means that the session ended (onUnauthorized hears of it). */
  checkSession: () => call('GET', 'session'),
  logIn: (username, password) => call('POST', 'session', {username, password}, {expect401: true}),
  logOut: () => call('DELETE', 'session', undefined, {expect401: true}),
  /** 401 when currentPassword is wrong (or the session is gone: ask session() to tell which). */
  changePassword: (currentPassword, newPassword) =>
    call('PUT', 'session/password', {currentPassword, newPassword}, {expect401: true}),

  devices: ({page = 0, size = 20, search, disabled} = {}) =>
    call('GET', `devices${query({page, size, search, disabled})}`),
  device: (id) => call('GET', device(id)),
  /** {name, provisioning: 'password'|'certificate'|'self-signed', commonName?, certificate?} */
  createDevice: (request) => call('POST', 'devices', request),
  deleteDevice: (id) => call('DELETE', device(id)),
  approveDevice: (id) => call('POST', `${device(id)}/approve`),
  disableDevice: (id) => call('POST', `${device(id)}/disable`),
  enableDevice: (id) => call('POST', `${device(id)}/enable`),
  /** {ban: 'certificate'|'common-name', fingerprintSha256?, reason} */
  banDevice: (id, request) => call('POST', `${device(id)}/ban`, request),
  bans: ({page = 0, size = 50} = {}) => call('GET', `bans${query({page, size})}`),
  /** {fingerprintSha256, reason} or {commonName, reason} */
  createBan: (request) => call('POST', 'bans', request),
  liftBan: (id) => call('DELETE', `bans/${encodeURIComponent(id)}`),
  connectivity: (id, history = 20) => call('GET', `${device(id)}/connectivity${query({history})}`),
  configurations: (id) => call('GET', `${device(id)}/configurations`),
  setDesired: (id, document) => call('PUT', `${device(id)}/configurations/desired`, document),
  commands: (id, {page = 0, size = 20} = {}) => call('GET', `${device(id)}/commands${query({page, size})}`),
  /** {name, payload?, timeoutSeconds?}; with wait, answers once the command is settled. */
  sendCommand: (id, command, wait) => call('POST', `${device(id)}/commands${wait ? '?wait=true' : ''}`, command),
  broker: () => call('GET', 'broker'),

  keys: ({page = 0, size = 50} = {}) => call('GET', `keys${query({page, size})}`),
  /** {name, role, expiresAt?: ISO instant} → the key with its secret "key", this once. */
  createKey: (request) => call('POST', 'keys', request),
  revokeKey: (id) => call('DELETE', `keys/${encodeURIComponent(id)}`),

  users: ({page = 0, size = 50} = {}) => call('GET', `users${query({page, size})}`),
  /** {username, role} → the user with its generated "password", this once. */
  createUser: (request) => call('POST', 'users', request),
  setUserRole: (username, role) => call('PUT', `${user(username)}/role`, {role}),
  deleteUser: (username) => call('DELETE', user(username)),

  /** {page, size, identity?, target?, from?, to?} (from and to: ISO instants), newest first. */
  audit: ({page = 0, size = 50, identity, target, from, to} = {}) =>
    call('GET', `audit${query({page, size, identity, target, from, to})}`),
};
