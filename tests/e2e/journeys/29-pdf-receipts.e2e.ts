import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import type { Worker } from 'playwright-core';
import { describe, expect, test } from '../fixtures';
import { imagePdf, startPdfServer, textPdf } from '../harness/pdf-files';
import { expectReceiptMatchesTruth } from '../harness/receipt-expectations';
import { readOcrAnswer, readReceiptImage, readTruth, sha256 } from '../harness/receipts-dev';
import type { BackgroundDriver } from '../harness/background-driver';

/** A 2.7 MB phone photo: as a PDF it is over the 1024 KB upload limit, so it is drawn to fit rather than refused. */
const SCANNED = 'sroie-290';
const INVOICE_LINES = ['CORNER CAFE SDN BHD', 'No 12, Jalan Ampang, Kuala Lumpur', 'Invoice 2041   Date: 25/03/2024 10:15', 'Latte            1 x 4.50     4.50', 'Croissant        1 x 4.50     4.50', 'TOTAL                      RM 9.00', 'CASH                          10.00', 'CHANGE                         1.00'];

declare const chrome: {
  tabs: { query(query: object): Promise<{ id?: number; url?: string }[]> };
  contextMenus: { onClicked: { dispatch(info: object, tab: object): void } };
};

/** "Scan linked receipt" on a link, as Chrome runs it: the registered listeners get the link's address and the real tab. */
async function clickScanLink(worker: Worker, background: BackgroundDriver, linkUrl: string, pageUrl: string): Promise<string> {
  const before = new Set((await background.readReceipts()).map((receipt) => receipt.id));
  await worker.evaluate(
    async ({ linkUrl, pageUrl }) => {
      const tab = (await chrome.tabs.query({})).find((candidate) => candidate.url === pageUrl);
      if (!tab) throw new Error(`No tab shows ${pageUrl}`);
      chrome.contextMenus.onClicked.dispatch({ menuItemId: 'scan-pdf-link', linkUrl, pageUrl, frameId: 0, editable: false }, tab);
    },
    { linkUrl, pageUrl },
  );
  let id: string | undefined;
  await expect.poll(async () => (id = (await background.readReceipts()).map((receipt) => receipt.id).find((candidate) => !before.has(candidate))), { timeout: 10_000 }).toBeDefined();
  return id ?? '';
}

describe('journey 29: PDF receipts from links', () => {
  test('a PDF with text is read without OCR; a scanned PDF over the upload limit is drawn to fit and read; the originals come back as PDFs, byte for byte', async ({ journey, harness }) => {
    const { background, ocr } = journey;
    const worker = await harness.extension.worker();
    const invoice = textPdf(INVOICE_LINES);
    const scanned = imagePdf(await readReceiptImage(SCANNED));
    const server = await startPdfServer({ invoice, scanned });
    try {
      const page = await journey.openWebPage(server.pageUrl);
      const popup = await journey.openPopup();

      const invoiceId = await clickScanLink(worker, background, server.pdfUrl('invoice'), page.url());
      const read = await background.waitForReceipt(invoiceId);
      expect(read, JSON.stringify(read.error)).toMatchObject({ status: 'done', original: { mime: 'application/pdf', extension: 'pdf', size: invoice.length, sha256: sha256(invoice) } });
      expect(read.fields).toMatchObject({ merchant: 'CORNER CAFE SDN BHD', date: '2024-03-25', total: '9.00', currency: 'MYR' });
      expect(ocr.received, 'the text layer needs no OCR').toEqual([]);
      expect((await background.readOriginal(invoiceId))?.bytes.equals(invoice)).toBe(true);

      ocr.queueAnswer(await readOcrAnswer(SCANNED));
      const scannedId = await clickScanLink(worker, background, server.pdfUrl('scanned'), page.url());
      const drawn = await background.waitForReceipt(scannedId, undefined, 60_000);
      expectReceiptMatchesTruth(drawn, await readTruth(SCANNED), `${SCANNED} as a scanned PDF`);
      expect(drawn.original).toEqual({ mime: 'application/pdf', extension: 'pdf', size: scanned.length, sha256: sha256(scanned) });
      expect(scanned.length).toBeGreaterThan(1024 * 1024);
      expect((await background.readOriginal(scannedId))?.bytes.equals(scanned)).toBe(true);
      expect(ocr.received.map((upload) => ({ type: upload.file.contentType, name: upload.file.filename }))).toEqual([{ type: 'image/jpeg', name: `receipt-${scannedId}.jpg` }]);
      expect(ocr.received[0]?.file.bytes.length).toBeLessThanOrEqual(1024 * 1024);

      await popup.waitForRow(invoiceId, (text) => text.includes('9.00'));
      const detail = await popup.openDetail(invoiceId);
      await detail.downloadOriginal();
      const download = await background.waitForDownload();
      expect(basename(download.filename)).toMatch(/^2024-03-25 .+\.pdf$/);
      expect(sha256(await readFile(download.filename))).toBe(sha256(invoice));
    } finally {
      await server.close();
    }
  });
});
