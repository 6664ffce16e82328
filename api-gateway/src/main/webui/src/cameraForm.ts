// Adding or editing a camera. The API validates (api-gateway/README.md); a 400 names the field, and
// its message is shown beside that field.
import { api, ApiError } from './api';
import { h, show } from './dom';
import type { Camera, CameraRequest, Motion } from './types';

const MIB = 1024 * 1024;
const DEFAULT_MOTION: Motion = { enabled: true, sensitivity: 50, minAreaPercent: 1.0, masks: [] };

interface Field {
  name: string;
  label: string;
  input: HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement;
  hint?: string;
}

function input(name: string, value: string | number | null, attrs: Record<string, unknown> = {}): HTMLInputElement {
  return h('input', { name, id: `field-${name}`, value: value === null ? '' : String(value), ...attrs });
}

function number(name: string, value: number | null, min: number, max: number, step: number | string = 1): HTMLInputElement {
  // the browser's own range checks stay off: the API's message is the one shown
  return input(name, value, { type: 'number', inputmode: 'decimal', step, placeholder: `${min}–${max}` });
}

export function cameraFormPage(root: HTMLElement, existing: string | null, done: (id: string | null) => void): () => void {
  const heading = h('h1', { text: existing ? `Edit ${existing}` : 'Add camera' });
  const slot = h('div');
  show(root, heading, slot);
  if (existing) {
    show(slot, h('p', { class: 'muted', text: 'Loading…' }));
    api.camera(existing).then((camera) => show(slot, form(camera, done)),
      (e) => show(slot, h('p', { class: 'error', text: (e as Error).message })));
  } else {
    show(slot, form(null, done));
  }
  return () => undefined;
}

function form(camera: Camera | null, done: (id: string | null) => void): HTMLElement {
  const motion = camera?.motion ?? DEFAULT_MOTION;
  const mode = h('select', { name: 'mode', id: 'field-mode' },
    ...['continuous', 'events', 'off'].map((m) => h('option', { value: m, selected: (camera?.mode ?? 'continuous') === m }, m)));
  const enabled = input('motion.enabled', null, { type: 'checkbox', checked: motion.enabled });
  const fields: Field[] = [
    { name: 'id', label: 'Id', input: input('id', camera?.id ?? '', { readonly: camera !== null, autocomplete: 'off', placeholder: 'front-door' }), hint: 'a-z, 0-9 and -, at most 63' },
    { name: 'name', label: 'Name', input: input('name', camera?.name ?? '', { placeholder: 'the id' }) },
    {
      name: 'url', label: 'URL',
      // the API never shows a stored password: an edit must give the URL again when it had one
      input: input('url', camera && !camera.credentials ? camera.url : '', { placeholder: camera?.url ?? 'rtsp://user:password@192.168.1.20:554/stream', autocomplete: 'off' }),
      hint: camera?.credentials ? 'the stored URL has credentials, which are never shown: enter the whole URL again' : 'rtsp://, rtsps://, or http(s):// ending in .m3u8 (HLS) or .mp4',
    },
    {
      name: 'headers', label: 'HTTP headers',
      // like a URL's password, the API never shows a header's value: an edit must give them again to keep them
      input: h('textarea', { name: 'headers', id: 'field-headers', rows: 2, placeholder: 'Authorization: Bearer …', autocomplete: 'off' }),
      hint: headerNames(camera).length
        ? `set: ${headerNames(camera).join(', ')}; values are never shown: enter them again to keep them, empty removes them`
        : 'HLS or HTTP sources only: one "Name: value" per line',
    },
    { name: 'variant', label: 'HLS variant', input: input('variant', camera?.variant ?? '', { placeholder: 'highest bandwidth' }), hint: 'a variant URI or a RESOLUTION such as 1280x720' },
    { name: 'mode', label: 'Mode', input: mode, hint: 'continuous: always; events: around motion, manual and external triggers' },
    { name: 'rotationSeconds', label: 'File length (s)', input: number('rotationSeconds', camera?.rotationSeconds ?? 900, 10, 86400) },
    { name: 'preRollSeconds', label: 'Pre-roll (s)', input: number('preRollSeconds', camera?.preRollSeconds ?? 5, 0, 30) },
    { name: 'postRollSeconds', label: 'Post-roll (s)', input: number('postRollSeconds', camera?.postRollSeconds ?? 10, 0, 300) },
    { name: 'maxEventSeconds', label: 'Longest event (s)', input: number('maxEventSeconds', camera?.maxEventSeconds ?? 1800, 10, 86400) },
    { name: 'motion.enabled', label: 'Motion detection', input: enabled },
    { name: 'motion.sensitivity', label: 'Sensitivity', input: number('motion.sensitivity', motion.sensitivity, 1, 100) },
    { name: 'motion.minAreaPercent', label: 'Minimum area (%)', input: number('motion.minAreaPercent', motion.minAreaPercent, 0.1, 100, 'any') },
    { name: 'retentionDays', label: 'Keep (days)', input: number('retentionDays', camera?.retentionDays ?? 7, 1, 3650) },
    {
      name: 'retentionBytes', label: 'Keep at most (MiB)',
      input: input('retentionBytes', camera?.retentionBytes ? camera.retentionBytes / MIB : null, { type: 'number', inputmode: 'decimal', step: 'any', placeholder: 'no cap' }),
      hint: 'empty: no cap; at least 100 MiB',
    },
  ];
  const messages = new Map<string, HTMLElement>();
  const top = h('p', { class: 'error form-error', hidden: true, role: 'alert' });
  const rows = fields.map((f) => {
    const message = h('span', { class: 'field-error', hidden: true, dataset: { errorFor: f.name } });
    messages.set(f.name, message);
    return h('div', { class: 'form-row', dataset: { field: f.name } },
      h('label', { for: f.input.id, text: f.label }),
      h('div', {}, f.input, f.hint ? h('small', { class: 'muted', text: f.hint }) : null, message));
  });
  const value = (name: string) => fields.find((f) => f.name === name)!.input.value.trim();
  const num = (name: string) => (value(name) === '' ? NaN : Number(value(name)));

  const submit = h('button', { type: 'submit', class: 'primary' }, camera ? 'Save' : 'Add camera');
  const element = h('form', { class: 'camera-form', novalidate: true },
    top, ...rows,
    camera?.motion.masks.length ? h('p', { class: 'muted', text: `${camera.motion.masks.length} motion masks stay as they are.` }) : null,
    h('div', { class: 'form-actions' }, submit,
      h('a', { class: 'button', href: camera ? `#/cameras/${encodeURIComponent(camera.id)}` : '#/', text: 'Cancel' }),
      camera ? deleteButton(camera.id, top, done) : null));

  element.addEventListener('submit', async (e) => {
    e.preventDefault();
    top.hidden = true;
    messages.forEach((m) => (m.hidden = true));
    element.querySelectorAll('.invalid').forEach((el) => el.classList.remove('invalid'));
    const megabytes = value('retentionBytes');
    const body: CameraRequest = {
      id: value('id'),
      name: value('name') || value('id'),
      url: value('url'),
      mode: value('mode'),
      rotationSeconds: num('rotationSeconds'),
      preRollSeconds: num('preRollSeconds'),
      postRollSeconds: num('postRollSeconds'),
      maxEventSeconds: num('maxEventSeconds'),
      motion: { enabled: enabled.checked, sensitivity: num('motion.sensitivity'), minAreaPercent: num('motion.minAreaPercent'), masks: motion.masks },
      retentionDays: num('retentionDays'),
      retentionBytes: megabytes === '' ? null : Math.round(Number(megabytes) * MIB),
      headers: parseHeaders(value('headers')),
      variant: value('variant') || null,
    };
    submit.disabled = true;
    try {
      const saved = camera ? await api.updateCamera(camera.id, body) : await api.createCamera(body);
      done(saved.id);
    } catch (error) {
      showError(error, messages, top, element);
    } finally {
      submit.disabled = false;
    }
  });
  return element;
}

