// Plays a span of a camera's footage through the playback API: the browser's own HLS where it has
// one, else hls.js (loaded only then, from this bundle: no CDN).
import { api, noticeUnauthorized, problemOf } from './api';
import { h } from './dom';
import * as format from './format';
import { datedPoints, mediaTimeAt, wallClockAt, type DatedPoint } from './playlist';

const NATIVE_HLS = 'application/vnd.apple.mpegurl';
const ENGINE_KEY = 'vigil.player';

type HlsInstance = { destroy(): void };

export class Player {
  readonly element: HTMLElement;
  readonly video: HTMLVideoElement;
  private readonly caption: HTMLElement;
  private hls: HlsInstance | null = null;
  private points: DatedPoint[] = [];
  private generation = 0;

  constructor(private readonly cameraId: string, onTime: (instant: Date | null) => void) {
    this.video = h('video', { controls: true, playsinline: true, preload: 'none' });
    this.caption = h('p', { class: 'player-caption', text: 'Click the timeline or an event to play.' });
    this.video.addEventListener('timeupdate', () => {
      const wall = wallClockAt(this.points, this.video.currentTime);
      onTime(Number.isNaN(wall) ? null : new Date(wall));
    });
    this.video.addEventListener('error', () => {
      if (this.video.error) {
        this.notice(`Cannot play: ${this.video.error.message || `media error ${this.video.error.code}`}`, true);
      }
    });
    this.element = h('section', { class: 'player' }, this.video, this.caption);
  }

  /** Plays `[from, to)`, starting at `from` itself (the playlist starts at the keyframe before it). */
  async play(from: Date, to: Date): Promise<void> {
    const generation = ++this.generation;
    this.stop();
    const url = api.playlistUrl(this.cameraId, from, to);
    this.notice(`Loading ${format.time(from)} – ${format.time(to)}…`);
    // read first: a span without footage answers a problem whose detail says so
    const response = await fetch(url);
    if (generation !== this.generation) {
      return;
    }
    if (!response.ok) {
      noticeUnauthorized(response);
      this.notice((await problemOf(response)).message, true);
      return;
    }
    this.points = datedPoints(await response.text());
    const offset = mediaTimeAt(this.points, from.getTime());
    const engine = await this.attach(url);
    if (generation !== this.generation || engine === null) {
      return;
    }
    this.element.dataset.engine = engine;
    this.video.addEventListener('loadedmetadata', () => {
      if (offset > 0.1) {
        this.video.currentTime = offset;
      }
    }, { once: true });
    this.notice(`Playing from ${format.time(from)}`);
    try {
      await this.video.play();
    } catch (e) {
      if ((e as DOMException).name === 'NotAllowedError') {
        // autoplay with sound refused: muted, the browser lets it play
        this.video.muted = true;
        await this.video.play().catch(() => undefined);
      }
    }
  }

  private async attach(url: string): Promise<string | null> {
    // localStorage['vigil.player'] = 'hls.js' tries hls.js where the browser plays HLS itself (the UI test does)
    const choice = window.localStorage.getItem(ENGINE_KEY);
    if (choice !== 'hls.js' && this.video.canPlayType(NATIVE_HLS) !== '') {
      this.video.src = url;
      return 'native';
    }
    const { default: Hls } = await import('hls.js');
    if (!Hls.isSupported()) {
      this.notice('This browser can play neither HLS nor Media Source Extensions; download a clip instead.', true);
      return null;
    }
    const hls = new Hls();
    hls.on(Hls.Events.ERROR, (_event, data) => {
      if (data.fatal) {
        this.notice(`Cannot play: ${data.details}`, true);
      }
    });
    hls.loadSource(url);
    hls.attachMedia(this.video);
    this.hls = hls;
    return 'hls.js';
  }

  stop(): void {
    this.hls?.destroy();
    this.hls = null;
    this.video.removeAttribute('src');
    this.video.load();
  }

  /** A line under the video. */
  notice(text: string, error = false): void {
    this.caption.textContent = text;
    this.caption.className = error ? 'player-caption error' : 'player-caption';
  }
}
