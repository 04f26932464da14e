import { mkdir, writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { startOcrServer, type OcrTestServer } from '../../ocr-server/index';
import { READ_DATABASE, type StoredState } from '../harness/firefox-database';
import { launchFirefox, type FirefoxWithExtension } from '../harness/launch-firefox';
import { expectReceiptMatchesTruth } from '../harness/receipt-expectations';
import { RECEIPTS_DEV_DIR, readReceiptImage, readTruth, sha256 } from '../harness/receipts-dev';

const RECEIPT = 'sroie-016';
const API_KEY = 'e2e-firefox-key-0001';
const FIREFOX_BUILD = resolve('.output/firefox-mv2');
const ARTIFACTS = resolve('tests/e2e/artifacts');

describe('journey 32: Firefox, a receipt added from disk', () => {
  let firefox: FirefoxWithExtension;
  let ocr: OcrTestServer;

  beforeAll(async () => {
    ocr = await startOcrServer({ apiKey: API_KEY });
    firefox = await launchFirefox(FIREFOX_BUILD);
  }, 60_000);

  afterAll(async () => {
    await firefox?.close();
    await ocr?.close();
  });

  test('the popup sends the user to the review page, whose picker adds the file; the original is kept byte for byte', async () => {
    const source = await readReceiptImage(RECEIPT);
    await firefox.openExtensionPage('popup.html');
    await firefox.evaluate(`return browser.storage.local.set({ settings: { apiKey: arguments[0], endpoint: arguments[1] }, welcomeSeenAt: Date.now() });`, API_KEY, ocr.http1Url);
    // Firefox closes a popup when a file picker opens: its "Add receipt" is a link to the review page.
    expect(await firefox.evaluate<string | null>(`return [...document.querySelectorAll('a')].find((link) => link.textContent === 'Add receipt')?.getAttribute('href') ?? null;`)).toMatch(/\/review\.html$/);

    await firefox.openExtensionPage('review.html');
    await firefox.chooseFiles('input[type="file"]', [resolve(RECEIPTS_DEV_DIR, 'images', `${RECEIPT}.jpg`)]);
    let state: StoredState = { receipts: [], originals: [] };
    await expect
      .poll(
        async () => {
          state = await firefox.evaluate<StoredState>(READ_DATABASE);
          return state.receipts.map((receipt) => receipt.status);
        },
        { timeout: 30_000, interval: 250 },
      )
      .toEqual(['done']);
    const [receipt] = state.receipts;
    if (!receipt) throw new Error('no receipt');
    expectReceiptMatchesTruth(receipt, await readTruth(RECEIPT), `${RECEIPT} from disk in Firefox`);
    expect(receipt.source.imageUrl).toBe(`disk:${RECEIPT}.jpg`);
    expect(state.originals).toEqual([{ id: receipt.id, type: 'image/jpeg', size: source.length, sha256: sha256(source) }]);
    expect(ocr.received.map((upload) => upload.file.sha256)).toEqual([sha256(source)]);
    expect(await firefox.evaluate<string>(`return document.body.innerText;`)).toContain('Added 1 file; it is being scanned.');
    await mkdir(ARTIFACTS, { recursive: true });
    await writeFile(resolve(ARTIFACTS, 'journey-32-firefox-review.png'), await firefox.screenshot());
  });
});