function headerNames(camera: Camera | null): string[] {
  return Object.keys(camera?.headers ?? {});
}

/** "Name: value" lines; a line without a colon is sent with an empty value, for the API to refuse by name. */
function parseHeaders(text: string): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const line of text.split('\n').map((l) => l.trim()).filter((l) => l !== '')) {
    const colon = line.indexOf(':');
    headers[colon < 0 ? line : line.slice(0, colon).trim()] = colon < 0 ? '' : line.slice(colon + 1).trim();
  }
  return headers;
}

/** Beside the field the API named (`motion.masks[2].width` belongs to the motion settings), else on top. */
function showError(error: unknown, messages: Map<string, HTMLElement>, top: HTMLElement, form: HTMLElement): void {
  const text = error instanceof ApiError ? error.message : String(error);
  const field = error instanceof ApiError ? error.field : null;
  const message = field ? messages.get(field) : undefined;
  if (message) {
    message.hidden = false;
    message.textContent = text;
    form.querySelector(`[data-field="${CSS.escape(field!)}"]`)?.classList.add('invalid');
  } else {
    top.hidden = false;
    top.textContent = field ? `${field}: ${text}` : text;
  }
}

function deleteButton(id: string, top: HTMLElement, done: (id: string | null) => void): HTMLElement {
  const button = h('button', { type: 'button', class: 'danger' }, 'Remove camera');
  button.addEventListener('click', () => {
    if (button.dataset.armed !== 'true') {
      button.dataset.armed = 'true';
      button.textContent = 'Really remove? (its recordings stay)';
      return;
    }
    api.deleteCamera(id).then(() => done(null), (e) => {
      top.hidden = false;
      top.textContent = (e as Error).message;
    });
  });
  return button;
}
