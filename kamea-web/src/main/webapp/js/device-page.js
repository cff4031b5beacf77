// One device: its identity and status, connectivity, topics, configurations, commands; approve
// a pending device; disable, enable or ban it (device-access.js); delete it after a confirmation
// step. Refreshed every few seconds. Only the actions the user's role may do are offered.
import {api} from './api.js';
import {h, fill, problem, showProblem, time, badge, busy, sameAsShown} from './dom.js';
import {statusBadge, connectivityLabel} from './labels.js';
import {accessActions} from './device-access.js';
import {configurationSection} from './device-configuration.js';
import {commandsSection} from './device-commands.js';
import {can} from './session.js';

const REFRESH_MILLIS = 3000;

export function deviceView(id) {
  const element = h('section', {class: 'device'}, h('p', {class: 'muted'}, 'Loading…'));
  let timer = null;
  let left = false;
  let shown = 0;

  api.device(id).then(show, (error) => fill(element,
    h('header', {class: 'view-header'}, h('h1', {}, 'Device')),
    h('div', {class: 'errors'}, problem(error)),
    h('p', {}, h('a', {href: '#/'}, '‹ Back to the devices'))));

  function show(device) {
    if (left) return;
    const connectivity = connectivitySection(id);
    const configuration = configurationSection(id, {editable: can('configure')});
    const commands = commandsSection(id, {canSend: can('command')});
    fill(element,
      h('p', {class: 'breadcrumb'}, h('a', {href: '#/'}, '‹ Devices')),
      headerSection(device, () => api.device(id).then(show)),
      h('div', {class: 'grid'}, connectivity.element, topicsSection(device)),
      configuration.element,
      commands.element);
    const sections = [connectivity, configuration, commands];
    // Shown again (after an approval, a disabling...): the previous refresh loop must end with its sections.
    const mine = ++shown;
    clearTimeout(timer);
    const current = () => !left && mine === shown;
    const refresh = async () => {
      if (!current()) return;
      if (!document.hidden) {
        await Promise.all(sections.map((s) => s.refresh()));
      }
      if (current()) timer = setTimeout(refresh, REFRESH_MILLIS);
    };
    refresh();
  }

  return {element, leave: () => {
    left = true;
    clearTimeout(timer);
  }};
}

function headerSection(device, reload) {
  const errors = h('div', {class: 'errors'});
  const actions = h('div', {class: 'actions'});
  const confirmation = h('div', {class: 'confirmation-place'});
  if (device.status === 'pending' && !device.disabled && can('approve')) {
    const approve = h('button', {type: 'button', class: 'primary', id: 'approve-device', onclick: async () => {
      if (await busy(approve, errors, () => api.approveDevice(device.id)) !== undefined) {
        await reload();
      }
    }}, 'Approve');
    actions.append(approve);
  }
  actions.append(...accessActions(device, confirmation, errors, reload));
  if (can('delete')) {
    actions.append(h('button', {type: 'button', class: 'danger', id: 'delete-device',
      onclick: () => fill(confirmation, deleteConfirmation(device, errors, () => confirmation.replaceChildren()))},
    'Delete…'));
  }
  return h('header', {class: 'device-header'},
    h('div', {class: 'view-header'},
      h('h1', {id: 'device-name'}, device.name, ' ', statusBadge(device)),
      actions),
    h('dl', {class: 'facts'},
      h('dt', {}, 'Interface name'), h('dd', {class: 'mono', id: 'interface-name'}, device.interfaceName),
      h('dt', {}, 'Provisioning'), h('dd', {}, device.provisioning),
      h('dt', {}, 'Codec'), h('dd', {}, device.codec ?? '—'),
      h('dt', {}, 'Created'), h('dd', {}, time(device.createdAt)),
      h('dt', {}, 'Id'), h('dd', {class: 'mono'}, device.id)),
    device.status === 'pending'
      ? h('p', {class: 'warning'}, 'This device provisioned itself and waits for approval.') : null,
    device.disabled
      ? h('p', {class: 'warning', id: 'disabled-notice'}, 'Disabled since ', time(device.disabledAt),
        ': the broker refuses this device until it is enabled.') : null,
    confirmation, errors);
}

function deleteConfirmation(device, errors, cancel) {
  const confirm = h('button', {type: 'button', class: 'danger', id: 'confirm-delete', onclick: async () => {
    if (await busy(confirm, errors, () => api.deleteDevice(device.id).then(() => true))) {
      location.hash = '#/';
    }
  }}, 'Delete the device');
  return h('div', {class: 'confirmation', role: 'alertdialog', 'aria-labelledby': 'delete-question'},
    h('p', {id: 'delete-question'}, h('strong', {}, `Delete “${device.name}”?`),
      ' Its broker account is removed and its open connections are closed; its configurations ',
      'and commands go with it. This cannot be undone.'),
    h('div', {class: 'actions'}, confirm,
      h('button', {type: 'button', id: 'cancel-delete', onclick: cancel}, 'Cancel')));
}

function topicsSection(device) {
  return h('section', {class: 'card', id: 'topics'},
    h('h2', {}, 'Topics'),
    h('table', {class: 'list'},
      h('thead', {}, h('tr', {}, h('th', {}, 'Topic'), h('th', {}, 'Access'))),
      h('tbody', {}, (device.topics ?? []).map((t) =>
        h('tr', {}, h('td', {class: 'mono'}, t.topic), h('td', {}, badge(t.access)))))));
}

function connectivitySection(id) {
  const state = h('p', {id: 'connectivity-state'}, h('span', {class: 'muted'}, 'Loading…'));
  const lastSeen = h('span');
  const history = h('tbody');
  const errors = h('div', {class: 'errors'});
  const element = h('section', {class: 'card', id: 'connectivity'},
    h('h2', {}, 'Connectivity'), state,
    h('p', {class: 'muted'}, 'Last seen connected: ', lastSeen),
    h('details', {}, h('summary', {}, 'History'),
      h('table', {class: 'list'},
        h('thead', {}, h('tr', {}, h('th', {}, 'At'), h('th', {}, 'State'), h('th', {}, 'Source'))),
        history)),
    errors);

  const same = sameAsShown();
  async function refresh() {
    try {
      const c = await api.connectivity(id, 20);
      showProblem(errors, null);
      if (same(c)) return;
      fill(state, connectivityLabel(c));
      fill(lastSeen, time(c.lastSeen));
      fill(history, c.history.length === 0
        ? h('tr', {}, h('td', {colspan: 3, class: 'muted'}, 'Never seen connected.'))
        : c.history.map((t) => h('tr', {},
          h('td', {}, time(t.at)), h('td', {}, badge(t.connected ? 'connected' : 'disconnected')),
          h('td', {}, t.source))));
    } catch (error) {
      showProblem(errors, error);
    }
  }

  return {element, refresh};
}
