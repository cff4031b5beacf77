// Shutting a device out and letting it in again: disable and enable it; for a device that logs in
// with a certificate, ban that certificate or its common name. Every step that shuts the device
// out asks first, in the header's confirmation place; a ban also asks why.
import {api} from './api.js';
import {h, fill, busy} from './dom.js';
import {can} from './session.js';

/**
 * The device header's buttons. place: where a confirmation opens (one at a time); errors: where a
 * refusal shows; reload: shows the device again once it changed.
 */
export function accessActions(device, place, errors, reload) {
  const close = () => place.replaceChildren();
  const ask = (confirmation) => () => fill(place, confirmation(device, errors, close, reload));
  const buttons = [];
  if (!can('disable')) {
    return buttons; // banning is an admin's too
  }
  if (device.disabled) {
    const enable = h('button', {type: 'button', class: 'primary', id: 'enable-device', onclick: async () => {
      if (await busy(enable, errors, () => api.enableDevice(device.id)) !== undefined) {
        await reload();
      }
    }}, 'Enable');
    buttons.push(enable);
  } else {
    buttons.push(h('button', {type: 'button', id: 'disable-device', onclick: ask(disableConfirmation)}, 'Disable…'));
  }
  if (device.provisioning !== 'password' && can('ban')) {
    buttons.push(
      h('button', {type: 'button', class: 'danger', id: 'ban-certificate', onclick: ask(certificateBan)},
        'Ban certificate…'),
      h('button', {type: 'button', class: 'danger', id: 'ban-common-name', onclick: ask(commonNameBan)}, 'Ban CN…'));
  }
  return buttons;
}

function disableConfirmation(device, errors, close, reload) {
  return confirmation('disable', `Disable “${device.name}”?`,
    'Its broker permissions are taken away and its open connections closed: it cannot connect until it is ' +
    'enabled. Its credentials, configurations and data stay.',
    [], 'Disable the device', () => api.disableDevice(device.id), errors, close, reload);
}

function certificateBan(device, errors, close, reload) {
  const uploaded = device.certificate?.fingerprintSha256;
  const fingerprint = uploaded ? null : h('input', {id: 'ban-fingerprint', required: true, autocomplete: 'off',
    class: 'mono', placeholder: '5B:79:29:…  or  5b7929…'});
  const reason = reasonField();
  const fields = [
    fingerprint ? field('ban-fingerprint', 'SHA-256 fingerprint of the certificate', fingerprint,
      'Kamea does not keep a CA-signed certificate: openssl x509 -noout -fingerprint -sha256 -in device.pem') : null,
    reason.element];
  const explanation = uploaded
    ? `The certificate it uploaded (${uploaded}) is refused from now on, and the device is disabled.`
    : 'The broker refuses that certificate from now on, whatever CA signed it; the device\'s open connections ' +
      'are closed, so it comes back only with another certificate.';
  return confirmation('ban', `Ban the certificate of “${device.name}”?`, explanation, fields, 'Ban the certificate',
    () => api.banDevice(device.id, {ban: 'certificate', fingerprintSha256: fingerprint?.value.trim() || undefined,
      reason: reason.value()}), errors, close, reload);
}

function commonNameBan(device, errors, close, reload) {
  const reason = reasonField();
  return confirmation('ban', `Ban the common name “${device.interfaceName}”?`,
    'No certificate with this CN provisions itself again, and this device is disabled: it stays so until the ' +
    'ban is lifted (Bans) and the device enabled.',
    [reason.element], 'Ban the common name',
    () => api.banDevice(device.id, {ban: 'common-name', reason: reason.value()}), errors, close, reload);
}

function reasonField() {
  const input = h('input', {id: 'ban-reason', required: true, maxlength: 500, autocomplete: 'off'});
  return {element: field('ban-reason', 'Reason (kept with the ban)', input), value: () => input.value.trim()};
}

function field(id, label, input, help) {
  return h('div', {class: 'field'}, h('label', {for: id}, label), input,
    help ? h('small', {class: 'muted'}, help) : null);
}

/** A question, its consequences, the fields it needs, and a button that acts then reloads the device. */
function confirmation(kind, question, explanation, fields, label, act, errors, close, reload) {
  const confirm = h('button', {type: 'submit', class: 'danger', id: `confirm-${kind}`}, label);
  const form = h('form', {class: 'confirmation', role: 'alertdialog', 'aria-labelledby': `${kind}-question`,
    onsubmit: async (event) => {
      event.preventDefault();
      if (await busy(confirm, errors, act) !== undefined) {
        close();
        await reload();
      }
    }},
  h('p', {id: `${kind}-question`}, h('strong', {}, question), ' ', explanation),
  fields,
  h('div', {class: 'actions'}, confirm, h('button', {type: 'button', id: `cancel-${kind}`, onclick: close}, 'Cancel')));
  queueMicrotask(() => form.querySelector('input')?.focus());
  return form;
}
