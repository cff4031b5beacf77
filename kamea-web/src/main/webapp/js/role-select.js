// A <select> of the three roles.
import {h} from './dom.js';
import {ROLES} from './roles.js';

export function roleSelect(id, selected, label) {
  return h('select', {id, 'aria-label': label ?? null},
    ROLES.map((role) => h('option', {value: role, selected: role === selected}, role)));
}
