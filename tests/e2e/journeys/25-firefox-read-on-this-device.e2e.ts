import { describe, expect, test } from 'vitest';
import { setUpFirefoxJourney } from '../harness/firefox-journey';
import { READ_OCR_WORDS, waitForStatuses } from '../harness/firefox-database';
import { expectReceiptMatchesTruth } from '../harness/receipt-expectations';
import { readReceiptImage, readTruth, sha256 } from '../harness/receipts-dev';

const SOURCE = 'sroie-006';
/** Nothing listens here: OCR.space is out of reach, as offline. */
const CLOSED_ENDPOINT = 'http://127.0.0.1:9/parse/image';

describe('journey 25: Firefox, reading on this device', () => {
  const journey = setUpFirefoxJourney('unused');

  test('the right-clicked receipt is read by Tesseract in the background page, with OCR.space out of reach', async () => {
    const { firefox, ocr, pages } = journey;
    const source = await readReceiptImage(SOURCE);
    await journey.useSettings({ endpoint: CLOSED_ENDPOINT, reader: 'on-device' });
    await firefox.goto(pages.receiptsPageUrl([SOURCE]));
    await firefox.chooseFromContextMenu(`img#${SOURCE}`, 'Scan receipt');
    await firefox.openExtensionPage('popup.html');
    const state = await waitForStatuses(firefox, ['done'], 120_000);
    const [receipt] = state.receipts;
    if (!receipt) throw new Error('no receipt');
    expectReceiptMatchesTruth(receipt, await readTruth(SOURCE), `${SOURCE} read on this device in Firefox`);
    expect(receipt.original?.sha256).toBe(sha256(source));
    expect(ocr.received).toEqual([]);
    // The reading is kept with how sure the engine was of each word, which the parser weighs a date by.
    const words = await firefox.evaluate<{ words: number; scored: number; distinct: number }>(READ_OCR_WORDS);
    expect(words.words).toBeGreaterThan(20);
    expect(words.scored).toBe(words.words);
    expect(words.distinct).toBeGreaterThan(1);
  }, 180_000);
});
