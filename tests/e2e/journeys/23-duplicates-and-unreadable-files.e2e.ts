import { scanErrors, type ScanError } from '../../../utils/scan-error';
import { describe, expect, test } from '../fixtures';
import { clickScanOnEach } from '../harness/menu-clicks';
import { readReceiptImage, sha256 } from '../harness/receipts-dev';

/** Distinct shared receipts (not sroie-016/018: the same bytes). */
const PAIRS = ['sroie-000', 'sroie-002', 'sroie-004', 'sroie-006', 'sroie-008'];
const NORMAL = 'sroie-290';

/** Answers from which a second try of the same bytes cannot do better. */
const UNREADABLE: { name: string; image: string; answer: unknown; expected: ScanError }[] = [
  {
    name: 'exit code 3, the file could not be read',
    image: 'sroie-010',
    answer: { OCRExitCode: 3, IsErroredOnProcessing: true, ErrorMessage: ['Unable to recognize the file'], ParsedResults: [] },
    expected: scanErrors.ocrFailed('Unable to recognize the file'),
  },
  {
    name: 'exit code 4, a fatal error',
    image: 'sroie-012',
    answer: { OCRExitCode: 4, IsErroredOnProcessing: true, ErrorMessage: 'Fatal error while parsing' },
    expected: scanErrors.ocrFailed('Fatal error while parsing'),
  },
  { name: 'no results at all', image: 'sroie-014', answer: { OCRExitCode: 1, IsErroredOnProcessing: false, ParsedResults: [] }, expected: scanErrors.ocrNoResult() },
  { name: 'an empty 200 body', image: 'sroie-020', answer: { status: 200, body: '', contentType: 'application/json' }, expected: scanErrors.ocrEmptyAnswer() },
];

describe('journey 23: the same image at the same moment, and files the OCR service cannot read', () => {
  test('each image clicked twice at once is kept once, uploaded once and counted once', async ({ journey }) => {
    const { background, pages, ocr, extension } = journey;
    await background.setSettings({ ...journey.baseSettings, concurrency: 2 });
    const page = await journey.openWebPage(pages.receiptsPageUrl(PAIRS));
    const popup = await journey.openPopup();

    // Both clicks on one image reach the queue together, so both scans download it and store it at the same moment.
    await clickScanOnEach(await extension.worker(), PAIRS.flatMap((id) => [pages.imageUrl(id), pages.imageUrl(id)]), page.url());

    // Every click ends: as a finished receipt, or dropped as the duplicate of one.
    const deadline = Date.now() + 45_000;
    let receipts = await background.readReceipts();
    let duplicates = 0;
    while (Date.now() < deadline) {
      receipts = await background.readReceipts();
      duplicates = (await popup.messages()).filter(({ message }) => (message as { type?: string }).type === 'receipt-duplicate').length;
      const settled = receipts.every((receipt) => receipt.status === 'done' || receipt.status === 'failed');
      if (settled && receipts.length + duplicates >= PAIRS.length * 2) break;
      await new Promise((resolve) => setTimeout(resolve, 200));
    }

    expect(receipts.map((receipt) => [receipt.source.imageUrl, receipt.status]).sort()).toEqual(PAIRS.map((id) => [pages.imageUrl(id), 'done']).sort());
    expect(duplicates).toBe(PAIRS.length);
    const sources = await Promise.all(PAIRS.map(async (id) => sha256(await readReceiptImage(id))));
    const originals = await background.readOriginals();
    expect(originals.map((original) => sha256(original.bytes)).sort()).toEqual([...sources].sort());
    expect(ocr.received.map((upload) => upload.file.sha256).sort()).toEqual([...sources].sort());
    expect(await popup.rows().count()).toBe(PAIRS.length);
    await popup.screenshot('journey-23-kept-once');
  });

  test('an answer that says the file cannot be read fails at once, with one upload, and the queue goes on', async ({ journey }) => {
    const { background, pages, ocr } = journey;
    const page = await journey.openWebPage(pages.receiptsPageUrl([...UNREADABLE.map(({ image }) => image), NORMAL]));
    const popup = await journey.openPopup();

    for (const { name, image, answer, expected } of UNREADABLE) {
      const uploads = ocr.received.length;
      ocr.queueAnswer(answer);
      const receiptId = await background.scanImage(pages.imageUrl(image), page.url());
      const failed = await background.waitForScanError(receiptId);
      expect.soft(failed.error, name).toEqual(expected);
      // Failed for good: not queued for an automatic attempt that would spend another of the key's calls.
      expect.soft(failed.status, name).toBe('failed');
      expect.soft(failed.job?.notBefore ?? 0, `${name}: no attempt scheduled`).toBe(0);
      expect.soft(await popup.waitForError(receiptId), name).toBe(expected.message);
      // The original stays, so the user's Retry (offered beside the message) sends it without downloading again.
      expect.soft(failed.original?.sha256, `${name}: original kept`).toBe(sha256(await readReceiptImage(image)));
      expect.soft(await popup.row(receiptId).getByRole('button', { name: 'Retry' }).count(), `${name}: Retry offered`).toBe(1);
      // Longer than the first automatic backoff (at most 2 s): still one upload.
      await new Promise((resolve) => setTimeout(resolve, 2_500));
      expect.soft(ocr.received.length - uploads, `${name}: uploads`).toBe(1);
      expect.soft((await background.readReceipt(receiptId))?.status, `${name}: still failed`).toBe('failed');
    }
    await popup.screenshot('journey-23-unreadable');

    // The queue keeps working: a readable receipt is read at once.
    const normalId = await background.scanImage(pages.imageUrl(NORMAL), page.url());
    const done = await background.waitForReceipt(normalId, ['done', 'failed'], 15_000);
    expect(done.status).toBe('done');
    expect(await background.readOriginals()).toHaveLength(UNREADABLE.length + 1);
  });
});
