import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, test } from '../fixtures';
import { clickScanArea, drawMarker, findRedBox, HOSTILE_PAGE_CSS, notificationIds, OVERLAY_HOST, paperAndInk, pressScanAreaShortcut, recordNotifications, zoomTab } from '../harness/area-selection';
import { startPdfServer, textPdf } from '../harness/pdf-files';
import { expectReceiptMatchesTruth } from '../harness/receipt-expectations';
import { readOcrAnswer, readTruth, sha256 } from '../harness/receipts-dev';
import type { BackgroundDriver } from '../harness/background-driver';
import { ARTIFACTS_DIR } from '../pages/popup-page';

const RECEIPT = 'sroie-004';
const MARKER = { left: 40, top: 60, width: 80, height: 60 };
/** The drag, in CSS pixels of the page: it holds the marker 10 px in from its top left corner, and fits the viewport at zoom 2. */
const DRAG = { from: { x: 30, y: 50 }, to: { x: 170, y: 160 } };
/** An invoice in the PDF's own text, as shops send them. */
const INVOICE_LINES = ['CORNER SHOP', 'Invoice 2041', 'Coffee beans 9.50', 'Milk 2.84', 'TOTAL 12.34', 'Paid by card'];
/** Over the top of the PDF's page, where the viewer draws its lines. */
const PDF_DRAG = { from: { x: 30, y: 70 }, to: { x: 330, y: 200 } };

async function newReceiptIds(background: BackgroundDriver, before: Set<string>, timeoutMs = 10_000): Promise<string[]> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const fresh = (await background.readReceipts()).map((receipt) => receipt.id).filter((id) => !before.has(id));
    if (fresh.length > 0) return fresh;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return [];
}

async function dragArea(page: Page, screenshot?: string): Promise<void> {
  await page.locator(OVERLAY_HOST).waitFor({ state: 'attached', timeout: 10_000 });
  await page.mouse.move(DRAG.from.x, DRAG.from.y);
  await page.mouse.down();
  await page.mouse.move((DRAG.from.x + DRAG.to.x) / 2, (DRAG.from.y + DRAG.to.y) / 2);
  await page.mouse.move(DRAG.to.x, DRAG.to.y);
  if (screenshot) await page.screenshot({ path: join(ARTIFACTS_DIR, screenshot) });
  await page.mouse.up();
}

