import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, test } from '../fixtures';
import { clickScanArea, drawMarker, findRedBox, HOSTILE_PAGE_CSS, notificationIds, OVERLAY_HOST, pressScanAreaShortcut, zoomTab } from '../harness/area-selection';
import { expectReceiptMatchesTruth } from '../harness/receipt-expectations';
import { readOcrAnswer, readTruth, sha256 } from '../harness/receipts-dev';
import type { BackgroundDriver } from '../harness/background-driver';
import { ARTIFACTS_DIR } from '../pages/popup-page';

const RECEIPT = 'sroie-004';
const MARKER = { left: 40, top: 60, width: 80, height: 60 };
/** The drag, in CSS pixels of the page: it holds the marker 10 px in from its top left corner, and fits the viewport at zoom 2. */
const DRAG = { from: { x: 30, y: 50 }, to: { x: 170, y: 160 } };

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

  test('a page the browser keeps closed to extensions says so instead of failing silently', async ({ journey, harness }) => {
    const { background } = journey;
    const worker = await harness.extension.worker();
    const page = await journey.openWebPage('chrome://version/');
    await page.bringToFront();
    const before = new Set((await background.readReceipts()).map((receipt) => receipt.id));
    const shownBefore = await notificationIds(worker);
    await clickScanArea(worker, null);
    await expect.poll(async () => (await notificationIds(worker)).filter((id) => id.startsWith('area-') && !shownBefore.includes(id)).length, { timeout: 5_000 }).toBe(1);
    expect(await newReceiptIds(background, before, 500)).toEqual([]);
  });
});
