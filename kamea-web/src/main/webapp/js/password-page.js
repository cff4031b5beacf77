// Changing one's own password (PUT /api/session/password): the current one, the new one twice.
import {h, fill, busy} from './dom.js';
import {api} from './api.js';
import {refreshSession} from './session.js';

export const MIN_PASSWORD_LENGTH = 12;

export function passwordView() {
  const current = h('input', {id: 'current-password', type: 'password', required: true,
    autocomplete: 'current-password'});
  const next = h('input', {id: 'new-password', type: 'password', required: true,
    minlength: MIN_PASSWORD_LENGTH, autocomplete: 'new-password'});
  const again = h('input', {id: 'repeat-password', type: 'password', required: true, autocomplete: 'new-password'});
  const errors = h('div', {class: 'errors'});
  const done = h('div', {id: 'password-changed', 'aria-live': 'polite'});
  const submit = h('button', {type: 'submit', class: 'primary', id: 'save-password'}, 'Change password');

  const form = h('form', {class: 'card', id: 'password-form', onsubmit: async (event) => {
    event.preventDefault();
    done.replaceChildren();
    if (next.value.length < MIN_PASSWORD_LENGTH) {
      return refuse('Too short', `The new password needs at least ${MIN_PASSWORD_LENGTH} characters.`);
    }
    if (next.value !== again.value) {
      return refuse('Passwords differ', 'Type the same new password twice.');
    }
    const changed = await busy(submit, errors, async () => {
      try {
        await api.changePassword(current.value, next.value);
      } catch (error) {
        if (error.status !== 401) throw error;
        // a wrong current password, or a session that ended? Asking again tells: a session that
        // ended answers 401 again, and that leads to the login page.
        try {
          await api.checkSession();
        } catch (sessionError) {
          if (sessionError.status === 401) return false;
          throw sessionError;
        }
        throw {title: 'Wrong current password', detail: 'Your password was not changed.'};
      }
      return true;
    });
    current.value = '';
    if (changed) {
      next.value = '';
      again.value = '';
      fill(done, h('p', {class: 'result'}, 'Password changed.'));
      await refreshSession().catch(() => null); // the server may have given the session a new CSRF token
    }
  }},
  h('div', {class: 'field'}, h('label', {for: 'current-password'}, 'Current password'), current),
  h('div', {class: 'field'}, h('label', {for: 'new-password'}, 'New password'), next,
    h('small', {class: 'muted'}, `At least ${MIN_PASSWORD_LENGTH} characters.`)),
  h('div', {class: 'field'}, h('label', {for: 'repeat-password'}, 'New password again'), again),
  h('div', {class: 'actions'}, submit, h('a', {href: '#/', class: 'button'}, 'Back to the devices')),
  errors, done);

  function refuse(title, detail) {
    fill(errors, h('div', {class: 'problem', role: 'alert'},
      h('strong', {class: 'problem-title'}, title), h('span', {class: 'problem-detail'}, detail)));
  }

  queueMicrotask(() => current.focus());
  return {element: h('section', {class: 'password'},
    h('header', {class: 'view-header'}, h('h1', {}, 'Change your password')), form)};
}
