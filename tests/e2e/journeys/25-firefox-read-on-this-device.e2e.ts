import { describe, expect, test } from 'vitest';
import { setUpFirefoxJourney } from '../harness/firefox-journey';
import { waitForStatuses } from '../harness/firefox-database';
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
  }, 180_000);
});
