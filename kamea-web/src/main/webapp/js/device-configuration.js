// Desired and reported configurations side by side, where each key stands (in sync, pending,
// drifted), and, for a role that may configure devices, an editor that replaces the desired
// configuration.
import {api} from './api.js';
import {h, fill, showProblem, time, badge, json, busy, sameAsShown} from './dom.js';
import {jsonField} from './json-field.js';

export function configurationSection(id, {editable = false} = {}) {
  const desired = h('div', {class: 'document', id: 'desired'});
  const reported = h('div', {class: 'document', id: 'reported'});
  const keys = h('tbody', {id: 'configuration-keys'});
  const errors = h('div', {class: 'errors'});
  const saveErrors = h('div', {class: 'errors'});
  const saved = h('span', {class: 'muted', id: 'desired-saved', 'aria-live': 'polite'});

  // The editor follows the desired configuration until the operator starts changing it.
  let edited = false;
  const save = h('button', {type: 'submit', class: 'primary', id: 'save-desired'}, 'Replace desired configuration');
  const editor = jsonField({
    id: 'desired-editor', label: 'New desired configuration (the whole document: a missing key is removed)',
    rows: 10, objectOnly: true, onchange: (result) => {
      edited = true;
      save.disabled = !result.ok;
    },
  });
  const form = h('form', {class: 'editor', onsubmit: async (event) => {
    event.preventDefault();
    const result = editor.read();
    if (!result.ok) return;
    const answer = await busy(save, saveErrors, () => api.setDesired(id, result.value));
    if (answer) {
      edited = false;
      saved.textContent = `Saved: version ${answer.version}.`;
      await refresh();
    }
  }}, editor.element, h('div', {class: 'actions'}, save, saved), saveErrors);

  const element = h('section', {class: 'card', id: 'configuration'},
    h('h2', {}, 'Configuration'),
    h('div', {class: 'side-by-side'},
      h('div', {}, h('h3', {}, 'Desired'), desired),
      h('div', {}, h('h3', {}, 'Reported'), reported)),
    h('table', {class: 'list keys'},
      h('thead', {}, h('tr', {}, h('th', {}, 'Key'), h('th', {}, 'Desired'), h('th', {}, 'Reported'),
        h('th', {}, 'State'))),
      keys),
    errors, editable ? form : null);

  const same = sameAsShown();
  async function refresh() {
    let c;
    try {
      c = await api.configurations(id);
    } catch (error) {
      showProblem(errors, error);
      return;
    }
    showProblem(errors, null);
    if (same(c)) return;
    fill(desired, versionLine(c.desired, c.desired.updatedAt, 'set'), json(c.desired.document));
    fill(reported, versionLine(c.reported, c.reported.reportedAt, 'reported'), json(c.reported.document));
    const names = Object.keys(c.keys ?? {}).sort();
    fill(keys, names.length === 0
      ? h('tr', {}, h('td', {colspan: 4, class: 'muted'}, 'No key desired or reported yet.'))
      : names.map((key) => h('tr', {'data-key': key},
        h('td', {class: 'mono'}, key),
        h('td', {}, value(c.desired.document, key)),
        h('td', {}, value(c.reported.document, key)),
        h('td', {class: 'key-state'}, badge(c.keys[key])))));
    if (!edited) {
      editor.textarea.value = JSON.stringify(c.desired.document ?? {}, null, 2);
    }
  }

  return {element, refresh};
}

function versionLine(configuration, at, verb) {
  return configuration.version
    ? h('p', {class: 'muted'}, `Version ${configuration.version}, ${verb} `, time(at))
    : h('p', {class: 'muted'}, verb === 'set' ? 'None set yet.' : 'Nothing reported yet.');
}

function value(document, key) {
  if (!document || !Object.hasOwn(document, key)) {
    return h('span', {class: 'muted'}, '—');
  }
  return h('code', {}, JSON.stringify(document[key]));
}
