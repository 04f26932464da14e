import { scanErrors, type ScanError } from '../../../utils/scan-error';
import { describe, expect, test, type Journey } from '../fixtures';
import type { StoredReceipt } from '../harness/background-driver';
import { startRealWorldImageServer, type RealWorldImageServer } from '../harness/real-world-image-server';
import { expectReceiptMatchesTruth } from '../harness/receipt-expectations';
import { readTruth, sha256 } from '../harness/receipts-dev';

const KB = 1024;
const RECEIPT = 'sroie-000';
const NORMAL_RECEIPT = 'sroie-002';
const UPLOAD_LIMIT = 100 * KB;
const TIFF_SIZE = 300 * KB;

async function openSite(journey: Journey, onTestFinished: (cleanup: () => Promise<void>) => void) {
  const site = await startRealWorldImageServer(RECEIPT, TIFF_SIZE);
  onTestFinished(() => site.close());
  const page = await journey.openWebPage(site.pageUrl);
  const popup = await journey.openPopup();
  return { site, page, popup };
}

/** The queue keeps working after the fault: a normal shared receipt is read at once. */
async function expectNormalScanFinishes(journey: Journey, site: RealWorldImageServer, uploadsBefore: number): Promise<void> {
  const { background, pages, ocr } = journey;
  const started = Date.now();
  const receiptId = await background.scanImage(pages.imageUrl(NORMAL_RECEIPT), site.pageUrl);
  const receipt = await background.waitForReceipt(receiptId, ['done', 'failed'], 15_000);
  expect(receipt.status).toBe('done');
  expectReceiptMatchesTruth(receipt, await readTruth(NORMAL_RECEIPT), NORMAL_RECEIPT);
  expect(Date.now() - started).toBeLessThan(10_000);
  expect(ocr.received).toHaveLength(uploadsBefore + 1);
}

/** Failed for good with this message (shown in the popup), downloaded once, never uploaded. */
async function expectRefused(journey: Journey, popup: Awaited<ReturnType<Journey['openPopup']>>, site: RealWorldImageServer, receipt: StoredReceipt, path: string, error: ScanError) {
  expect(receipt.status).toBe('failed');
  expect(receipt.error).toEqual(error);
  expect(error.retryable).toBe(false);
  expect(await popup.waitForError(receipt.id)).toBe(error.message);
  expect(site.requests.get(path)).toBe(1);
  expect(journey.ocr.received).toEqual([]);
}

