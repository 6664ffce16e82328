// The overview: every camera's card and the storage gauge, polled so it updates without a reload.
import { api } from './api';
import { cameraCard } from './cameraCard';
import { every, h, show } from './dom';
import * as format from './format';
import { storageGauge } from './storageGauge';
import type { Storage } from './types';

const CAMERAS_EVERY_MS = 2000;
const STORAGE_EVERY_MS = 10000;

export function overviewPage(root: HTMLElement): () => void {
  const gauge = h('div', { class: 'storage-slot' });
  const grid = h('div', { class: 'cards' });
  const note = h('p', { class: 'note' });
  show(root, h('h1', { text: 'Cameras' }), gauge, grid, note);
  let storage: Storage | null = null;

  const stopStorage = every(STORAGE_EVERY_MS, async () => {
    try {
      storage = await api.storage();
      show(gauge, storageGauge(storage));
    } catch (e) {
      show(gauge, h('p', { class: 'error', text: `Storage unknown: ${(e as Error).message}` }));
    }
  });
  const stopCameras = every(CAMERAS_EVERY_MS, async () => {
    try {
      const cameras = await api.cameras();
      const usage = new Map((storage?.cameras ?? []).map((u) => [u.cameraId, u]));
      show(grid, ...cameras.map((camera) => cameraCard(camera, storage ? usage.get(camera.id) : null)));
      if (cameras.length === 0) {
        show(grid, h('p', {}, 'No cameras yet. ', h('a', { href: '#/cameras/new', text: 'Add one' }), '.'));
      }
      note.className = 'note';
      note.textContent = `Updated ${format.time(new Date())}`;
    } catch (e) {
      note.className = 'note error';
      note.textContent = `Cannot reach the gateway: ${(e as Error).message}`;
    }
  });
  return () => {
    stopStorage();
    stopCameras();
  };
}
