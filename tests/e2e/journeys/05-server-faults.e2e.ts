import { scanErrors } from '../../../utils/scan-error';
import type { ScanError } from '../../../utils/scan-error';
import type { OcrFault } from '../../ocr-server';
import { describe, expect, test } from '../fixtures';
import { expectReceiptMatchesTruth } from '../harness/receipt-expectations';
import { readReceiptImage, readTruth, sha256 } from '../harness/receipts-dev';

// Its printed date (25/01/2018) can only be read one way, so a failure here is about faults, not date order.
const SOURCE = 'sroie-022';

/** What the user must read for each failure the OCR server can answer with. */
function expectedErrors(http2Host: string): [Exclude<OcrFault, 'slow'>, ScanError][] {
  return [
    ['file-too-large', scanErrors.ocrFileTooLarge(1024)],
    ['rate-limit', scanErrors.ocrRateLimit('10 calls in 600 seconds', 600_000)],
    ['e216', scanErrors.ocrFileType()],
    ['timeout-exit-3', scanErrors.ocrTimeout()],
    ['http-500', scanErrors.ocrServer(500)],
    ['non-json', scanErrors.ocrInvalidAnswer('not JSON')],
    ['drop-connection', scanErrors.network(http2Host)],
    ['bad-key', scanErrors.ocrBadKey()],
  ];
}

describe('journey 5: OCR server faults', () => {
  test('each fault shows its message, keeps the original, and Retry succeeds once the fault is gone', async ({ journey }) => {
    const { background, pages, ocr } = journey;
    const source = await readReceiptImage(SOURCE);
    const truth = await readTruth(SOURCE);
    const page = await journey.openWebPage(pages.receiptsPageUrl([SOURCE]));
    const popup = await journey.openPopup();
    const faults = expectedErrors(new URL(ocr.http2Url).host);

    const failedIds = new Map<OcrFault, string>();
    for (const [fault, expected] of faults) {
      ocr.setFault(fault);
      const receiptId = await background.scanImage(pages.imageUrl(SOURCE), page.url());
      const receipt = await background.waitForReceipt(receiptId);
      failedIds.set(fault, receiptId);
      expect.soft(receipt.status, fault).toBe('failed');
      expect.soft(receipt.error, fault).toEqual(expected);
      expect.soft(receipt.fields, fault).toBeNull();
      // The original was downloaded before the upload failed, and stays.
      expect.soft(receipt.original?.sha256, fault).toBe(sha256(source));
      const original = await background.readOriginal(receiptId);
      expect.soft(original?.bytes.equals(source), `${fault}: original kept`).toBe(true);
      await popup.alert(receiptId).waitFor({ timeout: 5_000 });
      expect.soft(await popup.alert(receiptId).textContent(), fault).toBe(receipt.error?.message);
      expect.soft(await popup.row(receiptId).getByRole('button', { name: 'Retry' }).count(), fault).toBe(1);
    }
    await popup.screenshot('journey-5-faults');

    ocr.setFault(null);
    const uploadsBefore = ocr.received.length;
    for (const [fault] of faults) {
      const receiptId = failedIds.get(fault) ?? '';
      await popup.retry(receiptId);
      await background.waitForReceipt(receiptId, ['uploading', 'reading', 'done', 'failed'], 5_000);
      const receipt = await background.waitForReceipt(receiptId);
      expectReceiptMatchesTruth(receipt, truth, `${fault} retried`);
      await popup.waitForRow(receiptId, (text) => text.includes(truth.total));
      expect.soft(await popup.alert(receiptId).count(), `${fault}: alert gone`).toBe(0);
    }
    // Retry uploads the stored original again: the same bytes, without downloading anew.
    const retried = ocr.received.slice(uploadsBefore);
    expect(retried.map((upload) => upload.file.sha256)).toEqual(faults.map(() => sha256(source)));
    await popup.screenshot('journey-5-retried');
  });

  test('a slow answer shows "Reading text..." until it comes, then the receipt', async ({ journey }) => {
    const { background, pages, ocr } = journey;
    const page = await journey.openWebPage(pages.receiptsPageUrl([SOURCE]));
    const popup = await journey.openPopup();
    ocr.setFault('slow');
    const started = Date.now();
    const receiptId = await background.scanImage(pages.imageUrl(SOURCE), page.url());
    const rowText = await popup.waitForRow(receiptId, (text) => text.includes('Reading text...'));
    expect(rowText).not.toMatch(/Failed/);
    await expect(popup.progressbar(receiptId).getAttribute('aria-valuenow')).resolves.toBeNull();
    const receipt = await background.waitForReceipt(receiptId);
    expect(Date.now() - started).toBeGreaterThanOrEqual(2_900);
    expectReceiptMatchesTruth(receipt, await readTruth(SOURCE), 'slow');
  });
});
