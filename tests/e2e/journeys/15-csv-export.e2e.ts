import { basename } from 'node:path';
import { describe, expect, test } from '../fixtures';
import { parseCsv, readDownload, scanReceipts, todayForFileNames } from '../harness/expense-journey';

const IMAGES = ['sroie-000', 'sroie-022', 'sroie-290'];

describe('journey 15: "Export CSV"', () => {
  test('writes every receipt as RFC 4180 CSV with a BOM, its cells the stored fields', async ({ journey }) => {
    const { background } = journey;
    await scanReceipts(journey, IMAGES);
    const stored = await background.readReceipts();
    const popup = await journey.openPopup();
    await expect.poll(async () => (await popup.receiptIds()).length).toBe(IMAGES.length);

    await popup.page.locator('.list-footer').getByRole('button', { name: 'Export CSV' }).click();
    const download = await background.waitForDownload();
    const name = `receipts ${todayForFileNames()}.csv`;
    expect(basename(download.filename)).toBe(name);
    await popup.page.getByRole('status').filter({ hasText: `Exported 3 receipts as ${name}` }).waitFor({ timeout: 5_000 });

    const bytes = await readDownload(download.filename);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = bytes.subarray(3).toString('utf8');
    expect(text.endsWith('\r\n')).toBe(true);
    const [header, ...rows] = parseCsv(text);
    expect(header?.slice(0, 4)).toEqual(['Date', 'Merchant', 'Total', 'Currency']);
    expect(header?.slice(-3)).toEqual(['Receipt id', 'Category', 'Note']);
    expect(rows).toHaveLength(stored.length);
    const column = (name: string) => header?.indexOf(name) ?? -1;
    for (const receipt of stored) {
      const row = rows.find((cells) => cells[column('Receipt id')] === receipt.id);
      expect(row, receipt.id).toBeDefined();
      expect(row?.length, receipt.id).toBe(header?.length);
      const cell = (name: string) => row?.[column(name)];
      expect({ date: cell('Date'), merchant: cell('Merchant'), total: cell('Total'), currency: cell('Currency'), status: cell('Status') }, receipt.id).toEqual({
        date: receipt.fields?.date ?? '',
        merchant: receipt.fields?.merchant ?? '',
        total: receipt.fields?.total ?? '',
        currency: receipt.fields?.currency ?? '',
        status: 'done',
      });
      expect(cell('Captured at'), receipt.id).toBe(new Date(receipt.capturedAt).toISOString());
    }
  });
});
