// One camera on the overview: what it is doing right now.
import { h } from './dom';
import * as format from './format';
import type { Camera, CameraUsage } from './types';

export function onlineBadge(camera: Camera): HTMLElement {
  const online = camera.status.online;
  return h('span', { class: `badge ${online ? 'online' : 'offline'}`, dataset: { online: String(online) }, text: online ? 'online' : 'offline' });
}

function row(label: string, value: string, className?: string): HTMLElement[] {
  return [h('dt', { text: label }), h('dd', { class: className, text: value })];
}

/** `usage` null: the storage answer has not come yet; undefined: it lists nothing of this camera. */
export function cameraCard(camera: Camera, usage: CameraUsage | null | undefined): HTMLElement {
  const s = camera.status;
  const preRoll = s.preRoll ? `${(s.preRollSeconds ?? 0).toFixed(1)} s, ${format.bytes(s.preRoll.bytes)}` : '–';
  const recording = s.recording ? `${s.state}${s.eventReason ? ` (${s.eventReason})` : ''}` : s.state;
  const error = s.lastError ? `${s.lastError}${s.errorCode ? ` [${s.errorCode}]` : ''}` : '–';
  return h('article', { class: 'card', dataset: { camera: camera.id } },
    h('header', {},
      h('a', { class: 'card-title', href: `#/cameras/${encodeURIComponent(camera.id)}`, text: camera.name }),
      onlineBadge(camera)),
    h('dl', {},
      ...row('Camera', `${camera.id} · ${camera.mode}`),
      ...row('Connection', s.connection),
      ...row('Recording', recording, s.recording ? 'recording' : undefined),
      ...row('FPS', s.fps === null ? '–' : s.fps.toFixed(1)),
      ...row('Bitrate', format.bitrate(s.bitrate)),
      ...row('Pre-roll held', preRoll),
      ...row('Storage used', usage ? `${format.bytes(usage.bytes)} in ${usage.recordings} recordings` : usage === null ? '–' : 'nothing yet'),
      ...row('Last error', error, s.lastError ? 'error' : undefined)));
}
