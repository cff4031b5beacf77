// A textarea for JSON, checked as the operator types: a clear message while it is not valid.
import {h} from './dom.js';

/**
 * {element, textarea, read()}: read() gives {ok: true, value} or {ok: false}; an empty field is
 * {ok: true, value: undefined} when optional. objectOnly refuses anything but a JSON object.
 */
export function jsonField({id, label, value = '', rows = 8, optional = false, objectOnly = false, onchange}) {
  const textarea = h('textarea', {id, rows, spellcheck: 'false', class: 'code'}, value);
  const message = h('div', {class: 'field-message', id: `${id}-message`, 'aria-live': 'polite'});
  textarea.setAttribute('aria-describedby', message.id);

  function read() {
    const text = textarea.value.trim();
    if (text === '') {
      return optional ? {ok: true, value: undefined} : {ok: false, error: 'Enter a JSON document.'};
    }
    let value;
    try {
      value = JSON.parse(text);
    } catch (error) {
      return {ok: false, error: `Invalid JSON: ${error.message}`};
    }
    if (objectOnly && (value === null || typeof value !== 'object' || Array.isArray(value))) {
      return {ok: false, error: 'It must be a JSON object: { "key": value, … }.'};
    }
    return {ok: true, value};
  }

  function check() {
    const result = read();
    message.textContent = result.ok ? '' : result.error;
    textarea.classList.toggle('invalid', !result.ok);
    onchange?.(result);
    return result;
  }

  textarea.addEventListener('input', check);
  const element = h('div', {class: 'field'}, h('label', {for: id}, label), textarea, message);
  return {element, textarea, read: check};
}