describe('journey 28: select an area of a page to scan', () => {
  test('on a page whose styles fight overlays, the shortcut draws the overlay and Esc cancels; a dragged rectangle becomes a receipt whose original is that rectangle at device resolution', async ({ journey, harness }) => {
    const { background, pages, ocr } = journey;
    const worker = await harness.extension.worker();
    const page = await journey.openWebPage(pages.receiptsPageUrl([RECEIPT]));
    await drawMarker(page, MARKER);
    // The page's own styles must not hide, move or disarm the overlay.
    await page.addStyleTag({ content: HOSTILE_PAGE_CSS });
    await page.bringToFront();

    // The keyboard shortcut first, then Esc: the overlay goes, nothing is stored or sent.
    const beforeEsc = new Set((await background.readReceipts()).map((receipt) => receipt.id));
    expect(await pressScanAreaShortcut(worker, page.url())).toMatchObject({ name: 'scan-area', shortcut: 'Alt+Shift+S' });
    await page.locator(OVERLAY_HOST).waitFor({ state: 'attached', timeout: 10_000 });
    await page.screenshot({ path: join(ARTIFACTS_DIR, 'journey-28-area-overlay.png') });
    await page.keyboard.press('Escape');
    await page.locator(OVERLAY_HOST).waitFor({ state: 'detached', timeout: 5_000 });
    expect(await newReceiptIds(background, beforeEsc, 1_500)).toEqual([]);

    for (const zoom of [1, 2]) {
      await zoomTab(worker, page.url(), zoom);
      const scale = await page.evaluate(() => window.devicePixelRatio);
      expect(scale).toBe(zoom);
      ocr.queueAnswer(await readOcrAnswer(RECEIPT));
      const before = new Set((await background.readReceipts()).map((receipt) => receipt.id));
      await clickScanArea(worker, page.url());
      await dragArea(page, zoom === 1 ? 'journey-28-area-dragging.png' : undefined);
      await page.locator(OVERLAY_HOST).waitFor({ state: 'detached', timeout: 5_000 });
      const [id] = await newReceiptIds(background, before);
      expect(id, `zoom ${zoom}: a receipt was made`).toBeDefined();
      const receipt = await background.waitForReceipt(id ?? '');
      expectReceiptMatchesTruth(receipt, await readTruth(RECEIPT), `zoom ${zoom}`);
      expect(receipt.source.imageUrl).toBe(`area:${page.url()}`);

      const original = await background.readOriginal(receipt.id);
      expect(original?.type).toBe('image/png');
      expect(receipt.original).toEqual({ sha256: sha256(original?.bytes ?? Buffer.alloc(0)), mime: 'image/png', extension: 'png', size: original?.bytes.length });
      expect(ocr.received.at(-1)?.file.sha256).toBe(receipt.original?.sha256);
      // The rectangle at device resolution: its size, and the marker where it was, in device pixels.
      const found = await findRedBox(worker, original?.bytes.toString('base64') ?? '');
      expect({ width: found.width, height: found.height }, `zoom ${zoom}: size`).toEqual({ width: (DRAG.to.x - DRAG.from.x) * zoom, height: (DRAG.to.y - DRAG.from.y) * zoom });
      const inside = { left: (MARKER.left - DRAG.from.x) * zoom, top: (MARKER.top - DRAG.from.y) * zoom };
      expect(found.box, `zoom ${zoom}: marker`).toEqual({ ...inside, right: inside.left + MARKER.width * zoom, bottom: inside.top + MARKER.height * zoom });
    }
    await zoomTab(worker, page.url(), 1);
  });

  test("a PDF open in Chromium's viewer is selected and captured like a page", async ({ journey, harness }) => {
    const { background, ocr } = journey;
    const worker = await harness.extension.worker();
    const invoices = await startPdfServer({ invoice: textPdf(INVOICE_LINES) });
    const invoice = { url: invoices.pdfUrl('invoice') };
    try {
      const page = await journey.openWebPage(invoice.url);
      await page.bringToFront();
      // The user selects what the viewer shows, once it shows the page (it draws after the document has loaded).
      await expect.poll(async () => (await paperAndInk(worker, (await page.screenshot()).toString('base64'))).paper, { timeout: 10_000 }).toBeGreaterThan(0.3);
      ocr.queueAnswer({ ParsedResults: [{ ParsedText: `${INVOICE_LINES.join('\r\n')}\r\n`, TextOverlay: { Lines: [], HasOverlay: false }, FileParseExitCode: 1 }], OCRExitCode: 1, IsErroredOnProcessing: false });
      const before = new Set((await background.readReceipts()).map((receipt) => receipt.id));
      await clickScanArea(worker, invoice.url);
      await expect.poll(() => page.locator(OVERLAY_HOST).count(), { timeout: 10_000 }).toBe(1);
      await page.screenshot({ path: join(ARTIFACTS_DIR, 'journey-28-area-over-pdf.png') });
      await page.mouse.move(PDF_DRAG.from.x, PDF_DRAG.from.y);
      await page.mouse.down();
      await page.mouse.move((PDF_DRAG.from.x + PDF_DRAG.to.x) / 2, (PDF_DRAG.from.y + PDF_DRAG.to.y) / 2);
      await page.mouse.move(PDF_DRAG.to.x, PDF_DRAG.to.y);
      await page.mouse.up();
      const [id] = await newReceiptIds(background, before);
      expect(id, 'a receipt was made').toBeDefined();
      const receipt = await background.waitForReceipt(id ?? '');
      expect(receipt).toMatchObject({ status: 'done', source: { imageUrl: `area:${invoice.url}` }, original: { mime: 'image/png' }, fields: { total: '12.34' } });
      const original = await background.readOriginal(receipt.id);
      if (original) await writeFile(join(ARTIFACTS_DIR, 'journey-28-area-of-pdf.png'), original.bytes);
      // The PNG's own header gives its size (width and height after the signature and the IHDR chunk's length and name).
      const header = original?.bytes.subarray(16, 24) ?? Buffer.alloc(8);
      expect({ width: header.readUInt32BE(0), height: header.readUInt32BE(4) }).toEqual({ width: PDF_DRAG.to.x - PDF_DRAG.from.x, height: PDF_DRAG.to.y - PDF_DRAG.from.y });
      // The PDF's page and its printed total, not the dimmed overlay: mostly paper, some ink.
      const seen = await paperAndInk(worker, original?.bytes.toString('base64') ?? '');
      expect(seen.paper, 'paper').toBeGreaterThan(0.6);
      expect(seen.ink, 'ink').toBeGreaterThan(0.01);
      expect(ocr.received.at(-1)?.file.sha256).toBe(receipt.original?.sha256);
    } finally {
      await invoices.close();
    }
  });

  test('a page the browser keeps closed to extensions says so instead of failing silently', async ({ journey, harness }) => {
    const { background } = journey;
    const worker = await harness.extension.worker();
    const page = await journey.openWebPage('chrome://version/');
    await page.bringToFront();
    const before = new Set((await background.readReceipts()).map((receipt) => receipt.id));
    const shownBefore = await notificationIds(worker);
    const shown = await recordNotifications(worker);
    const saidBefore = (await shown()).length;
    await clickScanArea(worker, null);
    await expect.poll(async () => (await notificationIds(worker)).filter((id) => id.startsWith('area-') && !shownBefore.includes(id)).length, { timeout: 5_000 }).toBe(1);
    expect((await shown()).slice(saidBefore)).toEqual([
      expect.objectContaining({
        title: 'Cannot scan this area',
        message: expect.stringMatching(/^The browser does not let extensions see this page \(.+\), so no area of it can be scanned\. Save the receipt as an image or PDF and add it from the popup\.$/),
      }),
    ]);
    expect(await newReceiptIds(background, before, 500)).toEqual([]);
  });
});
