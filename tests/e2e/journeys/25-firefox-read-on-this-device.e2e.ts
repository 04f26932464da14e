import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { startOcrServer, type OcrTestServer } from '../../ocr-server/index';
import { waitForStatuses } from '../harness/firefox-database';
import { launchFirefox, type FirefoxWithExtension } from '../harness/launch-firefox';
import { startPageServer, type PageServer } from '../harness/page-server';
import { expectReceiptMatchesTruth } from '../harness/receipt-expectations';
import { readReceiptImage, readTruth, sha256 } from '../harness/receipts-dev';

const SOURCE = 'sroie-006';
const FIREFOX_BUILD = resolve('.output/firefox-mv2');
/** Nothing listens here: OCR.space is out of reach, as offline. */
const CLOSED_ENDPOINT = 'http://127.0.0.1:9/parse/image';

describe('journey 25: Firefox, reading on this device', () => {
  let firefox: FirefoxWithExtension;
  let ocr: OcrTestServer;
  let pages: PageServer;

  beforeAll(async () => {
    [ocr, pages] = await Promise.all([startOcrServer({ apiKey: 'unused' }), startPageServer()]);
    firefox = await launchFirefox(FIREFOX_BUILD);
  }, 60_000);

  afterAll(async () => {
    await firefox?.close();
    await Promise.all([ocr?.close(), pages?.close()]);
  });

  test('the right-clicked receipt is read by Tesseract in the background page, with OCR.space out of reach', async () => {
    const source = await readReceiptImage(SOURCE);
    await firefox.openExtensionPage('popup.html');
    await firefox.evaluate(`return browser.storage.local.set({ settings: { endpoint: arguments[0], reader: 'on-device' }, welcomeSeenAt: Date.now() });`, CLOSED_ENDPOINT);
    await firefox.goto(pages.receiptsPageUrl([SOURCE]));
    await firefox.chooseFromContextMenu(`img#${SOURCE}`, 'Scan receipt');
    await firefox.openExtensionPage('popup.html');
    const state = await waitForStatuses(firefox, ['done'], 120_000);
    const [receipt] = state.receipts;
    if (!receipt) throw new Error('no receipt');
    expectReceiptMatchesTruth(receipt, await readTruth(SOURCE), `${SOURCE} read on this device in Firefox`);
    expect(receipt.original?.sha256).toBe(sha256(source));
    expect(ocr.received).toEqual([]);
  }, 180_000);
});
