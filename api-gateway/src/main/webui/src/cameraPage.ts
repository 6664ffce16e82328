// A camera's page: calendar, the chosen day's timeline, the player, the day's events and recordings.
import { api } from './api';
import { calendar } from './calendar';
import { onlineBadge } from './cameraCard';
import { addMonths, dayEnd, dayKey, dayStart, monthKey, zone } from './days';
import { every, h, show } from './dom';
import { eventList } from './eventList';
import * as format from './format';
import { Player } from './player';
import { RecordingList } from './recordingList';
import { Timeline } from './timeline';
import type { Span } from './types';

/** How long a click plays at most; the playback API allows a day. */
const PLAY_SPAN_MS = 3600_000;
const STATUS_EVERY_MS = 5000;
/** Today's timeline grows while the camera records. */
const TODAY_EVERY_MS = 10000;

export function cameraPage(root: HTMLElement, cameraId: string, day: string, go: (day: string) => void): () => void {
  const title = h('h1', { text: cameraId });
  const badge = h('span');
  const summary = h('p', { class: 'muted' });
  const calendarSlot = h('div');
  const eventsSlot = h('div');
  const recordingsSlot = h('div');
  const error = h('p', { class: 'error', hidden: true });
  let covered: Span[] = [];
  let month = monthKey(dayStart(day));
  const from = dayStart(day);
  const to = dayEnd(day);

  const player = new Player(cameraId, (instant) => timeline.setPlayhead(instant));
  const play = (start: Date, end: Date) => void player.play(start, end);
  const timeline = new Timeline((instant) => {
    // in a gap: the footage that follows it
    const next = covered.find((s) => Date.parse(s.end) > instant.getTime());
    if (!next) {
      player.notice(`No footage at or after ${format.time(instant)}.`, true);
      return;
    }
    const start = new Date(Math.max(instant.getTime(), Date.parse(next.start)));
    play(start, new Date(Math.min(start.getTime() + PLAY_SPAN_MS, Date.now())));
  });

  show(root,
    h('div', { class: 'page-head' },
      h('a', { href: '#/', text: '← Cameras' }), title, badge,
      h('a', { class: 'button', href: `#/cameras/${encodeURIComponent(cameraId)}/edit`, text: 'Edit' })),
    summary, error,
    h('div', { class: 'camera-layout' },
      h('aside', {}, calendarSlot, eventsSlot),
      h('div', { class: 'camera-main' },
        h('h2', { text: new Intl.DateTimeFormat(undefined, { dateStyle: 'full' }).format(from) }),
        timeline.element, player.element, recordingsSlot)));

  const fail = (e: unknown) => {
    error.hidden = false;
    error.textContent = (e as Error).message;
  };

  const drawCalendar = async () => {
    const dates = await api.dates(cameraId, month, zone).catch((e) => {
      fail(e);
      return null;
    });
    show(calendarSlot, calendar({
      month,
      footage: new Set(dates?.dates ?? []),
      selected: day,
      onPick: go,
      onMonth: (delta) => {
        month = addMonths(month, delta);
        void drawCalendar();
      },
    }));
  };

  const recordingsView = new RecordingList(() => void loadDay());
  show(recordingsSlot, recordingsView.element);
  const loadDay = async () => {
    try {
      const [data, recordings] = await Promise.all([api.timeline(cameraId, from, to), api.recordings(cameraId, from, to)]);
      error.hidden = true;
      covered = data.covered;
      timeline.setData(from, to, data);
      show(eventsSlot, eventList(cameraId, data.events, play));
      recordingsView.update(recordings);
    } catch (e) {
      fail(e);
    }
  };

  const stopStatus = every(STATUS_EVERY_MS, async () => {
    try {
      const camera = await api.camera(cameraId);
      title.textContent = camera.name;
      show(badge, onlineBadge(camera));
      const s = camera.status;
      summary.textContent = `${camera.id} · ${camera.mode} · ${s.connection} · ${s.state}`
        + (s.fps !== null ? ` · ${s.fps.toFixed(1)} fps` : '') + (s.bitrate !== null ? ` · ${format.bitrate(s.bitrate)}` : '')
        + (s.lastError ? ` · last error: ${s.lastError}` : '');
    } catch (e) {
      // a removed camera's footage stays: the page still shows it
      summary.textContent = (e as Error).message;
    }
  });
  // today's footage grows while the camera records, and marks the calendar once the first file is in
  const stopDay = day === dayKey(new Date())
    ? every(TODAY_EVERY_MS, () => Promise.all([loadDay(), drawCalendar()]).then(() => undefined))
    : (void loadDay(), void drawCalendar(), () => undefined);
  return () => {
    stopStatus();
    stopDay();
    player.stop();
  };
}
