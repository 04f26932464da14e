import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { resolve } from 'node:path';
import { describe, expect, test } from 'vitest';
import { setUpFirefoxJourney } from '../harness/firefox-journey';
import { waitForStatuses } from '../harness/firefox-database';
import { expectReceiptMatchesTruth } from '../harness/receipt-expectations';
import { textPdf } from '../harness/pdf-files';
import { RECEIPTS_DEV_DIR, readReceiptImage, readTruth, sha256 } from '../harness/receipts-dev';

const RECEIPT = 'sroie-016';
const API_KEY = 'e2e-firefox-key-0001';
const ARTIFACTS = resolve('tests/e2e/artifacts');

describe('journey 32: Firefox, a receipt added from disk', () => {
  const journey = setUpFirefoxJourney(API_KEY);

  test('the popup sends the user to the review page, whose picker adds an image and a PDF (read by pdf.js in the background page); originals are kept byte for byte', async () => {
    const { firefox, ocr } = journey;
    const source = await readReceiptImage(RECEIPT);
    await journey.useSettings({ apiKey: API_KEY, endpoint: ocr.http1Url });
    // Firefox closes a popup when a file picker opens: its "Add receipt" is a link to the review page.
    // The popup draws it after loading: wait for it, as on a loaded machine that takes a moment.
    await expect
      .poll(() => firefox.evaluate<string | null>(`return [...document.querySelectorAll('a')].find((link) => link.textContent === 'Add receipt')?.getAttribute('href') ?? null;`), { timeout: 10_000 })
      .toMatch(/\/review\.html$/);

    // And a PDF invoice with text: Firefox reads it with pdf.js in a frame of its background page, without OCR.
    const invoice = textPdf(['CORNER CAFE SDN BHD', 'Date: 25/03/2024', 'TOTAL RM 9.00']);
    const invoicePath = resolve(await mkdtemp(resolve(tmpdir(), 'receipt-scanner-pdf-')), 'invoice.pdf');
    await writeFile(invoicePath, invoice);

    await firefox.openExtensionPage('review.html');
    await firefox.chooseFiles('input[type="file"]', [resolve(RECEIPTS_DEV_DIR, 'images', `${RECEIPT}.jpg`), invoicePath]);
    const state = await waitForStatuses(firefox, ['done', 'done']);
    const receipt = state.receipts.find((candidate) => candidate.source.imageUrl === `disk:${RECEIPT}.jpg`);
    const pdf = state.receipts.find((candidate) => candidate.source.imageUrl === 'disk:invoice.pdf');
    if (!receipt || !pdf) throw new Error('no receipt');
    expect(pdf.fields).toMatchObject({ merchant: 'CORNER CAFE SDN BHD', date: '2024-03-25', total: '9.00' });
    expect(pdf.original).toMatchObject({ mime: 'application/pdf', size: invoice.length, sha256: sha256(invoice) });
    expectReceiptMatchesTruth(receipt, await readTruth(RECEIPT), `${RECEIPT} from disk in Firefox`);
    expect(receipt.source.imageUrl).toBe(`disk:${RECEIPT}.jpg`);
    expect(state.originals).toContainEqual({ id: receipt.id, type: 'image/jpeg', size: source.length, sha256: sha256(source) });
    expect(ocr.received.map((upload) => upload.file.sha256)).toEqual([sha256(source)]);
    expect(await firefox.evaluate<string>(`return document.body.innerText;`)).toContain('Added 2 files; they are being scanned.');
    await mkdir(ARTIFACTS, { recursive: true });
    await writeFile(resolve(ARTIFACTS, 'journey-32-firefox-review.png'), await firefox.screenshot());
  });
});
