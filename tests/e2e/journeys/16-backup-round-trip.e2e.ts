import { basename, join } from 'node:path';
import { backupErrors, describeReceipt } from '../../../utils/export/backup-errors';
import type { BackupManifest } from '../../../utils/export/backup-manifest';
import { describe, expect, test } from '../fixtures';
import { scanReceipts, todayForFileNames } from '../harness/expense-journey';
import { sha256 } from '../harness/receipts-dev';
import { readZipFile, writeZipFile } from '../harness/zip-files';

const IMAGES = ['sroie-000', 'sroie-022', 'sroie-290'];

describe('journey 16: backup and restore', () => {
  test('a backup restores every receipt and original; a foreign or tampered file is refused and imports nothing', async ({ journey }) => {
    const { background, extension } = journey;
    const scanned = await scanReceipts(journey, IMAGES);
    const before = await background.readReceipts();
    const options = await journey.openOptions();

    await options.page.getByRole('button', { name: 'Export backup' }).click();
    const download = await background.waitForDownload();
    const name = `receipt-scanner-backup ${todayForFileNames()}.zip`;
    expect(basename(download.filename)).toBe(name);
    await options.page.getByText(`Backup saved as ${name}.`).waitFor({ timeout: 5_000 });
    const entries = await readZipFile(download.filename);
    const manifestBytes = entries.get('manifest.json');
    if (!manifestBytes) throw new Error(`No manifest.json in the backup: ${[...entries.keys()].join(', ')}`);
    const manifest = JSON.parse(new TextDecoder().decode(manifestBytes)) as BackupManifest;
    expect(manifest.receipts.map((receipt) => receipt.id).sort()).toEqual(before.map((receipt) => receipt.id).sort());
    expect(JSON.stringify(manifest)).not.toContain(journey.baseSettings.apiKey);

    // A zip from elsewhere, and the backup with one byte of an original changed (its CRC made right again by `zip`).
    const foreign = join(extension.downloadsDir, 'holiday photos.zip');
    await writeZipFile(foreign, new Map([['notes.txt', new TextEncoder().encode('Not a backup.\n')], ['photos/beach.jpg', new Uint8Array([0xff, 0xd8, 0xff, 0xd9])]]));
    const tamperedFile = manifest.originals.at(-1);
    const tamperedReceipt = manifest.receipts.find((receipt) => receipt.id === tamperedFile?.id);
    const originalBytes = tamperedFile && entries.get(tamperedFile.file);
    if (!tamperedFile || !tamperedReceipt || !originalBytes) throw new Error('The backup lists no original');
    const changed = new Uint8Array(originalBytes);
    const middle = Math.floor(changed.length / 2);
    changed[middle] = (changed[middle] ?? 0) ^ 0xff;
    const tampered = join(extension.downloadsDir, 'tampered backup.zip');
    await writeZipFile(tampered, new Map([...entries, [tamperedFile.file, changed]]));

    await background.resetState();
    await background.setSettings(journey.baseSettings);
    expect(await background.readReceipts()).toEqual([]);
    await options.page.reload();
    const importInput = options.page.getByLabel('Import backup');
    const alert = options.page.getByRole('alert');

    await importInput.setInputFiles(foreign);
    await alert.waitFor({ timeout: 10_000 });
    expect(await alert.textContent()).toBe(backupErrors.notABackup().message);
    expect(await background.readReceipts()).toEqual([]);

    await importInput.setInputFiles(tampered);
    const mismatch = backupErrors.checksumMismatch('original', describeReceipt(tamperedReceipt)).message;
    await alert.filter({ hasText: mismatch }).waitFor({ timeout: 10_000 });
    expect(await alert.textContent()).toBe(mismatch);
    expect(await background.readReceipts()).toEqual([]);
    expect(await background.readOriginals()).toEqual([]);

    await importInput.setInputFiles(download.filename);
    await options.page.getByRole('status').filter({ hasText: 'Imported 3 receipts.' }).waitFor({ timeout: 10_000 });
    expect(await alert.count()).toBe(0);
    const after = await background.readReceipts();
    const byId = (list: typeof after) => [...list].sort((a, b) => a.id.localeCompare(b.id));
    expect(byId(after).map(({ thumbnail, ...receipt }) => receipt)).toEqual(byId(before).map(({ thumbnail, ...receipt }) => receipt));
    expect(byId(after).map((receipt) => receipt.thumbnail)).toEqual(byId(before).map((receipt) => receipt.thumbnail));
    const originals = await background.readOriginals();
    for (const { receipt, image, sourceSha256 } of scanned) {
      const original = originals.find((candidate) => candidate.id === receipt.id);
      expect(original && sha256(original.bytes), image).toBe(sourceSha256);
      expect(original?.type, image).toBe('image/jpeg');
    }
    expect(originals).toHaveLength(IMAGES.length);

    // The popup shows them again.
    const popup = await journey.openPopup();
    await expect.poll(async () => (await popup.receiptIds()).sort()).toEqual(before.map((receipt) => receipt.id).sort());
  });
});
