import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { beforeEach, describe, expect, it } from 'vitest';
import type { OriginalInfo } from '../../utils/receipt';
import { openReceiptDb } from '../../utils/storage/receipt-db';
import { createReceiptRepository, type ReceiptRepository } from '../../utils/storage/receipt-repository';
import { ScanFailure } from '../../utils/scan-error';

const source = { imageUrl: 'https://shop.example/receipt.jpg', pageUrl: 'https://shop.example/', pageTitle: 'Shop' };
const job = null;
const info: OriginalInfo = { sha256: 'ab'.repeat(32), mime: 'image/jpeg', extension: 'jpg', size: 4 };

let repository: ReceiptRepository;
let clock: number;

beforeEach(() => {
  globalThis.indexedDB = new IDBFactory();
  clock = 1_000;
  repository = createReceiptRepository(openReceiptDb(), () => clock);
});

describe('receipt repository', () => {
  it('creates a queued receipt with nothing stored yet', async () => {
    const created = await repository.create({ id: 'r1', source, capturedAt: 500, job });
    expect(await repository.get('r1')).toEqual(created);
    expect(created).toMatchObject({ status: 'queued', original: null, fields: null, error: null, receiptDate: '' });
    expect(await repository.getOriginal('r1')).toBeUndefined();
  });

  it('round-trips the original Blob byte for byte, apart from the receipt record', async () => {
    await repository.create({ id: 'r1', source, capturedAt: 500, job });
    const bytes = new Uint8Array([0xff, 0xd8, 0x00, 0xd9]);
    const stored = await repository.storeOriginal('r1', new Blob([bytes], { type: 'image/jpeg' }), info, null);
    expect(stored.kind === 'stored' && stored.receipt.original).toEqual(info);
    const original = await repository.getOriginal('r1');
    expect(original?.type).toBe('image/jpeg');
    expect(new Uint8Array(await original!.arrayBuffer())).toEqual(bytes);
    const db = await openReceiptDb();
    const record = await db.get('receipts', 'r1');
    expect(Object.values(record ?? {}).some((value) => value instanceof Blob && value.size === 4)).toBe(false);
  });

  it('stores nothing when the receipt was deleted before its original arrived', async () => {
    await expect(repository.storeOriginal('gone', new Blob(['x']), info, null)).rejects.toThrow('deleted');
    expect(await repository.getOriginal('gone')).toBeUndefined();
  });

  it('keeps the same bytes once: storing them for a second receipt writes nothing and names the first', async () => {
    await repository.create({ id: 'r1', source, capturedAt: 1, job });
    await repository.create({ id: 'r2', source, capturedAt: 2, job });
    expect((await repository.storeOriginal('r1', new Blob(['x']), info, null)).kind).toBe('stored');
    const second = await repository.storeOriginal('r2', new Blob(['x']), info, new Blob(['thumb']));
    expect(second.kind === 'duplicate' && second.existing.id).toBe('r1');
    expect(await repository.getOriginal('r2')).toBeUndefined();
    expect((await repository.get('r2'))?.original).toBeNull();
    expect((await repository.get('r2'))?.thumbnail).toBeNull();
  });

  it('keeps the same bytes once when two receipts store them at the same moment', async () => {
    const ids = ['r1', 'r2', 'r3', 'r4'];
    for (const [index, id] of ids.entries()) await repository.create({ id, source, capturedAt: index, job });
    const outcomes = await Promise.all(ids.map((id) => repository.storeOriginal(id, new Blob([id]), info, null)));
    expect(outcomes.filter((outcome) => outcome.kind === 'stored')).toHaveLength(1);
    expect(await repository.findBySha256(info.sha256)).toHaveLength(1);
    const originals = await Promise.all(ids.map((id) => repository.getOriginal(id)));
    expect(originals.filter((original) => original !== undefined)).toHaveLength(1);
  });

  it('stores the original again for the receipt that already keeps it (a re-scan)', async () => {
    await repository.create({ id: 'r1', source, capturedAt: 1, job });
    await repository.storeOriginal('r1', new Blob(['x']), info, null);
    expect((await repository.storeOriginal('r1', new Blob(['x']), info, null)).kind).toBe('stored');
  });

  it('finds receipts by the SHA-256 of their original', async () => {
    await repository.create({ id: 'r1', source, capturedAt: 1, job });
    await repository.storeOriginal('r1', new Blob(['x']), info, null);
    expect((await repository.findBySha256(info.sha256)).map((receipt) => receipt.id)).toEqual(['r1']);
    expect(await repository.findBySha256('00'.repeat(32))).toEqual([]);
  });

  it('lists receipts by status through its index', async () => {
    await repository.create({ id: 'a', source, capturedAt: 1, job });
    await repository.create({ id: 'b', source, capturedAt: 2, job });
    await repository.create({ id: 'c', source, capturedAt: 3, job });
    await repository.update('b', (receipt) => ({ ...receipt, status: 'done' }));
    await repository.update('c', (receipt) => ({ ...receipt, status: 'uploading' }));
    expect((await repository.listByStatus('queued')).map((receipt) => receipt.id)).toEqual(['a']);
    expect((await repository.listByStatus('uploading', 'done')).map((receipt) => receipt.id)).toEqual(['c', 'b']);
  });

  it('upgrades a version 1 database without losing receipts', async () => {
    globalThis.indexedDB = new IDBFactory();
    const { openDB } = await import('idb');
    const old = await openDB('receipt-scanner', 1, {
      upgrade(db) {
        const receipts = db.createObjectStore('receipts', { keyPath: 'id' });
        receipts.createIndex('by-captured', 'capturedAt');
        db.createObjectStore('originals', { keyPath: 'id' });
      },
    });
    await old.put('receipts', { id: 'old', status: 'done', capturedAt: 1 });
    old.close();
    const upgraded = createReceiptRepository(openReceiptDb());
    expect((await upgraded.listByStatus('done')).map((receipt) => receipt.id)).toEqual(['old']);
  });

  it('turns a full disk into a storage-full failure the user can act on', async () => {
    const db = await openReceiptDb();
    const full = createReceiptRepository(
      Promise.resolve(
        new Proxy(db, {
          get(target, property) {
            if (property === 'transaction') return () => {
              throw new DOMException('Quota exceeded', 'QuotaExceededError');
            };
            const value = Reflect.get(target, property);
            return typeof value === 'function' ? value.bind(target) : value;
          },
        }),
      ),
    );
    const failure = await full.create({ id: 'r1', source, capturedAt: 1, job }).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(ScanFailure);
    expect((failure as ScanFailure).error.code).toBe('storage-full');
    expect((failure as ScanFailure).error.message).toContain('Export or delete old receipts');
  });

  it('keeps the word boxes apart from the receipt record', async () => {
    await repository.create({ id: 'r1', source, capturedAt: 1, job });
    const page = { text: 'TOTAL 9.00', lines: [{ words: [{ text: 'TOTAL', left: 1, top: 2, width: 3, height: 4 }] }], imageWidth: 800 };
    const saved = await repository.saveReading('r1', page, (receipt) => ({ ...receipt, status: 'done' }));
    expect(saved?.ocr).toEqual({ text: 'TOTAL 9.00', lines: [], imageWidth: 800 });
    expect(await repository.getOcrPage('r1')).toEqual(page);
  });

  it('deletes a receipt and its original together', async () => {
    await repository.create({ id: 'r1', source, capturedAt: 1, job });
    await repository.storeOriginal('r1', new Blob(['x']), info, null);
    await repository.delete('r1');
    expect(await repository.get('r1')).toBeUndefined();
    expect(await repository.getOriginal('r1')).toBeUndefined();
  });
});
