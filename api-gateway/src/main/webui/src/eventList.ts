// The day's events beside the timeline: play one, or download it as one MP4 (the clip endpoint).
import { api } from './api';
import { h } from './dom';
import * as format from './format';
import type { VigilEvent } from './types';

/** Where an event's footage ends: its post-roll, else its end, else now (it is still running). */
export function eventEnd(event: VigilEvent): Date {
  const end = event.recordingEnd ?? event.end;
  return end ? new Date(end) : new Date();
}

export function eventList(cameraId: string, events: VigilEvent[], play: (from: Date, to: Date) => void): HTMLElement {
  const items = events.map((event) => {
    const from = new Date(event.start);
    const to = eventEnd(event);
    const score = event.peakScore === null ? '' : ` · score ${event.peakScore.toFixed(1)}`;
    return h('li', { class: `event-item reason-${event.reason}`, dataset: { event: event.id } },
      h('div', {},
        h('strong', { text: `${format.time(from)} – ${event.end || event.recordingEnd ? format.time(to) : 'running'}` }),
        h('span', { class: 'muted', text: ` ${event.reason}${event.label ? ` · ${event.label}` : ''}${score}` })),
      h('div', { class: 'actions' },
        h('button', { type: 'button', class: 'play', onclick: () => play(from, to) }, 'Play'),
        h('a', { class: 'button download', href: api.clipUrl(cameraId, from, to), download: `${cameraId}-${event.start}.mp4` }, 'Download')));
  });
  return h('section', { class: 'events' },
    h('h2', { text: `Events (${events.length})` }),
    items.length ? h('ul', { class: 'list' }, ...items) : h('p', { class: 'muted', text: 'No events this day.' }));
}
