// A day's timeline: covered stretches, gaps and events on a 24 h axis, zoomable down to one hour.
// Clicking (or pressing Enter on) an instant asks to play from there.
import { h, show } from './dom';
import * as format from './format';
import type { Timeline as TimelineData } from './types';

const HOUR = 3600_000;
/** The widths the view zooms through after the whole day (23 to 25 hours); the last one is an hour. */
const ZOOMS = [24, 12, 6, 3, 1].map((hours) => hours * HOUR);
/** Tick spacing for each zoom level. */
const TICKS = [2 * HOUR, HOUR, 30 * 60_000, 15 * 60_000, 5 * 60_000];

export class Timeline {
  readonly element: HTMLElement;
  private readonly track: HTMLElement;
  private readonly axis: HTMLElement;
  private readonly label: HTMLElement;
  private readonly playhead: HTMLElement;
  private from = 0;
  private to = 0;
  private viewFrom = 0;
  private zoom = 0;
  private data: TimelineData | null = null;

  constructor(private readonly onSeek: (instant: Date) => void) {
    this.track = h('div', { class: 'timeline-track', tabindex: 0, title: 'click to play from that instant' });
    this.axis = h('div', { class: 'timeline-axis' });
    this.label = h('span', { class: 'timeline-view' });
    this.playhead = h('div', { class: 'playhead', hidden: true });
    this.track.addEventListener('click', (e) => this.onSeek(this.instantAt(e.clientX)));
    this.track.addEventListener('wheel', (e) => {
      e.preventDefault();
      this.zoomBy(e.deltaY < 0 ? 1 : -1, this.instantAt(e.clientX).getTime());
    }, { passive: false });
    this.element = h('section', { class: 'timeline' },
      h('div', { class: 'timeline-tools' },
        h('button', { type: 'button', title: 'earlier', onclick: () => this.pan(-0.5) }, '◀'),
        h('button', { type: 'button', title: 'zoom out', class: 'zoom-out', onclick: () => this.zoomBy(-1) }, '−'),
        h('button', { type: 'button', title: 'zoom in', class: 'zoom-in', onclick: () => this.zoomBy(1) }, '+'),
        h('button', { type: 'button', title: 'later', onclick: () => this.pan(0.5) }, '▶'),
        this.label),
      this.track,
      this.axis,
      h('div', { class: 'timeline-legend' },
        h('span', { class: 'legend covered', text: 'footage' }),
        h('span', { class: 'legend gap', text: 'gap' }),
        h('span', { class: 'legend event', text: 'event' })));
  }

  /** Shows a day (`from` to `to`) and keeps the zoom when it is the same day again. */
  setData(from: Date, to: Date, data: TimelineData): void {
    const sameDay = from.getTime() === this.from && to.getTime() === this.to;
    this.from = from.getTime();
    this.to = to.getTime();
    if (!sameDay) {
      this.zoom = 0;
      this.viewFrom = this.from;
    }
    this.data = data;
    this.render();
  }

  /** The instant playing, or null. */
  setPlayhead(instant: Date | null): void {
    const t = instant?.getTime();
    if (t === undefined || t < this.viewFrom || t > this.viewTo()) {
      this.playhead.hidden = true;
      return;
    }
    this.playhead.hidden = false;
    this.playhead.style.left = `${this.percent(t)}%`;
  }

  private viewTo(): number {
    return Math.min(this.to, this.viewFrom + this.width());
  }

  private width(): number {
    return this.zoom === 0 ? this.to - this.from : Math.min(ZOOMS[this.zoom], this.to - this.from);
  }

  private instantAt(clientX: number): Date {
    const box = this.track.getBoundingClientRect();
    const share = Math.min(1, Math.max(0, (clientX - box.left) / box.width));
    return new Date(this.viewFrom + share * (this.viewTo() - this.viewFrom));
  }

  private percent(t: number): number {
    return ((t - this.viewFrom) / (this.viewTo() - this.viewFrom)) * 100;
  }

  private zoomBy(steps: number, around?: number): void {
    const next = Math.min(ZOOMS.length - 1, Math.max(0, this.zoom + steps));
    if (next === this.zoom) {
      return;
    }
    const center = around ?? (this.viewFrom + this.viewTo()) / 2;
    const share = (center - this.viewFrom) / (this.viewTo() - this.viewFrom);
    this.zoom = next;
    this.moveTo(center - share * this.width());
  }

  private pan(share: number): void {
    this.moveTo(this.viewFrom + share * this.width());
  }

  private moveTo(viewFrom: number): void {
    this.viewFrom = Math.min(this.to - this.width(), Math.max(this.from, viewFrom));
    this.render();
  }

  /** A stretch clipped to the view, as a positioned block; null when outside it. */
  private block(className: string, start: number, end: number, props: Record<string, unknown>): HTMLElement | null {
    const from = Math.max(start, this.viewFrom);
    const to = Math.min(end, this.viewTo());
    if (to <= from) {
      return null;
    }
    const left = this.percent(from);
    return h('div', { class: className, style: { left: `${left}%`, width: `${this.percent(to) - left}%` }, ...props });
  }

  private render(): void {
    const data = this.data;
    if (!data) {
      return;
    }
    const now = Date.now();
    const covered = data.covered.map((s) => this.block('covered', Date.parse(s.start), Date.parse(s.end), {
      dataset: { start: s.start, end: s.end },
      title: `footage ${format.time(s.start)} – ${format.time(s.end)}`,
    }));
    const gaps = data.gaps.map((g) => this.block('gap', Date.parse(g.start), Date.parse(g.end), {
      dataset: { cause: g.cause },
      title: `gap ${format.time(g.start)} – ${format.time(g.end)}: ${g.cause}${g.detail ? ` (${g.detail})` : ''}`,
    }));
    const events = data.events.map((e) => this.block(`event reason-${e.reason}`, Date.parse(e.start),
      Math.max(Date.parse(e.recordingEnd ?? e.end ?? new Date(now).toISOString()), Date.parse(e.start) + 1000), {
      dataset: { event: e.id },
      title: `${e.reason}${e.label ? ` ${e.label}` : ''} ${format.time(e.start)}`,
    }));
    show(this.track,
      h('div', { class: 'lane lane-footage' }, ...covered, ...gaps),
      h('div', { class: 'lane lane-events' }, ...events),
      now > this.viewFrom && now < this.viewTo() ? h('div', { class: 'now', style: { left: `${this.percent(now)}%` }, title: 'now' }) : null,
      this.playhead);
    const step = TICKS[this.zoom];
    const ticks: HTMLElement[] = [];
    // counted from local midnight, so ticks fall on the local clock's hours
    for (let t = this.from + Math.ceil((this.viewFrom - this.from) / step) * step; t <= this.viewTo(); t += step) {
      ticks.push(h('span', { class: 'tick', style: { left: `${this.percent(t)}%` }, text: format.hourMinute(new Date(t)) }));
    }
    show(this.axis, ...ticks);
    const hours = Math.round(this.width() / HOUR);
    this.label.textContent = `${format.hourMinute(new Date(this.viewFrom))} – ${format.hourMinute(new Date(this.viewTo()))} (${hours} h) · `
      + `${format.seconds(data.coveredSeconds)} footage, ${format.seconds(data.gapSeconds)} in gaps, ${data.events.length} events`;
    this.element.dataset.zoomHours = String(hours);
  }
}
