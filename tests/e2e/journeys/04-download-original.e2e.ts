import { readFile } from 'node:fs/promises';
import { basename, dirname } from 'node:path';
import { describe, expect, test } from '../fixtures';
import { readReceiptImage, sha256 } from '../harness/receipts-dev';

const SOURCE = 'sroie-004';

describe('journey 4: "Download original"', () => {
  test('writes a file whose SHA-256 is the source image\'s', async ({ journey }) => {
    const { background, pages, extension } = journey;
    const source = await readReceiptImage(SOURCE);
    const page = await journey.openWebPage(pages.receiptsPageUrl([SOURCE]));
    const popup = await journey.openPopup();

    const receiptId = await background.scanImage(pages.imageUrl(SOURCE), page.url());
    const receipt = await background.waitForReceipt(receiptId);
    expect(receipt.status).toBe('done');
    await popup.waitForRow(receiptId, (text) => text.includes('30.90'));

    const detail = await popup.openDetail(receiptId);
    await detail.downloadOriginal();
    const download = await background.waitForDownload();

    expect(dirname(download.filename)).toBe(extension.downloadsDir);
    expect(basename(download.filename)).toMatch(new RegExp(`^${receipt.fields?.date ?? 'no-date'} .+\\.jpg$`));
    const written = await readFile(download.filename);
    expect(written.length).toBe(source.length);
    expect(sha256(written)).toBe(sha256(source));
    expect(download.mime).toBe('image/jpeg');
    await popup.page.getByRole('status').filter({ hasText: `Saved as ${basename(download.filename)}` }).waitFor({ timeout: 5_000 });
  });
});
