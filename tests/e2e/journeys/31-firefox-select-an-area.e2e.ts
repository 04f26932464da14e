import { mkdir, writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { describe, expect, test } from 'vitest';
import { setUpFirefoxJourney } from '../harness/firefox-journey';
import { OVERLAY_HOST } from '../harness/area-selection';
import { waitForStatuses } from '../harness/firefox-database';
import { expectReceiptMatchesTruth } from '../harness/receipt-expectations';
import { readOcrAnswer, readTruth } from '../harness/receipts-dev';

const RECEIPT = 'sroie-006';
const API_KEY = 'e2e-firefox-key-0001';
const ARTIFACTS = resolve('tests/e2e/artifacts');
const DRAG = { from: { x: 20, y: 40 }, to: { x: 260, y: 420 } };

describe('journey 31: Firefox, "Select an area to scan"', () => {
  const journey = setUpFirefoxJourney(API_KEY);

  test('the real context menu draws the overlay, and the dragged rectangle becomes a receipt read from its PNG', async () => {
    const { firefox, ocr, pages } = journey;
    await journey.useSettings({ apiKey: API_KEY, endpoint: ocr.http1Url });
    ocr.queueAnswer(await readOcrAnswer(RECEIPT));

    await firefox.goto(pages.receiptsPageUrl([RECEIPT]));
    await firefox.chooseFromContextMenu('h1', 'Select an area to scan');
    await expect.poll(() => firefox.evaluate<boolean>(`return document.querySelector(arguments[0]) !== null;`, OVERLAY_HOST), { timeout: 10_000 }).toBe(true);
    await mkdir(ARTIFACTS, { recursive: true });
    await writeFile(resolve(ARTIFACTS, 'journey-31-firefox-area-overlay.png'), await firefox.screenshot());
    const scale = await firefox.evaluate<number>(`return window.devicePixelRatio;`);
    await firefox.drag(DRAG.from, DRAG.to);
    await expect.poll(() => firefox.evaluate<boolean>(`return document.querySelector(arguments[0]) === null;`, OVERLAY_HOST), { timeout: 5_000 }).toBe(true);

    await firefox.openExtensionPage('popup.html');
    const state = await waitForStatuses(firefox, ['done']);
    const [receipt] = state.receipts;
    if (!receipt) throw new Error('no receipt');
    expectReceiptMatchesTruth(receipt, await readTruth(RECEIPT), `${RECEIPT} area in Firefox`);
    expect(receipt.source.imageUrl).toBe(`area:${pages.receiptsPageUrl([RECEIPT])}`);
    expect(state.originals).toEqual([{ id: receipt.id, type: 'image/png', size: receipt.original?.size, sha256: receipt.original?.sha256 }]);
    expect(ocr.received.map((upload) => upload.file.sha256)).toEqual([receipt.original?.sha256]);
    // The PNG is the rectangle in device pixels.
    const size = await firefox.evaluate<{ width: number; height: number }>(
      `const db = await new Promise((done) => { const open = indexedDB.open('receipt-scanner'); open.onsuccess = () => done(open.result); });
       const blob = await new Promise((done) => { const get = db.transaction('originals').objectStore('originals').get(arguments[0]); get.onsuccess = () => done(get.result.blob); });
       const bitmap = await createImageBitmap(blob);
       db.close();
       return { width: bitmap.width, height: bitmap.height };`,
      receipt.id,
    );
    expect(size).toEqual({ width: (DRAG.to.x - DRAG.from.x) * scale, height: (DRAG.to.y - DRAG.from.y) * scale });
  });
});
