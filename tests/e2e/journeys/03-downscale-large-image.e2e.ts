import { describe, expect, test } from '../fixtures';
import { expectReceiptMatchesTruth } from '../harness/receipt-expectations';
import { readOcrAnswer, readReceiptImage, readTruth, sha256 } from '../harness/receipts-dev';

const SOURCE = 'sroie-290';
const UPLOAD_LIMIT = 1024 * 1024;

describe('journey 3: an image over the 1024 KB upload limit', () => {
  test('is shrunk for the upload, read, and kept byte-identical as the original', async ({ journey }) => {
    const { background, pages, ocr } = journey;
    const source = await readReceiptImage(SOURCE);
    expect(source.length).toBeGreaterThan(UPLOAD_LIMIT);
    const page = await journey.openWebPage(pages.receiptsPageUrl([SOURCE]));
    // The shrunk bytes are new, so the server cannot find them among its fixtures: it gets the recorded answer.
    ocr.queueAnswer(await readOcrAnswer(SOURCE));

    const receiptId = await background.scanImage(pages.imageUrl(SOURCE), page.url());
    const receipt = await background.waitForReceipt(receiptId);
    expectReceiptMatchesTruth(receipt, await readTruth(SOURCE), SOURCE);

    const [upload, ...others] = ocr.received;
    expect(others).toEqual([]);
    if (!upload) throw new Error('nothing was uploaded');
    expect(upload.file.bytes.length).toBeLessThanOrEqual(UPLOAD_LIMIT);
    // As many pixels as fit: the shrunk photo fills most of the limit, not a quarter of it.
    expect(upload.file.bytes.length).toBeGreaterThanOrEqual(0.8 * UPLOAD_LIMIT);
    expect([...upload.file.bytes.subarray(0, 3)]).toEqual([0xff, 0xd8, 0xff]);
    expect(upload.file.contentType).toBe('image/jpeg');
    expect(upload.file.sha256).not.toBe(sha256(source));

    // The upload is a real picture of the same receipt (same shape), at most as large; the shrinking may be quality alone.
    const [original, shrunk] = await page.evaluate(async (images) => {
      const measure = async (base64: string) => {
        const bitmap = await createImageBitmap(new Blob([Uint8Array.from(atob(base64), (c) => c.charCodeAt(0))]));
        return { width: bitmap.width, height: bitmap.height };
      };
      return Promise.all(images.map(measure));
    }, [source.toString('base64'), upload.file.bytes.toString('base64')]);
    if (!original || !shrunk) throw new Error('could not decode the images');
    expect(shrunk.width).toBeLessThanOrEqual(original.width);
    expect(shrunk.width).toBeGreaterThan(300);
    expect(shrunk.height / shrunk.width).toBeCloseTo(original.height / original.width, 1);
    console.log(`journey 3: ${original.width} × ${original.height} px uploaded as ${shrunk.width} × ${shrunk.height} px, ${Math.round(upload.file.bytes.length / 1024)} KB of ${UPLOAD_LIMIT / 1024} KB`);

    // The original in IndexedDB is the downloaded file, byte for byte.
    expect(receipt.original).toEqual({ sha256: sha256(source), mime: 'image/jpeg', extension: 'jpg', size: source.length });
    const stored = await background.readOriginal(receiptId);
    expect(stored?.type).toBe('image/jpeg');
    expect(stored && sha256(stored.bytes)).toBe(sha256(source));
    expect(stored?.bytes.equals(source)).toBe(true);
  });
});
