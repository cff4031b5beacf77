// A secret shown once (a device password, an API key, a user's generated password): in a field
// to select, with a Copy button.
import {h} from './dom.js';

/** A <dt>/<dd> pair for a <dl>: the label, the value (data-field=field) and its Copy button. */
export function secret(label, value, field) {
  const status = h('span', {class: 'copied', 'aria-live': 'polite'});
  const copy = h('button', {type: 'button', class: 'small', 'data-copy': field, onclick: async () => {
    status.textContent = await copyText(value) ? 'Copied' : 'Select and copy it by hand';
  }}, 'Copy');
  return [h('dt', {}, label),
    h('dd', {}, h('code', {class: 'secret', 'data-field': field}, value), ' ', copy, ' ', status)];
}

async function copyText(text) {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    // no clipboard API (not a secure context) or no permission: the old way
    const area = h('textarea', {class: 'offscreen', readonly: true}, text);
    document.body.append(area);
    area.select();
    const done = document.execCommand('copy');
    area.remove();
    return done;
  }
}
