// How a device's status and connectivity read, in the list and on the device page.
import {h, time, badge} from './dom.js';

/**
 * "active" when the API does not say: devices were all active before auto-provisioning. A
 * disabled device shows both: disabling leaves its approval where it was.
 */
export function statusBadge(device) {
  const status = badge(device.status ?? 'active');
  return device.disabled ? [status, ' ', badge('disabled')] : status;
}

export function connectivityLabel(state) {
  if (state.connected) {
    return [badge('connected'), ' since ', time(state.since)];
  }
  return state.since
    ? [badge('disconnected'), ' since ', time(state.since)]
    : [badge('disconnected'), ' ', h('span', {class: 'muted'}, 'never seen')];
}
