// Commands: send one (optionally waiting for its outcome; for a role that may command devices)
// and the device's history of them.
import {api} from './api.js';
import {h, fill, showProblem, time, badge, json, busy, sameAsShown} from './dom.js';
import {jsonField} from './json-field.js';

const HISTORY_SIZE = 20;

export function commandsSection(id, {canSend = false} = {}) {
  const name = h('input', {id: 'command-name', required: true, maxlength: 100, autocomplete: 'off',
    placeholder: 'reboot'});
  const timeout = h('input', {id: 'command-timeout', type: 'number', min: 1, max: 300, value: '30', required: true});
  const wait = h('input', {id: 'command-wait', type: 'checkbox'});
  const send = h('button', {type: 'submit', class: 'primary', id: 'send-command'}, 'Send');
  const payload = jsonField({
    id: 'command-payload', label: 'Payload (any JSON, optional)', rows: 4, optional: true,
    onchange: (result) => {
      send.disabled = !result.ok;
    },
  });
  const sendErrors = h('div', {class: 'errors'});
  const outcome = h('div', {id: 'command-outcome', 'aria-live': 'polite'});
  const history = h('tbody', {id: 'command-history'});
  const total = h('span', {class: 'muted'});
  const errors = h('div', {class: 'errors'});

  const form = h('form', {class: 'command-form', onsubmit: async (event) => {
    event.preventDefault();
    const body = payload.read();
    if (!body.ok) return;
    const command = {name: name.value.trim(), timeoutSeconds: Number(timeout.value)};
    if (body.value !== undefined) {
      command.payload = body.value;
    }
    fill(outcome, wait.checked
      ? h('p', {class: 'muted'}, `Waiting for the device to answer (up to ${command.timeoutSeconds} s)…`)
      : null);
    const sent = await busy(send, sendErrors, () => api.sendCommand(id, command, wait.checked));
    fill(outcome, sent ? commandSummary(sent) : null);
    await refresh();
  }},
  h('div', {class: 'row'},
    h('div', {class: 'field'}, h('label', {for: 'command-name'}, 'Name'), name),
    h('div', {class: 'field narrow'}, h('label', {for: 'command-timeout'}, 'Timeout (s)'), timeout),
    h('label', {class: 'check'}, wait, ' Wait for the outcome')),
  payload.element,
  h('div', {class: 'actions'}, send),
  sendErrors, outcome);

  const element = h('section', {class: 'card', id: 'commands'},
    h('h2', {}, 'Commands'), canSend ? form : null,
    h('h3', {}, 'History ', total),
    h('table', {class: 'list'},
      h('thead', {}, h('tr', {},
        h('th', {}, 'Sent'), h('th', {}, 'Name'), h('th', {}, 'Status'), h('th', {}, 'Payload'),
        h('th', {}, 'Response'), h('th', {}, 'Completed'))),
      history),
    errors);

  const same = sameAsShown();
  async function refresh() {
    let page;
    try {
      page = await api.commands(id, {size: HISTORY_SIZE});
    } catch (error) {
      showProblem(errors, error);
      return;
    }
    showProblem(errors, null);
    if (same(page)) return;
    total.textContent = page.total > page.items.length
      ? `(latest ${page.items.length} of ${page.total})` : `(${page.total})`;
    fill(history, page.items.length === 0
      ? h('tr', {}, h('td', {colspan: 6, class: 'muted'}, 'No command sent yet.'))
      : page.items.map((c) => h('tr', {'data-command-id': c.id},
        h('td', {}, time(c.createdAt)),
        h('td', {class: 'mono'}, c.name),
        h('td', {class: 'command-status'}, badge(c.status), c.deviceOffline ? h('small', {class: 'muted'}, ' offline') : null),
        h('td', {}, json(c.payload)),
        h('td', {}, responseOf(c)),
        h('td', {}, time(c.completedAt)))));
  }

  return {element, refresh};
}

function responseOf(command) {
  if (command.lateResponse !== undefined && command.lateResponse !== null) {
    return [h('small', {class: 'muted'}, 'late, ', time(command.lateAt)), json(command.lateResponse)];
  }
  return json(command.response);
}

function commandSummary(command) {
  return h('p', {class: 'result'}, 'Command ', h('code', {}, command.name), ' ', badge(command.status),
    command.deviceOffline ? ' — the device was not connected when it was sent.' : '',
    command.status === 'pending' ? ' — see the history below for its outcome.' : '');
}
