import { scanErrors } from '../../../utils/scan-error';
import type { ScanError } from '../../../utils/scan-error';
import type { OcrFault } from '../../ocr-server';
import { describe, expect, test } from '../fixtures';
import type { StoredReceipt } from '../harness/background-driver';
import { expectReceiptMatchesTruth } from '../harness/receipt-expectations';
import { isCloseMerchant, readParsedText, readReceiptImage, readTruth, sha256 } from '../harness/receipts-dev';

/**
 * One receipt per fault: the extension treats a second scan of the same bytes as a duplicate of the first.
 * Each is a different shared image (not sroie-016/018: same bytes), so the server answers each retry with its own recorded text.
 */
function faultCases(http2Host: string): { fault: Exclude<OcrFault, 'slow'>; image: string; expected: ScanError }[] {
  return [
    { fault: 'file-too-large', image: 'sroie-000', expected: scanErrors.ocrFileTooLarge(1024) },
    { fault: 'rate-limit', image: 'sroie-004', expected: scanErrors.ocrRateLimit('10 calls in 600 seconds', 600_000) },
    { fault: 'e216', image: 'sroie-010', expected: scanErrors.ocrFileType() },
    { fault: 'timeout-exit-3', image: 'sroie-012', expected: scanErrors.ocrTimeout() },
    { fault: 'http-500', image: 'sroie-014', expected: scanErrors.ocrServer(500) },
    { fault: 'non-json', image: 'sroie-006', expected: scanErrors.ocrInvalidAnswer('not JSON') },
    { fault: 'drop-connection', image: 'sroie-020', expected: scanErrors.network(http2Host) },
    { fault: 'bad-key', image: 'sroie-022', expected: scanErrors.ocrBadKey() },
  ];
}

/** Read as OCR.space read it, with the receipt's total; the date is journey 1's subject (the day/month order). */
async function expectReadLikeTheRecording(receipt: StoredReceipt, image: string, label: string): Promise<void> {
  const truth = await readTruth(image);
  expect.soft(receipt.status, `${label}: status (${JSON.stringify(receipt.error)})`).toBe('done');
  expect.soft(receipt.ocr?.text, `${label}: OCR text`).toBe(await readParsedText(image));
  expect.soft(receipt.fields?.total, `${label}: total`).toBe(truth.total);
  expect.soft(isCloseMerchant(receipt.fields?.merchant, truth.merchant), `${label}: merchant "${receipt.fields?.merchant}" vs "${truth.merchant}"`).toBe(true);
}

describe('journey 5: OCR server faults', () => {
  test('each fault shows its message, keeps the original, and Retry succeeds once the fault is gone', async ({ journey }) => {
    const { background, pages, ocr } = journey;
    const cases = faultCases(new URL(ocr.http2Url).host);
    const page = await journey.openWebPage(pages.receiptsPageUrl(cases.map(({ image }) => image)));
    const popup = await journey.openPopup();

    for (const { fault, image, expected } of cases) {
      const source = await readReceiptImage(image);
      let receiptId: string;
      if (fault === 'drop-connection') {
        ocr.setFault(fault);
        receiptId = await background.scanImage(pages.imageUrl(image), page.url());
      } else {
        // The server holds its answer ("slow") and answers with the fault set meanwhile: the popup has shown
        // "Reading text..." by then, so only the background's broadcast can tell it of the failure. No race.
        ocr.setFault('slow');
        receiptId = await background.scanImage(pages.imageUrl(image), page.url());
        await popup.waitForRow(receiptId, (text) => text.includes('Reading text...'), 10_000);
        ocr.setFault(fault);
      }
      const failed = await background.waitForScanError(receiptId);
      expect.soft(failed.error, fault).toEqual(expected);
      // Transient faults wait to be tried again by themselves; the others need the user.
      expect.soft(failed.status, fault).toBe(expected.retryable ? 'queued' : 'failed');
      expect.soft(failed.fields, fault).toBeNull();
      // The original was downloaded before the upload failed, and stays.
      expect.soft(failed.original?.sha256, fault).toBe(sha256(source));
      expect.soft((await background.readOriginal(receiptId))?.bytes.equals(source), `${fault}: original kept`).toBe(true);

      // The popup is open all along and must show the message by itself (it learns of changes only from broadcasts),
      // before an automatic attempt would refresh it anyway.
      const showWithin = failed.status === 'queued' && failed.job ? Math.max(200, failed.job.notBefore - Date.now()) : 5_000;
      const shown = await popup.waitForError(receiptId, Math.min(5_000, showWithin)).catch((error: unknown) => String(error));
      expect.soft(shown, `${fault}: message shown live in the open popup`).toBe(expected.message);
      let displayed = shown === expected.message;
      if (!displayed) {
        // Reopened, it reads the stored state; this lets the rest of the journey run and tell more.
        await popup.reload();
        displayed = (await popup.waitForError(receiptId, 5_000).catch(() => '')) === expected.message;
      }
      // Wherever the message shows, Retry is beside it.
      const retryButtons = await popup.row(receiptId).getByRole('button', { name: 'Retry' }).count();
      if (displayed) expect.soft(retryButtons, `${fault}: Retry offered`).toBe(1);
      await popup.screenshot(`journey-5-${fault}`);

      ocr.setFault(null);
      const uploads = ocr.received.length;
      const beforeRetry = (await background.readReceipt(receiptId))?.updatedAt ?? 0;
      // A transient fault may be in an automatic attempt right now, which hides the button for a moment.
      if (!(await popup.retry(receiptId, 1_000).then(() => true, () => false))) await popup.requestRetry(receiptId);
      // Ended again after the retry: done, or failed by a later write than the failure seen before it.
      const retried = await background.waitForReceiptMatching(
        receiptId,
        (receipt) => receipt.status === 'done' || (receipt.status === 'failed' && receipt.updatedAt > beforeRetry),
        'done or failed again after Retry',
        20_000,
      );
      await expectReadLikeTheRecording(retried, image, `${fault} retried`);
      expect.soft(await popup.waitForDone(receiptId), `${fault}: row after retry`).toContain(retried.fields?.total ?? '\u0000');
      // Retry sends the stored original again, not a new download.
      expect.soft(ocr.received.slice(uploads).map((upload) => upload.file.sha256), `${fault}: retried upload`).toContain(sha256(source));
      expect.soft((await background.readOriginals()).filter((original) => original.id === receiptId).length, `${fault}: one original`).toBe(1);
    }
    await popup.screenshot('journey-5-popup');
    expect(await popup.receiptIds()).toHaveLength(cases.length);
  });

  test('a slow answer shows "Reading text..." until it comes, then the receipt', async ({ journey }) => {
    const { background, pages, ocr } = journey;
    // Its printed date (25/01/2018) can only be read one way.
    const image = 'sroie-022';
    const page = await journey.openWebPage(pages.receiptsPageUrl([image]));
    const popup = await journey.openPopup();
    ocr.setFault('slow');
    const started = Date.now();
    const receiptId = await background.scanImage(pages.imageUrl(image), page.url());
    const rowText = await popup.waitForRow(receiptId, (text) => text.includes('Reading text...'));
    expect(rowText).not.toMatch(/Failed/);
    await expect(popup.progressbar(receiptId).getAttribute('aria-valuenow')).resolves.toBeNull();
    const receipt = await background.waitForReceipt(receiptId);
    expect(Date.now() - started).toBeGreaterThanOrEqual(2_900);
    expectReceiptMatchesTruth(receipt, await readTruth(image), 'slow');
  });
});
