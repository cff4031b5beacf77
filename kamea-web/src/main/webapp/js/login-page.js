// The login page: user name and password (POST /api/session). A wrong password says so; too many
// failed attempts (429) say how long to wait, counting down, with the button held until then.
import {h, fill} from './dom.js';
import {logIn} from './session.js';

/** loggedIn(user) is called once the server accepted the credentials. */
export function loginView({loggedIn, expired = false}) {
  const username = h('input', {id: 'login-username', name: 'username', required: true, autocomplete: 'username',
    autocapitalize: 'none', spellcheck: 'false'});
  const password = h('input', {id: 'login-password', name: 'password', type: 'password', required: true,
    autocomplete: 'current-password'});
  const submit = h('button', {type: 'submit', class: 'primary', id: 'login-submit'}, 'Log in');
  const message = h('div', {id: 'login-message', 'aria-live': 'assertive'});
  let countdown = null;

  const form = h('form', {class: 'card login', id: 'login-form', onsubmit: async (event) => {
    event.preventDefault();
    stopCountdown();
    submit.disabled = true;
    message.replaceChildren();
    try {
      const user = await logIn(username.value.trim(), password.value);
      loggedIn(user);
    } catch (error) {
      password.value = '';
      if (error.status === 429) {
        tooManyAttempts(error.retryAfter);
        return;
      }
      fill(message, error.status === 401
        ? refusal('Wrong user name or password.', 'Check both and try again.')
        : refusal(error.title, error.detail));
      submit.disabled = false;
      password.focus();
    }
  }},
  h('h1', {}, 'Log in'),
  expired ? h('p', {class: 'warning', id: 'login-expired'},
    'Your session has ended: log in again to go back where you were.') : null,
  h('div', {class: 'field'}, h('label', {for: 'login-username'}, 'User name'), username),
  h('div', {class: 'field'}, h('label', {for: 'login-password'}, 'Password'), password),
  h('div', {class: 'actions'}, submit),
  message);

  function tooManyAttempts(seconds) {
    if (!seconds) {
      fill(message, refusal('Too many failed attempts, try again later.'));
      submit.disabled = false;
      return;
    }
    let left = seconds;
    const text = h('strong', {class: 'problem-title'});
    const show = () => {
      text.textContent = `Too many failed attempts, try again in ${left} s`;
    };
    show();
    fill(message, h('div', {class: 'problem', role: 'alert', id: 'login-error'}, text));
    countdown = setInterval(() => {
      left -= 1;
      if (left <= 0) {
        stopCountdown();
        fill(message, h('p', {class: 'muted'}, 'You may try again.'));
        submit.disabled = false;
      } else {
        show();
      }
    }, 1000);
  }

  function stopCountdown() {
    clearInterval(countdown);
    countdown = null;
  }

  queueMicrotask(() => username.focus());
  return {
    element: h('section', {class: 'login-page'}, form),
    leave: stopCountdown,
  };
}

function refusal(title, detail) {
  return h('div', {class: 'problem', role: 'alert', id: 'login-error'},
    h('strong', {class: 'problem-title'}, title),
    detail ? h('span', {class: 'problem-detail'}, detail) : null);
}
