// The recordings volume's fill against its warn and block thresholds (GET /api/storage).
import { h } from './dom';
import * as format from './format';
import type { Storage } from './types';

const STATE_TEXT = {
  ok: 'ok',
  warn: 'warn: the oldest unlocked recordings are being deleted',
  block: 'block: new recordings are refused',
};

export function storageGauge(storage: Storage): HTMLElement {
  const percent = Math.min(100, Math.max(0, storage.usedPercent));
  return h('section', { class: `storage storage-${storage.state}`, dataset: { state: storage.state } },
    h('div', { class: 'storage-head' },
      h('strong', { text: 'Storage' }),
      h('span', { text: `${format.bytes(storage.used)} of ${format.bytes(storage.total)} used (${storage.usedPercent.toFixed(1)} %), ${format.bytes(storage.free)} free` }),
      h('span', { class: 'storage-state', text: STATE_TEXT[storage.state] ?? storage.state })),
    h('div', { class: 'gauge', role: 'meter', 'aria-valuemin': 0, 'aria-valuemax': 100, 'aria-valuenow': percent.toFixed(1), 'aria-label': 'recordings volume used' },
      h('div', { class: 'gauge-fill', style: { width: `${percent}%` } }),
      h('div', { class: 'gauge-mark warn', style: { left: `${storage.warnPercent}%` }, title: `warn at ${storage.warnPercent} %` }),
      h('div', { class: 'gauge-mark block', style: { left: `${storage.blockPercent}%` }, title: `block at ${storage.blockPercent} %` })),
    h('div', { class: 'gauge-legend' },
      h('span', { class: 'legend warn', text: `warn ${storage.warnPercent} %` }),
      h('span', { class: 'legend block', text: `block ${storage.blockPercent} %` })));
}
