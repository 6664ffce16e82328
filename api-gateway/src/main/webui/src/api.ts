// The gateway's REST API, called from the page (same origin).
import type { Caller, Camera, LoginMethods, CameraRequest, Recording, RecordingDates, Storage, Timeline } from './types';

/** A problem+json answer: `field` names the body field or query parameter at fault. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly title: string,
    readonly detail: string | null,
    readonly field: string | null,
    readonly code: number | null,
  ) {
    super(detail ?? title);
  }
}

/** Fired on window when the gateway answers 401: the session ended (or never was); main.ts shows the login form. */
export const UNAUTHORIZED_EVENT = 'vigil:unauthorized';

/** Tells the page that the session is gone (the login form comes back); any fetch of the API may call it. */
export function noticeUnauthorized(response: Response): void {
  if (response.status === 401) {
    window.dispatchEvent(new CustomEvent(UNAUTHORIZED_EVENT));
  }
}

// the session travels in the HttpOnly vigil_session cookie, sent by fetch, <video> and download links alike (same origin)
async function call<T>(method: string, url: string, body?: unknown): Promise<T> {
  const response = await fetch(url, {
    method,
    credentials: 'same-origin',
    headers: body === undefined ? { Accept: 'application/json' } : { Accept: 'application/json', 'Content-Type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (!response.ok) {
    if (!url.startsWith('/api/auth/')) {
      noticeUnauthorized(response);
    }
    throw await problemOf(response);
  }
  if (response.status === 204) {
    return undefined as T;
  }
  return (await response.json()) as T;
}

/** The error an answer that is not ok describes (problem+json, else its status line). */
export async function problemOf(response: Response): Promise<ApiError> {
  let problem: { title?: string; detail?: string; field?: string; code?: number } = {};
  try {
    problem = await response.json();
  } catch {
    // not problem+json (a proxy's page, say): the status says enough
  }
  return new ApiError(response.status, problem.title ?? `${response.status} ${response.statusText}`,
    problem.detail ?? null, problem.field ?? null, problem.code ?? null);
}

const enc = encodeURIComponent;
const span = (from: Date, to: Date) => `from=${enc(from.toISOString())}&to=${enc(to.toISOString())}`;

export const api = {
  me: () => call<Caller>('GET', '/api/auth/me'),
  login: (username: string, password: string) => call<Caller>('POST', '/api/auth/login', { username, password }),
  logout: () => call<void>('POST', '/api/auth/logout'),
  loginMethods: () => call<LoginMethods>('GET', '/api/auth/methods'),
  cameras: () => call<Camera[]>('GET', '/api/cameras'),
  camera: (id: string) => call<Camera>('GET', `/api/cameras/${enc(id)}`),
  createCamera: (camera: CameraRequest) => call<Camera>('POST', '/api/cameras', camera),
  updateCamera: (id: string, camera: CameraRequest) => call<Camera>('PUT', `/api/cameras/${enc(id)}`, camera),
  deleteCamera: (id: string) => call<void>('DELETE', `/api/cameras/${enc(id)}`),
  storage: () => call<Storage>('GET', '/api/storage'),
  dates: (id: string, month: string, tz: string) =>
    call<RecordingDates>('GET', `/api/cameras/${enc(id)}/dates?month=${enc(month)}&tz=${enc(tz)}`),
  timeline: (id: string, from: Date, to: Date) => call<Timeline>('GET', `/api/cameras/${enc(id)}/timeline?${span(from, to)}`),
  recordings: (id: string, from: Date, to: Date) =>
    call<Recording[]>('GET', `/api/cameras/${enc(id)}/recordings?${span(from, to)}`),
  lock: (id: number) => call<Recording>('PUT', `/api/recordings/${id}/lock`),
  unlock: (id: number) => call<Recording>('DELETE', `/api/recordings/${id}/lock`),
  deleteRecording: (id: number) => call<void>('DELETE', `/api/recordings/${id}`),
  playlistUrl: (id: string, from: Date, to: Date) => `/api/cameras/${enc(id)}/playback.m3u8?${span(from, to)}`,
  clipUrl: (id: string, from: Date, to: Date) => `/api/cameras/${enc(id)}/clip.mp4?${span(from, to)}`,
};
