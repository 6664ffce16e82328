// Vigil's web UI: routes in the URL's fragment (#/, #/cameras/new, #/cameras/{id}[?day=], #/cameras/{id}/edit),
// so the gateway serves one page and needs no fallback route.
import { api, UNAUTHORIZED_EVENT } from './api';
import { cameraFormPage } from './cameraForm';
import { cameraPage } from './cameraPage';
import { dayKey, isDayKey } from './days';
import { loginPage } from './login';
import { overviewPage } from './overview';
import './style.css';
import type { Caller } from './types';

const root = document.getElementById('app')!;
const who = document.getElementById('who')!;
const logout = document.getElementById('logout') as HTMLButtonElement;
let leave: () => void = () => undefined;
let caller: Caller | null = null;

function route(): void {
  leave();
  if (caller === null) {
    leave = loginPage(root, (accepted) => signedIn(accepted));
    return;
  }
  const [path, query = ''] = location.hash.replace(/^#/, '').split('?');
  const parts = path.split('/').filter(Boolean).map(decodeURIComponent);
  const params = new URLSearchParams(query);
  window.scrollTo(0, 0);
  if (parts[0] === 'cameras' && parts[1] === 'new' && parts.length === 2) {
    leave = cameraFormPage(root, null, (id) => navigate(id ? cameraHref(id) : '#/'));
  } else if (parts[0] === 'cameras' && parts.length === 3 && parts[2] === 'edit') {
    leave = cameraFormPage(root, parts[1], (id) => navigate(id ? cameraHref(id) : '#/'));
  } else if (parts[0] === 'cameras' && parts.length === 2) {
    const day = params.get('day');
    const id = parts[1];
    leave = cameraPage(root, id, isDayKey(day) ? day : dayKey(new Date()), (picked) => navigate(cameraHref(id, picked)));
  } else {
    leave = overviewPage(root);
  }
}

function cameraHref(id: string, day?: string): string {
  return `#/cameras/${encodeURIComponent(id)}${day ? `?day=${day}` : ''}`;
}

function navigate(hash: string): void {
  if (location.hash === hash) {
    route();
  } else {
    location.hash = hash;
  }
}

function signedIn(accepted: Caller | null): void {
  caller = accepted;
  who.textContent = accepted ? accepted.principal : '';
  logout.hidden = accepted === null;
  // only admins may add cameras: the link is not offered to others (the API refuses them anyway)
  const add = document.querySelector<HTMLAnchorElement>('a[href="#/cameras/new"]');
  if (add) {
    add.hidden = !(accepted?.roles.includes('admin') ?? false);
  }
  route();
}

// any 401 of the API (the session expired, was ended elsewhere or the user was removed) brings the form back
window.addEventListener(UNAUTHORIZED_EVENT, () => {
  if (caller !== null) {
    signedIn(null);
  }
});
logout.addEventListener('click', async () => {
  try {
    await api.logout();
  } finally {
    signedIn(null);
  }
});
window.addEventListener('hashchange', route);
api.me().then(signedIn, () => signedIn(null));
