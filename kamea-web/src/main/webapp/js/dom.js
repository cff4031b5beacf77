// Building the page. Every text goes in through text nodes or attributes, never through
// innerHTML: device names, configurations and API answers cannot inject markup.

/**
 * h('a', {href: '#/', class: 'button', onclick: fn}, 'text', child, [more]) → an element.
 * Properties starting with "on" become listeners; null, undefined and false children are skipped.
 */
export function h(tag, props = {}, ...children) {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(props ?? {})) {
    if (value === null || value === undefined || value === false) {
      continue;
    }
    if (name.startsWith('on') && typeof value === 'function') {
      element.addEventListener(name.slice(2), value);
    } else if (name === 'class') {
      element.className = value;
    } else if (name === 'value' || name === 'checked' || name === 'disabled') {
      element[name] = value;
    } else {
      element.setAttribute(name, value === true ? '' : String(value));
    }
  }
  append(element, children);
  return element;
}

function append(element, children) {
  for (const child of children) {
    if (child === null || child === undefined || child === false) {
      continue;
    }
    if (Array.isArray(child)) {
      append(element, child);
    } else if (child instanceof Node) {
      element.append(child);
    } else {
      element.append(document.createTextNode(String(child)));
    }
  }
}

/** Replaces the children of element with these. */
export function fill(element, ...children) {
  element.replaceChildren();
  append(element, children);
  return element;
}

/** An API failure as the operator sees it: the problem's title, then its detail. */
export function problem(error) {
  const title = error?.title ?? 'Unexpected error';
  const detail = error?.detail ?? error?.message ?? '';
  return h('div', {class: 'problem', role: 'alert'},
    h('strong', {class: 'problem-title'}, title),
    detail ? h('span', {class: 'problem-detail'}, detail) : null);
}

/** Shows error in place (a problem box), or clears the place when error is null. */
export function showProblem(place, error) {
  if (error) {
    fill(place, problem(error));
  } else {
    place.replaceChildren();
  }
}

/** A local date and time, with the exact UTC instant as tooltip; '—' when unknown. */
export function time(iso) {
  if (!iso) {
    return h('span', {class: 'muted'}, '—');
  }
  return h('time', {datetime: iso, title: iso}, new Date(iso).toLocaleString());
}

/** A small coloured label, e.g. a command status or a key state. */
export function badge(text, kind = text) {
  return h('span', {class: `badge badge-${kind}`}, text);
}

/** JSON shown as indented text; '—' when there is none. */
export function json(value) {
  if (value === undefined || value === null) {
    return h('span', {class: 'muted'}, '—');
  }
  return h('pre', {class: 'json'}, JSON.stringify(value, null, 2));
}

/** Runs an async action with its button disabled, showing any API error in place. */
export async function busy(button, place, action) {
  button.disabled = true;
  showProblem(place, null);
  try {
    return await action();
  } catch (error) {
    showProblem(place, error);
    return undefined;
  } finally {
    button.disabled = false;
  }
}

/**
 * Remembers the last answer shown: same(answer) is true when that answer is already on screen,
 * so a periodic refresh redraws only what changed (and keeps the operator's text selection).
 */
export function sameAsShown() {
  let shown = null;
  return (answer) => {
    const text = JSON.stringify(answer);
    if (text === shown) {
      return true;
    }
    shown = text;
    return false;
  };
}
