import { describe, expect, test } from '../fixtures';
import { scanReceipts } from '../harness/expense-journey';
import { sha256 } from '../harness/receipts-dev';

const IMAGES = ['sroie-000', 'sroie-022', 'sroie-290', 'sroie-014'];

describe('journey 14: delete, then Undo', () => {
  test('a receipt deleted from its detail and two deleted together come back with their originals', async ({ journey }) => {
    const { background } = journey;
    const scanned = await scanReceipts(journey, IMAGES);
    const [first, second, third, kept] = scanned;
    if (!first || !second || !third || !kept) throw new Error('four receipts were scanned');
    const popup = await journey.openPopup();
    await expect.poll(async () => (await popup.receiptIds()).length).toBe(IMAGES.length);
    const undoBar = popup.page.locator('.undo[role="status"]');

    const expectStored = async (ids: string[]) => {
      expect((await background.readReceipts()).map((receipt) => receipt.id).sort()).toEqual([...ids].sort());
      const originals = await background.readOriginals();
      expect(originals.map((original) => original.id).sort()).toEqual([...ids].sort());
      for (const { receipt, sourceSha256 } of scanned.filter(({ receipt }) => ids.includes(receipt.id))) {
        expect(sha256(originals.find((original) => original.id === receipt.id)?.bytes ?? Buffer.alloc(0)), receipt.id).toBe(sourceSha256);
      }
    };
    const allIds = scanned.map(({ receipt }) => receipt.id);

    // One from its detail view.
    const detail = await popup.openDetail(first.receipt.id);
    await detail.delete();
    await undoBar.getByText('Receipt deleted.', { exact: true }).waitFor({ timeout: 5_000 });
    await popup.list().waitFor({ timeout: 5_000 });
    await expectStored(allIds.filter((id) => id !== first.receipt.id));
    expect(await popup.receiptIds()).not.toContain(first.receipt.id);
    await undoBar.getByRole('button', { name: 'Undo' }).click();
    await expect.poll(async () => (await popup.receiptIds()).sort()).toEqual([...allIds].sort());
    await expectStored(allIds);
    expect((await background.readReceipt(first.receipt.id))?.fields).toEqual(first.receipt.fields);

    // Two through the selection.
    await popup.row(second.receipt.id).getByRole('checkbox').check();
    await popup.row(third.receipt.id).getByRole('checkbox').check();
    const toolbar = popup.page.getByRole('toolbar', { name: 'Selected receipts' });
    expect(await toolbar.getByText('2 selected').count()).toBe(1);
    await toolbar.getByRole('button', { name: 'Delete selected' }).click();
    await undoBar.getByText('2 receipts deleted.', { exact: true }).waitFor({ timeout: 5_000 });
    await expectStored([first.receipt.id, kept.receipt.id]);
    expect((await popup.receiptIds()).sort()).toEqual([first.receipt.id, kept.receipt.id].sort());
    expect(await toolbar.count()).toBe(0);
    await undoBar.getByRole('button', { name: 'Undo' }).click();
    await expect.poll(async () => (await popup.receiptIds()).sort()).toEqual([...allIds].sort());
    await expectStored(allIds);
    for (const { receipt } of [second, third]) {
      const back = await background.readReceipt(receipt.id);
      expect(back?.fields, receipt.id).toEqual(receipt.fields);
      expect(back?.ocr?.text, receipt.id).toBe(receipt.ocr?.text);
      expect(back?.original, receipt.id).toEqual(receipt.original);
    }
    expect(await undoBar.count()).toBe(0);
  });
});
