// The login page: the form of local users and, where an OIDC provider is configured, a link that logs in
// there. Either way a session cookie (HttpOnly, SameSite=Strict) is all the page keeps.
import { api, ApiError } from './api';
import { h, show } from './dom';
import type { Caller } from './types';

/** The gateway's reasons for a failed OIDC login (its log has the details). */
const OIDC_ERRORS: Record<string, string> = {
  no_login: 'This login was not started in this browser, or took longer than 10 minutes. Log in again.',
  refused: 'The identity provider did not log you in.',
  invalid_token: 'The identity provider\'s answer could not be verified.',
  no_role: 'Your account has no Vigil role (viewer, operator or admin). Ask an administrator.',
  unreachable: 'The identity provider cannot be reached. Try again later.',
};

/** Shows the page in `root`; `done` gets the caller once the gateway accepted the password. */
export function loginPage(root: HTMLElement, done: (caller: Caller) => void): () => void {
  const username = h('input', { name: 'username', autocomplete: 'username', required: true });
  const password = h('input', { name: 'password', type: 'password', autocomplete: 'current-password', required: true });
  const error = h('p', { class: 'error', role: 'alert' });
  const submit = h('button', { class: 'primary', type: 'submit', text: 'Log in' });
  const form = h('form', { class: 'login', onsubmit: async (event: Event) => {
    event.preventDefault();
    submit.disabled = true;
    show(error);
    try {
      done(await api.login(username.value, password.value));
    } catch (e) {
      const status = e instanceof ApiError ? e.status : 0;
      show(error, status === 401 ? 'Wrong user name or password.' : (e as Error).message);
      password.value = '';
      password.focus();
    } finally {
      submit.disabled = false;
    }
  } },
  h('label', {}, 'User name', username),
  h('label', {}, 'Password', password),
  submit,
  error);
  const provider = h('p', { class: 'sso' });
  provider.hidden = true;
  show(root, h('h1', { text: 'Log in' }), form, provider);
  // the provider's login sent the browser back here with why it failed: shown once, then gone from the address
  const failed = new URLSearchParams(location.search).get('login_error');
  if (failed) {
    show(error, OIDC_ERRORS[failed] ?? 'The login through the identity provider failed.');
    history.replaceState(null, '', location.pathname + location.hash);
  }
  let left = false;
  api.loginMethods().then((methods) => {
    if (methods.oidc && !left) {
      // back to this very view once logged in there
      const back = `${methods.oidc.login}?return=${encodeURIComponent(location.pathname + location.hash)}`;
      show(provider, h('a', { class: 'button', href: back, text: `Log in with ${methods.oidc.name}` }));
      provider.hidden = false;
    }
  }, () => undefined);
  username.focus();
  return () => {
    left = true;
  };
}
