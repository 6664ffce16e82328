// The day's recording files: lock one against retention, unlock it, or delete it (asked twice).
import { api, ApiError } from './api';
import { h, show } from './dom';
import * as format from './format';
import type { Recording } from './types';

/** At most this many rows, newest first: a day of 10 s files would be thousands. */
const SHOWN = 200;

export function recordingList(all: Recording[], changed: () => void): HTMLElement {
  const recordings = [...all].sort((a, b) => Date.parse(b.start) - Date.parse(a.start)).slice(0, SHOWN);
  const message = h('p', { class: 'error', hidden: true });
  const fail = (e: unknown) => {
    message.hidden = false;
    message.textContent = e instanceof ApiError ? e.message : String(e);
  };
  const items = recordings.map((r) => {
    const lock = h('button', { type: 'button', class: r.retentionLocked ? 'lock locked' : 'lock' }, r.retentionLocked ? 'Unlock' : 'Lock');
    lock.addEventListener('click', () => (r.retentionLocked ? api.unlock(r.id) : api.lock(r.id)).then(changed, fail));
    const remove = h('button', { type: 'button', class: 'delete danger' }, 'Delete');
    remove.addEventListener('click', () => {
      if (remove.dataset.armed !== 'true') {
        // a second click confirms: no browser dialog to block the page
        remove.dataset.armed = 'true';
        remove.textContent = 'Really delete?';
        return;
      }
      api.deleteRecording(r.id).then(changed, fail);
    });
    return h('li', { class: 'recording-item', dataset: { recording: String(r.id), locked: String(r.retentionLocked) } },
      h('div', {},
        h('strong', { text: `${format.time(r.start)} – ${format.time(r.end)}` }),
        h('span', { class: 'muted', text: ` ${format.seconds(r.durationSeconds)} · ${format.bytes(r.bytes)} · ${r.reason}` }),
        r.retentionLocked ? h('span', { class: 'badge locked', text: 'locked' }) : null),
      h('div', { class: 'actions' },
        h('a', { class: 'button', href: `/api/recordings/${r.id}/media.mp4`, download: `recording-${r.id}.mp4` }, 'File'),
        lock, remove));
  });
  const list = h('ul', { class: 'list' });
  show(list, ...items);
  return h('section', { class: 'recordings' },
    h('h2', { text: all.length > SHOWN ? `Recordings (newest ${SHOWN} of ${all.length})` : `Recordings (${all.length})` }),
    message,
    items.length ? list : h('p', { class: 'muted', text: 'No recordings this day.' }));
}