describe('journey 22: images from the real world', () => {
  test('a motion photo (a receipt JPEG with 1 MB of video after its end) is read; its JPEG part is uploaded, the original kept byte for byte', async ({ journey, onTestFinished }) => {
    const { background, ocr } = journey;
    const { site, page } = await openSite(journey, onTestFinished);
    const { motionPhoto, motionPhotoJpeg } = site.images;
    expect(motionPhoto.length).toBeGreaterThan(motionPhotoJpeg.length + 1000 * KB);

    const receiptId = await background.scanImage(site.url('motion-photo.jpg'), page.url());
    const receipt = await background.waitForReceipt(receiptId);
    expect(receipt.status).toBe('done');
    expect(receipt.error).toBeNull();
    expectReceiptMatchesTruth(receipt, await readTruth(RECEIPT), RECEIPT);
    expect(receipt.original).toEqual({ sha256: sha256(motionPhoto), mime: 'image/jpeg', extension: 'jpg', size: motionPhoto.length });
    expect(receipt.thumbnail).toMatchObject({ type: 'image/jpeg' });
    expect(receipt.thumbnail?.size).toBeGreaterThan(500);

    expect(ocr.received).toHaveLength(1);
    expect(ocr.received[0]?.file.sha256).toBe(sha256(motionPhotoJpeg));
    expect(ocr.received[0]?.file.contentType).toBe('image/jpeg');
    const originals = await background.readOriginals();
    expect(originals.map(({ id }) => id)).toEqual([receiptId]);
    expect(sha256(originals[0]?.bytes ?? new Uint8Array())).toBe(sha256(motionPhoto));
    expect(site.requests.get('/motion-photo.jpg')).toBe(1);

    await expectNormalScanFinishes(journey, site, 1);
  });

  test('a 20000 × 20000 JPEG bomb with a junk byte before its size header is refused by its pixel count, before any decode', async ({ journey, onTestFinished }) => {
    const { background } = journey;
    const { site, page, popup } = await openSite(journey, onTestFinished);
    expect(site.images.bomb.length).toBeLessThan(2 * KB * KB);

    const receiptId = await background.scanImage(site.url('bomb.jpg'), page.url());
    const receipt = await background.waitForReceipt(receiptId);
    await expectRefused(journey, popup, site, receipt, '/bomb.jpg', scanErrors.tooManyPixels(20_000, 20_000, 100, 20_000));
    expect(receipt.error?.message).toBe('The image is 20000 × 20000 pixels (400 megapixels); images up to 100 megapixels and 20000 pixels a side can be scanned.');
    expect(receipt.original).toBeNull();
    expect(await background.readOriginals()).toEqual([]);

    await expectNormalScanFinishes(journey, site, 0);
  });

  test('a TIFF over the upload limit says it cannot be shrunk in the browser and what to do, and is not retried', async ({ journey, onTestFinished }) => {
    const { background, baseSettings } = journey;
    await background.setSettings({ ...baseSettings, uploadLimitBytes: UPLOAD_LIMIT });
    const { site, page, popup } = await openSite(journey, onTestFinished);

    const receiptId = await background.scanImage(site.url('receipt.tiff'), page.url());
    const receipt = await background.waitForReceipt(receiptId);
    const expected = scanErrors.cannotShrinkType('TIFF', TIFF_SIZE, UPLOAD_LIMIT);
    await expectRefused(journey, popup, site, receipt, '/receipt.tiff', expected);
    expect(expected.message).toBe(
      'The TIFF image is 300 KB, over the 100 KB upload limit, and TIFF images cannot be shrunk in the browser. Save it as JPEG or PNG and scan that, or raise the upload size limit in the options if your OCR.space key allows larger files (paid keys do).',
    );
    // The original stays, so Retry works once the limit is raised.
    expect(receipt.original).toMatchObject({ mime: 'image/tiff', size: TIFF_SIZE, sha256: sha256(site.images.tiff) });
    const originals = await background.readOriginals();
    expect(originals.map(({ id }) => id)).toEqual([receiptId]);
    expect(sha256(originals[0]?.bytes ?? new Uint8Array())).toBe(sha256(site.images.tiff));

    // Back to the usual limit, so the normal receipt is uploaded as recorded rather than shrunk.
    await background.setSettings(baseSettings);
    await expectNormalScanFinishes(journey, site, 0);
  });

  test('a TIFF, with this device as the reader, says the device cannot read it and what to do; the original stays, nothing is uploaded', async ({ journey, onTestFinished }) => {
    const { background, baseSettings } = journey;
    await background.setSettings({ ...baseSettings, reader: 'on-device' });
    const { site, page, popup } = await openSite(journey, onTestFinished);

    const receiptId = await background.scanImage(site.url('receipt.tiff'), page.url());
    const receipt = await background.waitForReceipt(receiptId);
    await expectRefused(journey, popup, site, receipt, '/receipt.tiff', scanErrors.deviceCannotRead('TIFF'));
    expect(receipt.error?.message).toBe(
      'The on-device reader cannot read TIFF images. Choose OCR.space as the reader in the options and press Retry, or save the image as JPEG or PNG and scan that.',
    );
    expect(receipt.original).toMatchObject({ mime: 'image/tiff', size: TIFF_SIZE, sha256: sha256(site.images.tiff) });
    await popup.screenshot('journey-22-tiff-on-device');

    await background.setSettings(baseSettings);
    await expectNormalScanFinishes(journey, site, 0);
  });

  test('a 136-byte JPEG header followed by HTML is refused because its data does not decode; nothing stored, nothing uploaded', async ({ journey, onTestFinished }) => {
    const { background } = journey;
    const { site, page, popup } = await openSite(journey, onTestFinished);
    expect(site.images.htmlInJpeg.length).toBe(136);

    const receiptId = await background.scanImage(site.url('html-in.jpg'), page.url());
    const receipt = await background.waitForReceipt(receiptId);
    await expectRefused(journey, popup, site, receipt, '/html-in.jpg', scanErrors.imageDamaged('JPEG'));
    expect(receipt).toMatchObject({ original: null, thumbnail: null, fields: null });
    expect(await background.readOriginals()).toEqual([]);

    await expectNormalScanFinishes(journey, site, 0);
  });
});
