import { scanErrors } from '../../../utils/scan-error';
import type { ScanError } from '../../../utils/scan-error';
import { describe, expect, test } from '../fixtures';

const MB = 1024 * 1024;
const DOWNLOAD_LIMIT = 2 * MB;
const HUGE = 3 * MB;

describe('journey 6: images that cannot be downloaded', () => {
  test('a web page served as image/jpeg, a 404 and an image over the download limit each fail cleanly, with nothing half-saved', async ({ journey }) => {
    const { background, pages, ocr, baseSettings } = journey;
    // A low limit keeps the over-limit download quick.
    await background.setSettings({ ...baseSettings, downloadLimitBytes: DOWNLOAD_LIMIT });
    const page = await journey.openWebPage(pages.receiptsPageUrl([]));
    const popup = await journey.openPopup();

    const cases: [string, string, ScanError][] = [
      ['HTML served as image/jpeg', pages.htmlAsJpegUrl, scanErrors.notAnImage('an HTML page')],
      ['404', pages.notFoundUrl, scanErrors.notFound()],
      ['over the limit, size announced', pages.hugeImageUrl(HUGE, true), scanErrors.tooLarge(HUGE, DOWNLOAD_LIMIT)],
      ['over the limit, size unknown until read', pages.hugeImageUrl(HUGE, false), scanErrors.tooLargeUnknown(DOWNLOAD_LIMIT)],
    ];

    for (const [name, url, expected] of cases) {
      const receiptId = await background.scanImage(url, page.url());
      const receipt = await background.waitForReceipt(receiptId);
      expect.soft(receipt.status, name).toBe('failed');
      expect.soft(receipt.error, name).toEqual(expected);
      // Nothing half-saved: no original, no thumbnail, no fields.
      expect.soft(receipt.original, name).toBeNull();
      expect.soft(receipt.thumbnail, name).toBeNull();
      expect.soft(receipt.fields, name).toBeNull();
      expect.soft(await background.readOriginal(receiptId), name).toBeUndefined();
      expect.soft(await popup.waitForError(receiptId), name).toBe(expected.message);
      expect.soft(pages.requests.some((request) => url.endsWith(request)), `${name}: the image was requested`).toBe(true);
    }

    expect(await background.readOriginals()).toEqual([]);
    expect(ocr.received).toEqual([]);
  });
});
