import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { beforeEach, describe, expect, it } from 'vitest';
import { exportBackup, importBackup } from '../../utils/export/backup';
import type { OcrPage, ReceiptRecord } from '../../utils/receipt';
import { openReceiptDb } from '../../utils/storage/receipt-db';
import { createReceiptLibrary, type ReceiptLibrary } from '../../utils/storage/receipt-library';
import { ScanFailure, scanErrors } from '../../utils/scan-error';
import { sha256Hex } from '../../utils/image/sha256';
import { readZip } from '../../utils/export/zip/zip-reader';
import { createZipStream } from '../../utils/export/zip/zip-writer';
import { makeFields, makeReceipt } from '../receipt-fixtures';
import { collectStream, decode, encode, iterateEntries, noiseBytes } from './zip/zip-test-helpers';

const exportedAt = new Date(Date.UTC(2024, 5, 1, 12, 0, 0));
const photo = noiseBytes(30_000, 1);
const pdf = noiseBytes(5_000, 2);
const thumb = noiseBytes(800, 3);
// The on-device engine's words carry how sure it was of them, and a backup keeps that.
const ocrPage: OcrPage = {
  text: 'CORNER SHOP\nTOTAL 9.50',
  lines: [{ words: [{ text: 'TOTAL', left: 1, top: 2, width: 30, height: 8 }, { text: '9.50', left: 40, top: 2, width: 20, height: 8, confidence: 91 }] }],
  imageWidth: 800,
  imageHeight: 1200,
  partial: false,
};

let repository: ReceiptLibrary;

const newRepository = () => {
  globalThis.indexedDB = new IDBFactory();
  return createReceiptLibrary(openReceiptDb(), () => 0);
};

async function seed(): Promise<ReceiptRecord[]> {
  const shop = makeReceipt({
    id: 'r1',
    original: { sha256: await sha256Hex(photo), mime: 'image/jpeg', extension: 'jpg', size: photo.length },
    thumbnail: new Blob([thumb], { type: 'image/jpeg' }),
    ocr: { ...ocrPage, lines: [] },
    fields: makeFields({ merchant: 'Corner Shop', date: '2024-03-05', total: '9.50', currency: 'EUR', items: [{ description: 'Tea', quantity: 2, amount: '3.00' }], boxes: { total: { left: 1, top: 2, width: 30, height: 8 } } }),
    edited: ['merchant'],
    receiptDate: '2024-03-05',
    category: 'Meals',
    note: 'Team lunch, "Q3"',
  });
  const failed = makeReceipt({ id: 'r2', capturedAt: shop.capturedAt - 1, status: 'failed', error: { ...scanErrors.notFound() } });
  const queued = makeReceipt({ id: 'r3', capturedAt: shop.capturedAt - 2, status: 'uploading', progress: { phase: 'uploading', loaded: 10, total: null }, job: { srcUrl: 'https://x.example/a.jpg', tabId: 4, frameId: 0, attempts: 1, notBefore: 5, batchId: 'b1' } });
  const oddId = makeReceipt({ id: 'a/../b c', capturedAt: shop.capturedAt - 3, original: { sha256: await sha256Hex(pdf), mime: 'application/pdf', extension: 'pdf', size: pdf.length } });
  await repository.putBack({ receipt: shop, original: new Blob([photo], { type: 'image/jpeg' }), ocrPage });
  await repository.putBack({ receipt: failed, original: null, ocrPage: null });
  await repository.putBack({ receipt: queued, original: null, ocrPage: null });
  await repository.putBack({ receipt: oddId, original: new Blob([pdf], { type: 'application/pdf' }), ocrPage: null });
  return [shop, failed, queued, oddId];
}

const exportBytes = (source: Parameters<typeof exportBackup>[0] = repository) => collectStream(exportBackup(source, { sha256Hex, now: () => exportedAt, pageSize: 2 }));
const listAll = async () => (await repository.listNewest(100)).receipts;

