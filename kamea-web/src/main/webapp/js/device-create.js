// Provisioning a device: with a generated password (credentials shown once), with a certificate
// from a whitelisted CA (by its common name), or with a self-signed certificate (its PEM).
import {api} from './api.js';
import {h, fill, busy} from './dom.js';
import {secret} from './shown-once.js';

export function createView() {
  const name = h('input', {id: 'device-name', name: 'name', required: true, maxlength: 200, autocomplete: 'off'});
  const commonName = h('input', {id: 'common-name', name: 'commonName', maxlength: 64, autocomplete: 'off'});
  const pem = h('textarea', {id: 'certificate-pem', name: 'certificate', rows: 8, spellcheck: 'false',
    placeholder: '-----BEGIN CERTIFICATE-----\n…\n-----END CERTIFICATE-----'});
  const file = h('input', {type: 'file', id: 'certificate-file', accept: '.pem,.crt,.cer,application/x-pem-file'});
  file.addEventListener('change', async () => {
    if (file.files.length > 0) {
      pem.value = (await file.files[0].text()).trim();
    }
  });

  const choices = [
    ['password', 'Password', 'Kamea generates the login and a password, shown once.'],
    ['certificate', 'CA-signed certificate', 'The device presents a certificate from a whitelisted CA; give its common name.'],
    ['self-signed', 'Self-signed certificate', 'Upload or paste the device\'s own certificate (PEM).'],
  ];
  const radios = choices.map(([value, label, help]) =>
    h('label', {class: 'choice'},
      h('input', {type: 'radio', name: 'provisioning', value, checked: value === 'password', onchange: update}),
      h('span', {}, h('strong', {}, label), h('small', {class: 'muted'}, help))));
  const certificateFields = h('div', {class: 'field', hidden: true},
    h('label', {for: 'common-name'}, 'Certificate common name (CN)'), commonName,
    h('small', {class: 'muted'}, 'Becomes the interface name: one topic level, no / + # . * or spaces.'));
  const selfSignedFields = h('div', {class: 'field', hidden: true},
    h('label', {for: 'certificate-file'}, 'Certificate (PEM)'), file,
    h('small', {class: 'muted'}, 'or paste it:'), pem);

  const errors = h('div', {class: 'errors'});
  const submit = h('button', {type: 'submit', class: 'primary', id: 'create-device'}, 'Create device');
  const form = h('form', {class: 'card', id: 'create-form', onsubmit: create},
    h('div', {class: 'field'}, h('label', {for: 'device-name'}, 'Name'), name),
    h('fieldset', {}, h('legend', {}, 'Provisioning'), radios),
    certificateFields, selfSignedFields,
    h('div', {class: 'actions'}, submit, h('a', {href: '#/', class: 'button'}, 'Cancel')),
    errors);
  const element = h('section', {class: 'create'},
    h('header', {class: 'view-header'}, h('h1', {}, 'New device')), form);

  function provisioning() {
    return form.querySelector('input[name=provisioning]:checked').value;
  }

  function update() {
    certificateFields.hidden = provisioning() !== 'certificate';
    selfSignedFields.hidden = provisioning() !== 'self-signed';
    commonName.required = !certificateFields.hidden;
  }

  async function create(event) {
    event.preventDefault();
    const request = {name: name.value.trim(), provisioning: provisioning()};
    if (request.provisioning === 'certificate') {
      request.commonName = commonName.value.trim();
    } else if (request.provisioning === 'self-signed') {
      request.certificate = pem.value.trim();
    }
    const device = await busy(submit, errors, () => api.createDevice(request));
    if (device) {
      fill(element, await created(device));
    }
  }

  queueMicrotask(() => name.focus());
  return {element};
}

/** The device just made; its credentials, if it has any, are on screen now and never again. */
async function created(device) {
  const open = h('a', {href: `#/devices/${encodeURIComponent(device.id)}`, class: 'button primary', id: 'open-device'},
    'Open the device');
  const header = h('header', {class: 'view-header'}, h('h1', {}, `Device “${device.name}” created`));
  if (!device.credentials) {
    return [header, h('div', {class: 'card'},
      h('p', {}, 'The device connects over TLS presenting its certificate, with no user name or password and with MQTT client id ',
        h('code', {}, device.interfaceName), '.'),
      h('div', {class: 'actions'}, open, h('a', {href: '#/', class: 'button'}, 'Back to the devices')))];
  }
  let mqttUrl = null;
  try {
    mqttUrl = (await api.broker()).mqttUrl;
  } catch {
    // the credentials matter more than the URL: show them anyway
  }
  return [header, h('div', {class: 'card credentials', id: 'credentials'},
    h('p', {class: 'warning', role: 'alert'},
      h('strong', {}, 'Shown once. '),
      'Kamea does not keep this password: copy it now, it cannot be displayed again. ',
      'If it is lost, delete the device and provision it again.'),
    h('dl', {},
      secret('Login (MQTT user name and client id)', device.credentials.login, 'login'),
      secret('Password', device.credentials.password, 'password'),
      mqttUrl ? secret('MQTT URL (TLS)', mqttUrl, 'mqtt-url') : null),
    h('div', {class: 'actions'}, open, h('a', {href: '#/', class: 'button'}, 'Back to the devices')))];
}
