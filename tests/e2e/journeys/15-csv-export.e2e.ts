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

describe('journey 15: CSV for accounting and budgeting apps', () => {
  test('Xero, QuickBooks Online and YNAB files parse back with their own columns, dates and signs', async ({ journey }) => {
    const { background } = journey;
    await scanReceipts(journey, IMAGES);
    const stored = await background.readReceipts();
    expect(stored.filter((receipt) => receipt.fields?.total).length).toBeGreaterThan(0);
    const popup = await journey.openPopup();
    await expect.poll(async () => (await popup.receiptIds()).length).toBe(IMAGES.length);
    const footer = popup.page.locator('.list-footer');
    const dmy = (iso: string) => iso.split('-').reverse().join('/');
    const mdy = (iso: string) => { const [year, month, day] = iso.split('-'); return `${month}/${day}/${year}`; };
    const cases = [
      { preset: 'xero', label: 'Xero', header: ['Date', 'Amount', 'Payee', 'Description', 'Reference'], row: (r: (typeof stored)[number]) => [dmy(r.fields?.date ?? ''), `-${r.fields?.total}`, r.fields?.merchant ?? '', '', r.id] },
      { preset: 'quickbooks', label: 'QuickBooks Online', header: ['Date', 'Description', 'Amount'], row: (r: (typeof stored)[number]) => [mdy(r.fields?.date ?? ''), r.fields?.merchant ?? '', `-${r.fields?.total}`] },
      { preset: 'ynab', label: 'YNAB', header: ['Date', 'Payee', 'Category', 'Memo', 'Outflow', 'Inflow'], row: (r: (typeof stored)[number]) => [mdy(r.fields?.date ?? ''), r.fields?.merchant ?? '', '', '', r.fields?.total ?? '', ''] },
    ];
    for (const { preset, label, header, row } of cases) {
      await background.eraseDownloads();
      await footer.getByLabel('CSV columns').selectOption({ label });
      await footer.getByRole('button', { name: 'Export CSV' }).click();
      const download = await background.waitForDownload();
      const name = `receipts ${todayForFileNames()} ${preset}.csv`;
      expect(basename(download.filename), preset).toBe(name);
      const withTotal = stored.filter((receipt) => receipt.fields?.total);
      const left = stored.length - withTotal.length;
      const said = `Exported ${withTotal.length} ${withTotal.length === 1 ? 'receipt' : 'receipts'} as ${name}${left > 0 ? ` (${left} without a total left out)` : ''}.`;
      await footer.getByRole('status').filter({ hasText: said }).waitFor({ timeout: 5_000 });
      const [fileHeader, ...rows] = parseCsv((await readDownload(download.filename)).subarray(3).toString('utf8'));
      expect(fileHeader, preset).toEqual(header);
      // Items go into the description or memo as clean lines; the rest of each row is exact.
      const withoutItems = (cells: string[]) => cells.map((cell, index) => (header[index] === 'Description' || header[index] === 'Memo' ? '' : cell));
      expect(rows.map(withoutItems).sort(), preset).toEqual(withTotal.map((receipt) => withoutItems(row(receipt))).sort());
    }
  });
});