async function rezip(bytes: Uint8Array, edit: (files: Map<string, Uint8Array>) => void): Promise<Blob> {
  const files = await readZip(new Blob([new Uint8Array(bytes)]));
  edit(files);
  return new Blob([await collectStream(createZipStream(iterateEntries([...files].map(([name, data]) => ({ name, data })))))]);
}

function editManifest(change: (manifest: Record<string, unknown> & { receipts: Record<string, unknown>[]; originals: Record<string, unknown>[] }) => void) {
  return (files: Map<string, Uint8Array>) => {
    const manifest = JSON.parse(decode(files.get('manifest.json') ?? new Uint8Array()));
    change(manifest);
    files.set('manifest.json', encode(JSON.stringify(manifest)));
  };
}

beforeEach(() => {
  repository = newRepository();
});

describe('exportBackup and importBackup', () => {
  it('restores every receipt, original, thumbnail and OCR page into an empty database, byte for byte', async () => {
    const seeded = await seed();
    const backup = new Blob([await exportBytes()]);
    repository = newRepository();
    expect(await listAll()).toEqual([]);
    expect(await importBackup(backup, repository, sha256Hex)).toEqual({ ok: true, imported: 4, skipped: 0 });
    for (const receipt of seeded) {
      const restored = await repository.get(receipt.id);
      expect({ ...restored, thumbnail: null }).toEqual({ ...receipt, thumbnail: null });
      expect(restored?.thumbnail ? new Uint8Array(await restored.thumbnail.arrayBuffer()) : null).toEqual(receipt.thumbnail ? thumb : null);
    }
    const original = await repository.getOriginal('r1');
    expect([original?.type, new Uint8Array((await original?.arrayBuffer()) ?? new ArrayBuffer(0))]).toEqual(['image/jpeg', photo]);
    expect(new Uint8Array((await (await repository.getOriginal('a/../b c'))?.arrayBuffer()) ?? new ArrayBuffer(0))).toEqual(pdf);
    expect(await repository.getOcrPage('r1')).toEqual(ocrPage);
    expect(await repository.getOriginal('r2')).toBeUndefined();
    expect((await repository.listSummaries()).map((summary) => summary.id)).toEqual(['r1', 'r2', 'r3', 'a/../b c']);
  });

  it('keeps a 16 KB image address whole through a backup and its restore', async () => {
    const signed = `https://bucket.storage.example/r.jpg?X-Amz-Signature=${'f'.repeat(16 * 1024 - 53)}`;
    expect(signed.length).toBe(16 * 1024);
    const receipt = makeReceipt({ id: 'r9', status: 'queued', source: { imageUrl: signed, pageUrl: null, pageTitle: null }, job: { srcUrl: signed, tabId: null, frameId: 0, attempts: 0, notBefore: 0, batchId: null } });
    await repository.putBack({ receipt, original: null, ocrPage: null });
    const backup = new Blob([await exportBytes()]);
    repository = newRepository();
    expect(await importBackup(backup, repository, sha256Hex)).toEqual({ ok: true, imported: 1, skipped: 0 });
    const restored = await repository.get('r9');
    expect([restored?.source.imageUrl, restored?.job?.srcUrl]).toEqual([signed, signed]);
  });

  it('writes a manifest with receipts and checksums, and files named by receipt id, and nothing else', async () => {
    await seed();
    const files = await readZip(new Blob([await exportBytes()]));
    expect([...files.keys()]).toEqual(['originals/r1.jpg', 'thumbnails/r1.jpg', 'ocr-pages/r1.json', 'originals/receipt-3.pdf', 'manifest.json']);
    const manifest = JSON.parse(decode(files.get('manifest.json') ?? new Uint8Array()));
    expect(Object.keys(manifest)).toEqual(['format', 'version', 'exportedAt', 'receipts', 'originals', 'thumbnails', 'ocrPages']);
    expect([manifest.format, manifest.version, manifest.exportedAt]).toEqual(['receipt-scanner-backup', 1, '2024-06-01T12:00:00.000Z']);
    expect(manifest.originals).toEqual([
      { id: 'r1', file: 'originals/r1.jpg', sha256: await sha256Hex(photo), size: 30_000, mime: 'image/jpeg' },
      { id: 'a/../b c', file: 'originals/receipt-3.pdf', sha256: await sha256Hex(pdf), size: 5_000, mime: 'application/pdf' },
    ]);
    expect(manifest.receipts[0].thumbnail).toBe('thumbnails/r1.jpg');
    expect(decode(files.get('manifest.json') ?? new Uint8Array())).not.toMatch(/apiKey|api_key|settings/i);
  });

  it('reads receipts one cursor page at a time and originals one at a time, as the backup is read', async () => {
    await seed();
    const log: string[] = [];
    const source: Parameters<typeof exportBackup>[0] = {
      listNewest: async (limit, before) => (log.push(`page ${limit} after ${before?.id ?? 'start'}`), repository.listNewest(limit, before)),
      getOriginal: async (id) => (log.push(`original ${id}`), repository.getOriginal(id)),
      getOcrPage: (id) => repository.getOcrPage(id),
    };
    const reader = exportBackup(source, { sha256Hex, pageSize: 2 }).getReader();
    await Promise.resolve();
    expect(log).toEqual([]);
    await reader.read();
    expect(log).toEqual(['page 2 after start', 'original r1']);
    while (!(await reader.read()).done);
    expect(log).toEqual(['page 2 after start', 'original r1', 'page 2 after r2', 'original a/../b c']);
  });

  it('skips receipts that are already stored and leaves them as they are', async () => {
    await seed();
    const backup = new Blob([await exportBytes()]);
    await repository.update('r1', (receipt) => ({ ...receipt, receiptDate: '2030-01-01' }));
    await repository.delete('r3');
    expect(await importBackup(backup, repository, sha256Hex)).toEqual({ ok: true, imported: 1, skipped: 3 });
    expect((await repository.get('r1'))?.receiptDate).toBe('2030-01-01');
    expect((await repository.get('r3'))?.status).toBe('uploading');
  });

  const notABackup = 'This file is not a Receipt Scanner backup.';
  const refusals: [string, (backup: Uint8Array) => Promise<Blob>, string, string][] = [
    ['a text file', async () => new Blob(['Date,Merchant\r\n']), 'not-a-backup', notABackup],
    ['an empty file', async () => new Blob([]), 'not-a-backup', notABackup],
    ['a ZIP without a manifest', (backup) => rezip(backup, (files) => files.delete('manifest.json')), 'not-a-backup', notABackup],
    ['a manifest that is not JSON', (backup) => rezip(backup, (files) => files.set('manifest.json', encode('{"format":'))), 'not-a-backup', notABackup],
    ['a manifest from another app', (backup) => rezip(backup, editManifest((manifest) => (manifest.format = 'other-app-backup'))), 'not-a-backup', notABackup],
    ['a newer format', (backup) => rezip(backup, editManifest((manifest) => (manifest.version = 2))), 'newer-version', 'This backup was made by a newer Receipt Scanner (backup format 2). Update the extension, then import it again. Nothing was imported.'],
    ['format version 0', (backup) => rezip(backup, editManifest((manifest) => (manifest.version = 0))), 'invalid-manifest', 'The backup\'s list of receipts is damaged: manifest.version should be one of 1. Nothing was imported.'],
    ['an unknown receipt field', (backup) => rezip(backup, editManifest((manifest) => ((manifest.receipts[1] ?? {}).colour = 'red'))), 'invalid-manifest', 'The backup\'s list of receipts is damaged: manifest.receipts[1].colour should be absent (it is not a known field). Nothing was imported.'],
    ['a total written as a number', (backup) => rezip(backup, editManifest((manifest) => (Object.assign(manifest.receipts[0]?.fields ?? {}, { total: 9.5 })))), 'invalid-manifest', 'The backup\'s list of receipts is damaged: manifest.receipts[0].fields.total should be text. Nothing was imported.'],
    ['a missing status', (backup) => rezip(backup, editManifest((manifest) => delete manifest.receipts[2]?.status)), 'invalid-manifest', 'The backup\'s list of receipts is damaged: manifest.receipts[2].status should be present. Nothing was imported.'],
    ['an unknown status', (backup) => rezip(backup, editManifest((manifest) => ((manifest.receipts[2] ?? {}).status = 'hacked'))), 'invalid-manifest', 'The backup\'s list of receipts is damaged: manifest.receipts[2].status should be one of "queued", "downloading", "uploading", "reading", "done", "failed". Nothing was imported.'],
    ['a receipt listed twice', (backup) => rezip(backup, editManifest((manifest) => manifest.receipts.push({ ...manifest.receipts[1] }))), 'invalid-manifest', 'The backup\'s list of receipts is damaged: a receipt id is listed twice. Nothing was imported.'],
    ['an original of no receipt', (backup) => rezip(backup, editManifest((manifest) => ((manifest.originals[0] ?? {}).id = 'nobody'))), 'invalid-manifest', 'The backup\'s list of receipts is damaged: the original originals/r1.jpg belongs to no receipt, or to one twice. Nothing was imported.'],
    ['a missing original', (backup) => rezip(backup, (files) => files.delete('originals/r1.jpg')), 'missing-file', 'The original of receipt “Corner Shop, 2024-03-05” is missing from the backup. Nothing was imported.'],
    ['a tampered original', (backup) => rezip(backup, (files) => files.set('originals/r1.jpg', noiseBytes(30_000, 9))), 'checksum-mismatch', 'The original of receipt “Corner Shop, 2024-03-05” does not match its checksum; the backup was changed or damaged. Nothing was imported.'],
    ['a tampered original of a receipt without fields', (backup) => rezip(backup, (files) => files.set('originals/receipt-3.pdf', noiseBytes(5_000, 9))), 'checksum-mismatch', 'The original of receipt a/../b c does not match its checksum; the backup was changed or damaged. Nothing was imported.'],
    ['a tampered thumbnail', (backup) => rezip(backup, (files) => files.set('thumbnails/r1.jpg', noiseBytes(800, 9))), 'checksum-mismatch', 'The thumbnail of receipt “Corner Shop, 2024-03-05” does not match its checksum; the backup was changed or damaged. Nothing was imported.'],
    ['a damaged ZIP', async (backup) => { const copy = new Uint8Array(backup); copy[100] = (copy[100] ?? 0) ^ 0xff; return new Blob([copy]); }, 'unreadable', 'The backup file could not be read. This file is not a readable ZIP archive: the entry "originals/r1.jpg" is corrupted (its checksum does not match). Nothing was imported.'],
  ];

  it.each(refusals)('imports nothing from %s and says why', async (_, make, code, message) => {
    await seed();
    const backup = await make(await exportBytes());
    repository = newRepository();
    expect(await importBackup(backup, repository, sha256Hex)).toEqual({ ok: false, code, message });
    expect(await listAll()).toEqual([]);
  });

  it('says how many receipts landed when the browser runs out of room', async () => {
    await seed();
    const backup = new Blob([await exportBytes()]);
    let calls = 0;
    const full: Pick<ReceiptLibrary, 'putBack'> = {
      putBack: async () => {
        if (++calls > 2) throw new ScanFailure(scanErrors.storageFull());
        return true;
      },
    };
    expect(await importBackup(backup, full, sha256Hex)).toEqual({
      ok: false,
      code: 'storage-full',
      message: 'The browser has no room for more receipts; 2 were imported before it ran out. Free some space, then import the backup again to add the rest.',
    });
  });
});
