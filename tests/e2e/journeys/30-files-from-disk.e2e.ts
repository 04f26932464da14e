import { join } from 'node:path';
import { describe, expect, test } from '../fixtures';
import { dropFiles, pasteFiles } from '../harness/files-from-disk';
import { expectReceiptMatchesTruth } from '../harness/receipt-expectations';
import { readReceiptImage, readTruth, sha256 } from '../harness/receipts-dev';
import type { BackgroundDriver, StoredReceipt } from '../harness/background-driver';
import { ReviewPage } from '../pages/review-page';
import { ARTIFACTS_DIR } from '../pages/popup-page';

const PICKED = ['sroie-000', 'sroie-002'];
const PASTED = 'sroie-008';
const DROPPED = 'sroie-010';

async function receiptsBySource(background: BackgroundDriver, count: number): Promise<Map<string, StoredReceipt>> {
  let receipts: StoredReceipt[] = [];
  await expect
    .poll(async () => {
      receipts = await background.readReceipts();
      return receipts.filter((receipt) => receipt.status === 'done' || receipt.status === 'failed').length;
    }, { timeout: 30_000 })
    .toBe(count);
  return new Map(receipts.map((receipt) => [receipt.source.imageUrl, receipt]));
}

async function expectOriginal(background: BackgroundDriver, receipt: StoredReceipt | undefined, id: string): Promise<void> {
  const source = await readReceiptImage(id);
  if (!receipt) throw new Error(`no receipt for ${id}`);
  expectReceiptMatchesTruth(receipt, await readTruth(id), id);
  expect((await background.readOriginal(receipt.id))?.bytes.equals(source), `${id}: original byte for byte`).toBe(true);
}

describe('journey 30: receipts from disk', () => {
  test('files chosen in the popup, an image pasted into it and a file dropped on the review page become receipts', async ({ journey, harness }) => {
    const { background } = journey;
    const popup = await journey.openPopup();
    await popup.page.setViewportSize({ width: 400, height: 600 });
    await popup.page.screenshot({ path: join(ARTIFACTS_DIR, 'journey-30-popup-add-400.png') });
    await popup.page.setViewportSize({ width: 320, height: 600 });
    await popup.page.screenshot({ path: join(ARTIFACTS_DIR, 'journey-30-popup-add-320.png') });

    // The picker, as the user meets it: the button opens it; two receipts and a text file, at once.
    const chooser = popup.page.waitForEvent('filechooser');
    await popup.page.getByRole('button', { name: 'Add receipt' }).click();
    const picker = await chooser;
    expect(picker.isMultiple()).toBe(true);
    await picker.setFiles([
      ...(await Promise.all(PICKED.map(async (id) => ({ name: `${id}.jpg`, mimeType: 'image/jpeg', buffer: await readReceiptImage(id) })))),
      { name: 'notes.txt', mimeType: 'text/plain', buffer: Buffer.from('Lunch with the team, to expense.\n') },
    ]);
    await expect.poll(() => popup.page.getByRole('status').first().textContent()).toBe('Added 3 files; they are being scanned.');

    const pasted = await readReceiptImage(PASTED);
    await pasteFiles(popup.page, [{ name: 'image.jpg', type: 'image/jpeg', base64: pasted.toString('base64') }]);

    let bySource = await receiptsBySource(background, 4);
    for (const id of PICKED) await expectOriginal(background, bySource.get(`disk:${id}.jpg`), id);
    await expectOriginal(background, bySource.get('disk:Pasted image'), PASTED);
    const text = bySource.get('disk:notes.txt');
    expect(text).toMatchObject({ status: 'failed', original: null, error: { code: 'not-an-image' } });
    await popup.waitForRow(text?.id ?? '', (row) => row.includes('notes.txt'));
    await popup.page.screenshot({ path: join(ARTIFACTS_DIR, 'journey-30-popup-after.png') });

    // The review page: the same file again is not stored twice; a new one dropped on the page is scanned.
    const review = await ReviewPage.open(harness.extension.context, harness.extension.extensionId);
    const dropped = await readReceiptImage(DROPPED);
    await dropFiles(review.page, [{ name: `${DROPPED}.jpg`, type: 'image/jpeg', base64: dropped.toString('base64') }], false);
    await review.page.screenshot({ path: join(ARTIFACTS_DIR, 'journey-30-review-drop-zone.png') });
    await dropFiles(review.page, [
      { name: `${DROPPED}.jpg`, type: 'image/jpeg', base64: dropped.toString('base64') },
      { name: 'again.jpg', type: 'image/jpeg', base64: pasted.toString('base64') },
    ]);
    await expect.poll(() => review.page.getByRole('status').first().textContent()).toBe('Added 2 files; they are being scanned.');
    bySource = await receiptsBySource(background, 5);
    await expectOriginal(background, bySource.get(`disk:${DROPPED}.jpg`), DROPPED);
    expect(bySource.has('disk:again.jpg'), 'the same bytes are not stored twice').toBe(false);
    expect((await background.readOriginals()).map((original) => sha256(original.bytes)).sort()).toEqual(
      (await Promise.all([...PICKED, PASTED, DROPPED].map(readReceiptImage))).map(sha256).sort(),
    );
    await review.page.screenshot({ path: join(ARTIFACTS_DIR, 'journey-30-review-after.png') });
  });
});
