import { describe, expect, test } from '../fixtures';
import { clickScanOnEach, readBadgeText } from '../harness/menu-clicks';
import { readReceiptImage, sha256 } from '../harness/receipts-dev';

/** The 13 distinct shared receipts but one (sroie-018 has sroie-016's bytes, and would be a duplicate). */
const IMAGES = ['sroie-000', 'sroie-002', 'sroie-004', 'sroie-006', 'sroie-008', 'sroie-010', 'sroie-012', 'sroie-014', 'sroie-016', 'sroie-020', 'sroie-022', 'sroie-290'];
const CONCURRENCY = 2;

describe('journey 9: a queue of twelve scans', () => {
  test('all twelve end done, never more than two uploads at once', async ({ journey }) => {
    const { background, pages, ocr, extension } = journey;
    await background.setSettings({ ...journey.baseSettings, concurrency: CONCURRENCY });
    // Each answer takes a moment, so uploads would overlap if the queue let them.
    ocr.setFault('slow', { delayMs: 400 });
    const page = await journey.openWebPage(pages.receiptsPageUrl(IMAGES));
    const popup = await journey.openPopup();

    await clickScanOnEach(await extension.worker(), IMAGES.map((id) => pages.imageUrl(id)), page.url());
    const deadline = Date.now() + 10_000;
    let receipts = await background.readReceipts();
    while (receipts.length < IMAGES.length && Date.now() < deadline) receipts = await background.readReceipts();
    expect(receipts).toHaveLength(IMAGES.length);
    // The badge counts the unfinished scans: at first all of them (the queue pumps after each capture, so it climbs to twelve).
    const badges: string[] = [];
    const badgeDeadline = Date.now() + 2_000;
    while (!badges.includes(String(IMAGES.length)) && Date.now() < badgeDeadline) badges.push(await readBadgeText(await extension.worker()));
    expect.soft([...new Set(badges)], 'badge texts seen while the scans were queued').toContain(String(IMAGES.length));

    const ended = await Promise.all(receipts.map((receipt) => background.waitForReceipt(receipt.id, ['done', 'failed'], 45_000)));
    expect(ended.map((receipt) => [receipt.source.imageUrl, receipt.status, receipt.error])).toEqual(
      receipts.map((receipt) => [receipt.source.imageUrl, 'done', null]),
    );
    expect(await background.readReceipts()).toHaveLength(IMAGES.length);

    // Each image was uploaded once (one is over the 1024 KB limit and goes up shrunk, so the uploads are twelve different files).
    const sources = await Promise.all(IMAGES.map(async (id) => sha256(await readReceiptImage(id))));
    expect(new Set(ocr.received.map((upload) => upload.file.sha256)).size).toBe(IMAGES.length);
    expect(ocr.received.filter((upload) => sources.includes(upload.file.sha256))).toHaveLength(IMAGES.length - 1);
    expect(ocr.spans).toHaveLength(IMAGES.length);
    expect(ocr.maxInFlight()).toBeLessThanOrEqual(CONCURRENCY);
    // And the queue did use both places, or this journey would prove nothing.
    expect(ocr.maxInFlight()).toBe(CONCURRENCY);
    const originals = await background.readOriginals();
    expect(originals.map((original) => sha256(original.bytes)).sort()).toEqual([...sources].sort());

    expect(await readBadgeText(await extension.worker())).toBe('');
    for (const receipt of receipts) await popup.waitForDone(receipt.id);
    expect(await popup.rows().count()).toBe(IMAGES.length);
  });
});
