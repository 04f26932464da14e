import { startOcrServer } from '../../ocr-server';
import { describe, expect, E2E_API_KEY, test } from '../fixtures';
import { createBackgroundDriver } from '../harness/background-driver';
import { launchExtension } from '../harness/launch-extension';
import { readParsedText, readReceiptImage, sha256 } from '../harness/receipts-dev';
import { stopServiceWorker } from '../harness/stop-worker';
import { PopupPage } from '../pages/popup-page';

declare const self: { e2eWorkerMarker?: string };
const IMAGE = 'sroie-012';

describe('journey 10: the service worker stops mid-upload', () => {
  // Its own browser: a worker left "stopping" must not take the shared one down with it.
  test('the scan continues from the stored original once the worker starts again', async ({ harness, skip, onTestFinished }) => {
    const [extension, ocr] = await Promise.all([launchExtension(), startOcrServer({ apiKey: E2E_API_KEY })]);
    onTestFinished(async () => {
      await extension.close();
      await ocr.close();
    });
    const background = createBackgroundDriver(extension.worker);
    await background.setSettings({ apiKey: E2E_API_KEY, endpoint: ocr.http2Url });
    const { pages } = harness;
    const source = await readReceiptImage(IMAGE);
    const requestsBefore = pages.requests.length;
    const page = await extension.context.newPage();
    await page.goto(pages.receiptsPageUrl([IMAGE]));
    const popup = await PopupPage.open(extension.context, extension.extensionId);

    const before = await extension.worker();
    await before.evaluate(() => {
      self.e2eWorkerMarker = 'before the stop';
    });
    ocr.setFault('hold');
    const receiptId = await background.scanImage(pages.imageUrl(IMAGE), page.url());
    await expect.poll(() => ocr.heldCount(), { timeout: 10_000 }).toBe(1);
    const inFlight = await background.readReceipt(receiptId);
    expect(inFlight?.status).toBe('reading');
    expect(inFlight?.original?.sha256).toBe(sha256(source));

    const outcome = await stopServiceWorker(extension.context, popup.page, before);
    if (!outcome.stopped) {
      ocr.release();
      // Chrome does not stop a worker Playwright is attached to; there is no way to detach it from here.
      skip(`Chrome would not stop the worker while Playwright is attached: ${outcome.tried.join('; ')}`);
      return;
    }
    // The held upload belongs to a worker that is gone; its answer reaches nobody.
    ocr.setFault(null);
    ocr.release();
    await popup.reload();
    const after = await extension.worker();
    expect(after).not.toBe(before);
    expect(await after.evaluate(() => self.e2eWorkerMarker ?? 'gone')).toBe('gone');

    const done = await background.waitForReceipt(receiptId, ['done', 'failed'], 20_000);
    expect(done.status).toBe('done');
    expect(done.ocr?.text).toBe(await readParsedText(IMAGE));
    expect((await background.readReceipts()).map((receipt) => receipt.id)).toEqual([receiptId]);
    const originals = await background.readOriginals();
    expect(originals.map((original) => [original.id, sha256(original.bytes)])).toEqual([[receiptId, sha256(source)]]);
    // Sent again from the stored original: besides the page's own load, the image was downloaded once.
    expect(ocr.received.map((upload) => upload.file.sha256)).toEqual([sha256(source), sha256(source)]);
    expect(pages.requests.slice(requestsBefore).filter((path) => path === `/images/${IMAGE}.jpg`)).toHaveLength(2);
  });
});
