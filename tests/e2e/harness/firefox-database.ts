import { expect } from 'vitest';
import type { StoredReceipt } from './background-driver';
import type { FirefoxWithExtension } from './launch-firefox';

/** Runs in an extension page: the stored receipts (without Blobs) and each original's SHA-256, read from IndexedDB. */
export const READ_DATABASE = `
  const db = await new Promise((done, fail) => {
    const request = indexedDB.open('receipt-scanner');
    request.onsuccess = () => done(request.result);
    request.onerror = () => fail(request.error);
  });
  const all = (store) => new Promise((done, fail) => {
    const request = db.transaction(store).objectStore(store).getAll();
    request.onsuccess = () => done(request.result);
    request.onerror = () => fail(request.error);
  });
  const receipts = (await all('receipts')).map(({ thumbnail, ...receipt }) => ({ ...receipt, hasThumbnail: thumbnail instanceof Blob }));
  const originals = [];
  for (const { id, blob } of await all('originals')) {
    const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', await blob.arrayBuffer()));
    originals.push({ id, type: blob.type, size: blob.size, sha256: [...digest].map((byte) => byte.toString(16).padStart(2, '0')).join('') });
  }
  db.close();
  return { receipts, originals };
`;

/** Runs in an extension page: how many words the kept OCR readings hold, and how many say how sure the engine was. */
export const READ_OCR_WORDS = `
  const db = await new Promise((done, fail) => {
    const request = indexedDB.open('receipt-scanner');
    request.onsuccess = () => done(request.result);
    request.onerror = () => fail(request.error);
  });
  const pages = await new Promise((done, fail) => {
    const request = db.transaction('ocr-pages').objectStore('ocr-pages').getAll();
    request.onsuccess = () => done(request.result);
    request.onerror = () => fail(request.error);
  });
  db.close();
  const words = pages.flatMap(({ page }) => page.lines.flatMap((line) => line.words));
  const scored = words.filter((word) => typeof word.confidence === 'number' && word.confidence >= 0 && word.confidence <= 100);
  return { words: words.length, scored: scored.length, distinct: new Set(scored.map((word) => word.confidence)).size };
`;

export interface StoredState {
  receipts: (StoredReceipt & { hasThumbnail: boolean })[];
  originals: { id: string; type: string; size: number; sha256: string }[];
}

/** Polls the database from the open extension page until the receipts' statuses are `statuses`; returns what it read. */
export async function waitForStatuses(firefox: FirefoxWithExtension, statuses: string[], timeoutMs = 30_000): Promise<StoredState> {
  let state: StoredState = { receipts: [], originals: [] };
  await expect
    .poll(
      async () => {
        state = await firefox.evaluate<StoredState>(READ_DATABASE);
        return state.receipts.map((receipt) => receipt.status);
      },
      { timeout: timeoutMs, interval: 250 },
    )
    .toEqual(statuses);
  return state;
}
