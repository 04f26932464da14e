import { describe, expect, test } from '../fixtures';
import { findBackwardSteps } from '../harness/progress-order';
import { byReceiptDate, displayedDate, displayedTotal, expectReceiptMatchesTruth } from '../harness/receipt-expectations';
import { readParsedText, readTruth } from '../harness/receipts-dev';

// Five different receipts (sroie-016 and sroie-018 are the same bytes, so neither is used here).
const RECEIPTS = ['sroie-000', 'sroie-002', 'sroie-004', 'sroie-006', 'sroie-008'] as const;

describe('journey 1: right-click "Scan receipt" on images of a page', () => {
  test('the popup shows progress, then each receipt with its merchant, date and total', async ({ journey }) => {
    const { background, pages, ocr } = journey;
    const page = await journey.openWebPage(pages.receiptsPageUrl(RECEIPTS));
    const popup = await journey.openPopup();
    const locale = await popup.page.evaluate(() => navigator.language);

    const receiptIds: string[] = [];
    for (const id of RECEIPTS) {
      const srcUrl = await page.locator(`img#${id}`).evaluate((img: HTMLImageElement) => img.src);
      receiptIds.push(await background.scanImage(srcUrl, page.url()));
    }

    for (const [index, id] of RECEIPTS.entries()) {
      const receiptId = receiptIds[index] ?? '';
      const receipt = await background.waitForReceipt(receiptId);
      const truth = await readTruth(id);
      expectReceiptMatchesTruth(receipt, truth, id);
      expect(receipt.source).toEqual({ imageUrl: pages.imageUrl(id), pageUrl: page.url(), pageTitle: 'Receipts to scan' });

      // The row says what was read, as the user sees it.
      const fields = receipt.fields;
      if (!fields?.merchant || !fields.date || !fields.total) throw new Error(`${id}: fields missing`);
      const rowText = await popup.waitForRow(receiptId, (text) => text.includes(fields.merchant ?? '\u0000') && !/Reading|Uploading|Downloading/.test(text));
      expect(rowText).toContain(displayedDate(fields.date, locale));
      expect(rowText).toContain(displayedTotal(fields.total, fields.currency));
      expect(await popup.progressbar(receiptId).count()).toBe(0);
    }

    // While in flight, each row showed a progress bar; determinate ones carried a percentage.
    for (const receiptId of receiptIds) {
      const sightings = await popup.progressSightings(receiptId);
      expect(sightings.length, `progress seen for ${receiptId}`).toBeGreaterThan(0);
      for (const sighting of sightings) if (sighting.valueNow !== null) expect(sighting.valueNow).toBeGreaterThanOrEqual(0);
      for (const sighting of sightings) if (sighting.valueNow !== null) expect(sighting.valueNow).toBeLessThanOrEqual(100);
      expect.soft(findBackwardSteps(sightings).join('; '), `progress of ${receiptId} only moves forward`).toBe('');
    }

    // Newest receipt date first (the popup's default order).
    expect(await popup.receiptIds()).toEqual(byReceiptDate(await background.readReceipts()));
    expect(ocr.received.map((upload) => upload.protocol)).toEqual(RECEIPTS.map(() => 'h2'));

    // The detail view holds the same values, and the text OCR.space answered.
    const firstId = receiptIds[0] ?? '';
    const first = await background.waitForReceipt(firstId);
    const detail = await popup.openDetail(firstId);
    expect(await detail.fields()).toMatchObject({
      merchant: first.fields?.merchant,
      date: first.fields?.date,
      total: first.fields?.total,
      currency: first.fields?.currency ?? '',
    });
    const recordedText = await readParsedText(RECEIPTS[0]);
    expect(first.ocr?.text).toBe(recordedText);
    expect((await detail.ocrText()).replace(/\r\n/g, '\n')).toBe(recordedText.replace(/\r\n/g, '\n'));
    await detail.back();
    await popup.rows().first().waitFor();

    const shot = await popup.screenshot('journey-1-popup');
    expect(shot).toMatch(/journey-1-popup\.png$/);
  });
});
