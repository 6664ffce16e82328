// The day's recording files: lock one against retention, unlock it, or delete it (asked twice).
import { api, ApiError } from './api';
import { h, show } from './dom';
import * as format from './format';
import type { Recording } from './types';

/** At most this many rows, newest first: a day of 10 s files would be thousands. */
const SHOWN = 200;

/**
 * Made once per camera page and updated as today's files come in (every few seconds): what the user
 * did, an error shown or a deletion asked once, outlives those updates.
 */
export class RecordingList {
  readonly element: HTMLElement;
  private readonly heading = h('h2', { text: 'Recordings' });
  private readonly message = h('p', { class: 'error', hidden: true });
  private readonly rows = h('div');
  /** Deletions asked once: the next click on the same file confirms. */
  private readonly armed = new Set<number>();

  constructor(private readonly changed: () => void) {
    this.element = h('section', { class: 'recordings' }, this.heading, this.message, this.rows);
  }

  update(all: Recording[]): void {
    const recordings = [...all].sort((a, b) => Date.parse(b.start) - Date.parse(a.start)).slice(0, SHOWN);
    this.heading.textContent = all.length > SHOWN ? `Recordings (newest ${SHOWN} of ${all.length})` : `Recordings (${all.length})`;
    const items = recordings.map((r) => this.item(r));
    show(this.rows, items.length ? h('ul', { class: 'list' }, ...items) : h('p', { class: 'muted', text: 'No recordings this day.' }));
  }

  private item(r: Recording): HTMLElement {
    const lock = h('button', { type: 'button', class: r.retentionLocked ? 'lock locked' : 'lock' }, r.retentionLocked ? 'Unlock' : 'Lock');
    lock.addEventListener('click', () => this.act(r.retentionLocked ? api.unlock(r.id) : api.lock(r.id)));
    const remove = h('button', { type: 'button', class: 'delete danger', dataset: { armed: String(this.armed.has(r.id)) } },
      this.armed.has(r.id) ? 'Really delete?' : 'Delete');
    remove.addEventListener('click', () => {
      if (!this.armed.has(r.id)) {
        // a second click confirms: no browser dialog to block the page
        this.armed.add(r.id);
        remove.dataset.armed = 'true';
        remove.textContent = 'Really delete?';
        return;
      }
      this.armed.delete(r.id);
      this.act(api.deleteRecording(r.id));
    });
    return h('li', { class: 'recording-item', dataset: { recording: String(r.id), locked: String(r.retentionLocked) } },
      h('div', {},
        h('strong', { text: `${format.time(r.start)} – ${format.time(r.end)}` }),
        h('span', { class: 'muted', text: ` ${format.seconds(r.durationSeconds)} · ${format.bytes(r.bytes)} · ${r.reason}` }),
        r.retentionLocked ? h('span', { class: 'badge locked', text: 'locked' }) : null),
      h('div', { class: 'actions' },
        h('a', { class: 'button', href: `/api/recordings/${r.id}/media.mp4`, download: `recording-${r.id}.mp4` }, 'File'),
        lock, remove));
  }

  /** The last action's error stays until the next action. */
  private act(request: Promise<unknown>): void {
    this.message.hidden = true;
    request.then(this.changed, (e: unknown) => {
      this.message.hidden = false;
      this.message.textContent = e instanceof ApiError ? e.message : String(e);
    });
  }
}
