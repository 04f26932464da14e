import { scanErrors } from '../../../utils/scan-error';
import { describe, expect, test } from '../fixtures';
import { readParsedText, readReceiptImage, sha256 } from '../harness/receipts-dev';

const IMAGE = 'sroie-008';
const WINDOW_SECONDS = 2;
/** The queue waits out the window the 403 names, plus up to 5 s of jitter. */
const JITTER_MS = 5_000;

describe('journey 11: a rate limit, then success', () => {
  test('the scan waits out the window the server names and finishes by itself', async ({ journey }) => {
    const { background, pages, ocr } = journey;
    const source = await readReceiptImage(IMAGE);
    const page = await journey.openWebPage(pages.receiptsPageUrl([IMAGE]));
    const popup = await journey.openPopup();

    ocr.setFault('rate-limit', { windowSeconds: WINDOW_SECONDS });
    const receiptId = await background.scanImage(pages.imageUrl(IMAGE), page.url());
    const waiting = await background.waitForScanError(receiptId);
    // Cleared at once: from here on only the queue's own wake-up can finish the scan.
    ocr.setFault(null);

    const expected = scanErrors.ocrRateLimit(`10 calls in ${WINDOW_SECONDS} seconds`, WINDOW_SECONDS * 1000);
    expect(waiting.status).toBe('queued');
    expect(waiting.error).toEqual(expected);
    expect(waiting.error?.retryAfterMs).toBe(WINDOW_SECONDS * 1000);
    expect(waiting.job?.attempts).toBe(1);
    const wait = (waiting.job?.notBefore ?? 0) - waiting.updatedAt;
    expect(wait, 'notBefore after the failure, in ms').toBeGreaterThanOrEqual(WINDOW_SECONDS * 1000 - 100);
    expect(wait, 'notBefore after the failure, in ms').toBeLessThanOrEqual(WINDOW_SECONDS * 1000 + JITTER_MS + 100);
    expect(ocr.received).toHaveLength(1);

    // The open popup says why the scan waits and when it tries again.
    const shown = await popup.waitForError(receiptId, 2_000);
    expect(shown).toBe(expected.message);
    // A two-second window is no "1 minutes" (utils/scan-error.ts rounds every wait up to whole minutes).
    expect.soft(shown, 'the wait in words').not.toMatch(/\b1 minutes\b/);
    const clock = new Date(waiting.job?.notBefore ?? 0).toLocaleTimeString('en-US', { hour: '2-digit', minute: '2-digit' }).replace(/\s+/g, ' ');
    const row = await popup.rowText(receiptId);
    expect(row).toContain('Trying again at');
    expect.soft(row, 'the time of the next attempt').toContain(clock);
    expect(await popup.row(receiptId).getByRole('button', { name: 'Retry' }).count()).toBe(1);

    // Nobody clicks Retry.
    const done = await background.waitForReceipt(receiptId, ['done', 'failed'], WINDOW_SECONDS * 1000 + JITTER_MS + 10_000);
    expect(done.status).toBe('done');
    expect(done.error).toBeNull();
    expect(done.ocr?.text).toBe(await readParsedText(IMAGE));
    expect(done.updatedAt).toBeGreaterThanOrEqual(waiting.job?.notBefore ?? Infinity);
    expect(ocr.received.map((upload) => upload.file.sha256)).toEqual([sha256(source), sha256(source)]);
    expect(ocr.spans[1]?.startedAt).toBeGreaterThanOrEqual((waiting.job?.notBefore ?? Infinity) - 50);
    await popup.waitForDone(receiptId);
  });
});
