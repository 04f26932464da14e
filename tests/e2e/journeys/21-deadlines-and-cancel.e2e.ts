import { afterAll, beforeAll } from 'vitest';
import { scanErrors } from '../../../utils/scan-error';
import { describe, expect, test } from '../fixtures';
import { startDrippingImageServer, type DrippingImageServer } from '../harness/dripping-image-server';
import { readReceiptImage, sha256 } from '../harness/receipts-dev';

/** Short deadlines keep the journey quick; 5 s is the least the options accept. */
const SHORT_DEADLINE_S = 5;
const DRIP_EVERY_MS = 1_000;

let dripping: DrippingImageServer;
beforeAll(async () => {
  dripping = await startDrippingImageServer(DRIP_EVERY_MS);
});
afterAll(async () => {
  await dripping.close();
});

describe('journey 21: deadlines, Cancel, and deleting a scan in flight', () => {
  test('a dripping image server and an OCR answer whose body stalls each end at their deadline, and the queue goes on', async ({ journey }) => {
    const { background, pages, ocr, baseSettings } = journey;
    await background.setSettings({ ...baseSettings, downloadDeadlineSeconds: SHORT_DEADLINE_S, ocrDeadlineSeconds: SHORT_DEADLINE_S });
    const page = await journey.openWebPage(pages.receiptsPageUrl([]));
    const popup = await journey.openPopup();

    // (a) One byte a second never trips the 30 s stall timer; the download deadline ends it.
    const dripUrl = dripping.imageUrl('dripping-receipt');
    const startedA = Date.now();
    const dripId = await background.scanImage(dripUrl, page.url());
    const dripped = await background.waitForReceipt(dripId, ['failed'], 30_000);
    const tookA = Date.now() - startedA;
    expect(dripped.error).toEqual(scanErrors.downloadDeadline(SHORT_DEADLINE_S));
    expect(await popup.waitForError(dripId, 10_000)).toBe(
      'The image did not finish downloading within the download deadline of 5 seconds. If the image server is just slow, raise the download deadline in the options, then press Retry.',
    );
    expect(tookA).toBeGreaterThanOrEqual(SHORT_DEADLINE_S * 1000 - 500);
    expect(tookA).toBeLessThan(SHORT_DEADLINE_S * 1000 + 8_000);
    expect(dripped.original).toBeNull();
    expect(await background.readOriginal(dripId)).toBeUndefined();
    const [drip] = dripping.drips.filter((entry) => entry.path === '/dripping-receipt.jpg');
    expect(drip?.bytesSent).toBeGreaterThan(5);
    await expect.poll(() => dripping.open().length, { timeout: 5_000 }).toBe(0);
    expect(ocr.received).toEqual([]);

    // (b) Headers, the start of a JSON answer, then nothing: the OCR deadline covers reading the body too.
    ocr.setFault('stall-body');
    const startedB = Date.now();
    const stalledId = await background.scanImage(pages.imageUrl('sroie-000'), page.url());
    const stalled = await background.waitForReceipt(stalledId, ['failed'], 30_000);
    const tookB = Date.now() - startedB;
    expect(stalled.error).toEqual(scanErrors.ocrDeadline(SHORT_DEADLINE_S));
    expect(await popup.waitForError(stalledId, 10_000)).toBe(
      'The OCR service did not finish within the OCR deadline of 5 seconds (upload, answer and reading it). If the service is just slow, raise the OCR deadline in the options, then press Retry.',
    );
    expect(tookB).toBeGreaterThanOrEqual(SHORT_DEADLINE_S * 1000 - 500);
    expect(tookB).toBeLessThan(SHORT_DEADLINE_S * 1000 + 8_000);
    expect(ocr.received).toHaveLength(1);
    await expect.poll(() => ocr.stalledBodies(), { timeout: 5_000 }).toEqual({ open: 0, closed: 1 });
    // Not retried by itself: still one upload a moment later.
    await popup.page.waitForTimeout(1_500);
    expect(ocr.received).toHaveLength(1);
    expect(sha256((await background.readOriginal(stalledId))?.bytes ?? Buffer.alloc(0))).toBe(sha256(await readReceiptImage('sroie-000')));

    // (d) The queue keeps working: a normal scan finishes at once.
    ocr.setFault(null);
    const normalId = await background.scanImage(pages.imageUrl('sroie-004'), page.url());
    expect((await background.waitForReceipt(normalId, ['done', 'failed'], 15_000)).status).toBe('done');
    await popup.waitForDone(normalId);
    expect(ocr.received).toHaveLength(2);
    expect((await background.readReceipts()).map((receipt) => [receipt.id, receipt.status]).sort()).toEqual(
      [[dripId, 'failed'], [stalledId, 'failed'], [normalId, 'done']].sort(),
    );
    expect((await background.readOriginals()).map((original) => original.id).sort()).toEqual([stalledId, normalId].sort());
  });

  test('two stalled scans hold both slots; Cancel on one and deleting the other abort their requests, and the waiting scan finishes at once', async ({ journey }) => {
    const { background, pages, ocr, baseSettings } = journey;
    // Deadlines far off: here only the user ends the stalled scans.
    await background.setSettings({ ...baseSettings, concurrency: 2, downloadDeadlineSeconds: 120, ocrDeadlineSeconds: 120 });
    const page = await journey.openWebPage(pages.receiptsPageUrl([]));
    const popup = await journey.openPopup();

    // (c) One scan stalls in the OCR answer's body (its original is stored), the other in a dripping download.
    ocr.setFault('stall-body');
    const ocrStalledId = await background.scanImage(pages.imageUrl('sroie-010'), page.url());
    await expect.poll(() => ocr.stalledBodies().open, { timeout: 15_000 }).toBe(1);
    ocr.setFault(null);
    const dripUrl = dripping.imageUrl('held-receipt');
    const dripId = await background.scanImage(dripUrl, page.url());
    await expect.poll(() => dripping.open().filter((drip) => drip.path === '/held-receipt.jpg').length, { timeout: 10_000 }).toBe(1);
    const waitingId = await background.scanImage(pages.imageUrl('sroie-014'), page.url());
    await popup.page.waitForTimeout(1_500);
    expect((await background.readReceipt(waitingId))?.status).toBe('queued');
    expect((await background.readReceipt(ocrStalledId))?.status).toBe('reading');
    expect((await background.readReceipt(dripId))?.status).toBe('downloading');

    await popup.cancel(ocrStalledId);
    const cancelled = await background.waitForReceipt(ocrStalledId, ['failed'], 10_000);
    expect(cancelled.error).toEqual(scanErrors.cancelled());
    expect(await popup.waitForError(ocrStalledId)).toBe('You cancelled this scan. Press Retry to scan it again.');
    await popup.row(ocrStalledId).getByRole('button', { name: 'Retry' }).waitFor({ timeout: 5_000 });
    await expect.poll(() => ocr.stalledBodies(), { timeout: 5_000 }).toEqual({ open: 0, closed: 1 });
    expect(sha256((await background.readOriginal(ocrStalledId))?.bytes ?? Buffer.alloc(0))).toBe(sha256(await readReceiptImage('sroie-010')));

    const deletedAt = Date.now();
    await popup.deleteSelected([dripId]);
    await popup.page.locator('.undo[role="status"]').getByText('Receipt deleted.', { exact: true }).waitFor({ timeout: 5_000 });
    await expect.poll(() => dripping.open().length, { timeout: 5_000 }).toBe(0);
    expect(await background.readReceipt(dripId)).toBeUndefined();
    expect(await background.readOriginal(dripId)).toBeUndefined();

    // (d) Both slots are free: the waiting scan finishes at once.
    expect((await background.waitForReceipt(waitingId, ['done', 'failed'], 10_000)).status).toBe('done');
    expect(Date.now() - deletedAt).toBeLessThan(8_000);
    await popup.waitForDone(waitingId);
    // Neither stopped scan was retried or restarted behind the user's back.
    await popup.page.waitForTimeout(1_000);
    expect(ocr.received.map((upload) => upload.file.sha256)).toEqual([sha256(await readReceiptImage('sroie-010')), sha256(await readReceiptImage('sroie-014'))]);
    expect(dripping.drips.filter((drip) => drip.path === '/held-receipt.jpg')).toHaveLength(1);
    expect((await background.readReceipts()).map((receipt) => [receipt.id, receipt.status]).sort()).toEqual([[ocrStalledId, 'failed'], [waitingId, 'done']].sort());
    expect((await background.readOriginals()).map((original) => original.id).sort()).toEqual([ocrStalledId, waitingId].sort());
    expect(await popup.receiptIds()).not.toContain(dripId);
  });

  test('Undo brings back a scan deleted in flight: it runs again, and can then be cancelled', async ({ journey }) => {
    const { background, pages, ocr, baseSettings } = journey;
    await background.setSettings({ ...baseSettings, downloadDeadlineSeconds: 120 });
    const page = await journey.openWebPage(pages.receiptsPageUrl([]));
    const popup = await journey.openPopup();
    const path = '/undone-receipt.jpg';
    const requests = () => dripping.drips.filter((drip) => drip.path === path);

    const dripId = await background.scanImage(dripping.imageUrl('undone-receipt'), page.url());
    await expect.poll(() => requests().length, { timeout: 10_000 }).toBe(1);
    await popup.deleteSelected([dripId]);
    const undoBar = popup.page.locator('.undo[role="status"]');
    await undoBar.getByText('Receipt deleted.', { exact: true }).waitFor({ timeout: 5_000 });
    await expect.poll(() => requests().filter((drip) => drip.closedAt === null).length, { timeout: 5_000 }).toBe(0);

    await undoBar.getByRole('button', { name: 'Undo' }).click();
    // Back, and running again: a second download starts instead of a receipt stuck "downloading" with nothing behind it.
    await expect.poll(() => requests().length, { timeout: 10_000 }).toBe(2);
    await expect.poll(async () => (await background.readReceipt(dripId))?.status, { timeout: 5_000 }).toBe('downloading');
    await popup.waitForRow(dripId, (text) => text.length > 0);

    await popup.cancel(dripId);
    const cancelled = await background.waitForReceipt(dripId, ['failed'], 10_000);
    expect(cancelled.error).toEqual(scanErrors.cancelled());
    expect(await popup.waitForError(dripId)).toBe('You cancelled this scan. Press Retry to scan it again.');
    await expect.poll(() => requests().filter((drip) => drip.closedAt === null).length, { timeout: 5_000 }).toBe(0);
    expect(await background.readOriginal(dripId)).toBeUndefined();

    const normalId = await background.scanImage(pages.imageUrl('sroie-022'), page.url());
    expect((await background.waitForReceipt(normalId, ['done', 'failed'], 15_000)).status).toBe('done');
    expect(ocr.received).toHaveLength(1);
    expect((await background.readReceipts()).map((receipt) => [receipt.id, receipt.status]).sort()).toEqual([[dripId, 'failed'], [normalId, 'done']].sort());
    expect((await background.readOriginals()).map((original) => original.id)).toEqual([normalId]);
  });
});
