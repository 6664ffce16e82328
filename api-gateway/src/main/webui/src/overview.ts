// The overview: every camera's card and the storage gauge, polled so it updates without a reload.
import { api } from './api';
import { CameraCard } from './cameraCard';
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
  const cards = new Map<string, CameraCard>();

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
      const shown = cameras.map((camera) => {
        const card = cards.get(camera.id) ?? new CameraCard(camera.id);
        cards.set(camera.id, card);
        card.update(camera, storage ? usage.get(camera.id) : null);
        return card.element;
      });
      // the grid itself changes only when cameras come, go or reorder: the cards stay where the mouse is
      const now = [...grid.children];
      if (now.length !== shown.length || now.some((element, i) => element !== shown[i])) {
        show(grid, ...shown);
      }
      for (const id of [...cards.keys()]) {
        if (!cameras.some((camera) => camera.id === id)) {
          cards.delete(id);
        }
      }
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
