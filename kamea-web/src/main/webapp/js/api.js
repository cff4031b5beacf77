// The Kamea HTTP API (docs/api.md). Every failure becomes an ApiError carrying the problem
// body's title and detail, for the page to show next to the action that failed.

const BASE = new URL('../api/', import.meta.url);

export class ApiError extends Error {
  constructor(status, title, detail) {
    super(detail ? `${title}: ${detail}` : title);
    this.status = status;
    this.title = title;
    this.detail = detail;
  }
}

async function call(method, path, body) {
  const init = {method, headers: {Accept: 'application/json'}};
  if (body !== undefined) {
    init.headers['Content-Type'] = 'application/json';
    init.body = JSON.stringify(body);
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
    throw new ApiError(response.status, data?.title ?? `${response.status} ${response.statusText}`,
      data?.detail ?? (data ? '' : text.slice(0, 300)));
  }
  return data;
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

export const api = {
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
};
