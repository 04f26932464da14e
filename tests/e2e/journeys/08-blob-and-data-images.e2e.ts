import { describe, expect, test } from '../fixtures';
import { byReceiptDate, expectReceiptMatchesTruth } from '../harness/receipt-expectations';
import { readReceiptImage, readTruth, sha256 } from '../harness/receipts-dev';

const FROM_BLOB = 'sroie-012';
const FROM_DATA = 'sroie-014';

describe('journey 8: images a page made itself', () => {
  test('a blob: image and a data: image are both scanned', async ({ journey }) => {
    const { background, pages, ocr } = journey;
    const page = await journey.openWebPage(pages.blobAndDataPageUrl(FROM_BLOB, FROM_DATA));
    await page.locator('body[data-ready="true"]').waitFor({ timeout: 10_000 });
    const popup = await journey.openPopup();

    const blobSrc = await page.locator('#blob-image').evaluate((img: HTMLImageElement) => img.src);
    const dataSrc = await page.locator('#data-image').evaluate((img: HTMLImageElement) => img.src);
    expect(blobSrc).toMatch(new RegExp(`^blob:${pages.origin}/[0-9a-f-]{36}$`));
    expect(dataSrc).toMatch(/^data:image\/jpeg;base64,\/9j\//);

    const blobId = await background.scanImage(blobSrc, page.url());
    const blobReceipt = await background.waitForReceipt(blobId);
    const dataId = await background.scanImage(dataSrc, page.url());
    const dataReceipt = await background.waitForReceipt(dataId);

    for (const [id, receipt] of [[FROM_BLOB, blobReceipt], [FROM_DATA, dataReceipt]] as const) {
      const source = await readReceiptImage(id);
      expectReceiptMatchesTruth(receipt, await readTruth(id), id);
      expect(receipt.original).toEqual({ sha256: sha256(source), mime: 'image/jpeg', extension: 'jpg', size: source.length });
      expect((await background.readOriginal(receipt.id))?.bytes.equals(source)).toBe(true);
      await popup.waitForRow(receipt.id, (text) => text.includes(receipt.fields?.total ?? '\u0000'));
    }
    expect(blobReceipt.source.imageUrl).toBe(blobSrc);
    expect(dataReceipt.source.imageUrl.startsWith('data:image/jpeg;base64,/9j/')).toBe(true);
    expect(ocr.received.map((upload) => upload.file.sha256)).toEqual([
      sha256(await readReceiptImage(FROM_BLOB)),
      sha256(await readReceiptImage(FROM_DATA)),
    ]);
    expect(await popup.receiptIds()).toEqual(byReceiptDate(await background.readReceipts()));
  });
});
