// One camera on the overview: what it is doing right now.
import { h, show } from './dom';
import * as format from './format';
import type { Camera, CameraUsage } from './types';

export function onlineBadge(camera: Camera): HTMLElement {
  const online = camera.status.online;
  return h('span', { class: `badge ${online ? 'online' : 'offline'}`, dataset: { online: String(online) }, text: online ? 'online' : 'offline' });
}

function row(label: string, value: string, className?: string): HTMLElement[] {
  return [h('dt', { text: label }), h('dd', { class: className, text: value })];
}

/**
 * One camera's card, made once and updated in place by the overview's poll: its title link stays the
 * same element, so a click (or a hover, a focus) is never lost to a redraw between mouse down and up.
 */
export class CameraCard {
  readonly element: HTMLElement;
  private readonly title = h('a', { class: 'card-title' });
  private readonly badge = h('span');
  private readonly details = h('dl');

  constructor(readonly cameraId: string) {
    this.title.href = `#/cameras/${encodeURIComponent(cameraId)}`;
    this.element = h('article', { class: 'card', dataset: { camera: cameraId } }, h('header', {}, this.title, this.badge), this.details);
  }

  /** `usage` null: the storage answer has not come yet; undefined: it lists nothing of this camera. */
  update(camera: Camera, usage: CameraUsage | null | undefined): void {
    const s = camera.status;
    const preRoll = s.preRoll ? `${(s.preRollSeconds ?? 0).toFixed(1)} s, ${format.bytes(s.preRoll.bytes)}` : '–';
    const recording = s.recording ? `${s.state}${s.eventReason ? ` (${s.eventReason})` : ''}` : s.state;
    const error = s.lastError ? `${s.lastError}${s.errorCode ? ` [${s.errorCode}]` : ''}` : '–';
    this.title.textContent = camera.name;
    show(this.badge, onlineBadge(camera));
    show(this.details,
      ...row('Camera', `${camera.id} · ${camera.mode}`),
      ...row('Connection', s.connection),
      ...row('Recording', recording, s.recording ? 'recording' : undefined),
      ...row('FPS', s.fps === null ? '–' : s.fps.toFixed(1)),
      ...row('Bitrate', format.bitrate(s.bitrate)),
      ...row('Pre-roll held', preRoll),
      ...row('Storage used', usage ? `${format.bytes(usage.bytes)} in ${usage.recordings} recordings` : usage === null ? '–' : 'nothing yet'),
      ...row('Last error', error, s.lastError ? 'error' : undefined));
  }
}
