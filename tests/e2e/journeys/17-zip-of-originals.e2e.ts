import { basename } from 'node:path';
import { originalFileName } from '../../../utils/export/file-names';
import { claimUniqueName } from '../../../utils/export/originals-zip';
import { describe, expect, test } from '../fixtures';
import { scanReceipts, todayForFileNames } from '../harness/expense-journey';
import { sha256 } from '../harness/receipts-dev';
import { readZipFile } from '../harness/zip-files';

const IMAGES = ['sroie-000', 'sroie-022', 'sroie-290', 'sroie-014'];

describe('journey 17: "Download originals" of a selection', () => {
  test('one zip holds the three selected originals, byte for byte', async ({ journey }) => {
    const { background } = journey;
    const scanned = await scanReceipts(journey, IMAGES);
    const chosen = scanned.slice(0, 3);
    const popup = await journey.openPopup();
    await expect.poll(async () => (await popup.receiptIds()).length).toBe(IMAGES.length);

    for (const { receipt } of chosen) {
      const box = popup.row(receipt.id).getByRole('checkbox', { name: `Select ${receipt.fields?.merchant ?? 'Unknown merchant'}` });
      await box.check();
    }
    const toolbar = popup.page.getByRole('toolbar', { name: 'Selected receipts' });
    await toolbar.getByText('3 selected').waitFor({ timeout: 5_000 });
    await toolbar.getByRole('button', { name: 'Download originals' }).click();
    const download = await background.waitForDownload();
    const name = `receipts ${todayForFileNames()}.zip`;
    expect(basename(download.filename)).toBe(name);
    await popup.page.getByRole('status').filter({ hasText: `Saved 3 originals as ${name}` }).waitFor({ timeout: 5_000 });

    const entries = await readZipFile(download.filename);
    expect(entries.size).toBe(3);
    // Named as single downloads are, made unique the way the zip does it.
    const taken = new Set<string>();
    const expectedNames = chosen.map(({ receipt }) =>
      claimUniqueName(
        originalFileName({ date: receipt.fields?.date ?? null, merchant: receipt.fields?.merchant ?? null, capturedAt: receipt.capturedAt }, receipt.original?.extension ?? 'jpg'),
        taken,
      ),
    );
    expect([...entries.keys()].sort()).toEqual([...expectedNames].sort());
    expect([...entries.values()].map((bytes) => sha256(bytes)).sort()).toEqual(chosen.map(({ sourceSha256 }) => sourceSha256).sort());
    // The one not selected stays out.
    expect([...entries.values()].map((bytes) => sha256(bytes))).not.toContain(scanned[3]?.sourceSha256);
  });
});
