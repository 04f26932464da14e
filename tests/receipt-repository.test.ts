import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { beforeEach, describe, expect, it } from 'vitest';
import type { OriginalInfo } from '../utils/receipt';
import { openReceiptDb } from '../utils/receipt-db';
import { createReceiptRepository, type ReceiptRepository } from '../utils/receipt-repository';
import { ScanFailure } from '../utils/scan-error';

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
    expect(stored.original).toEqual(info);
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

  it('lists newest first in cursor pages that continue where the last one ended', async () => {
    for (const [id, capturedAt] of [['a', 1], ['b', 3], ['c', 2], ['d', 3], ['e', 5]] as const) await repository.create({ id, source, capturedAt, job });
    const first = await repository.listNewest(2);
    expect(first.receipts.map((receipt) => receipt.id)).toEqual(['e', 'd']);
    const second = await repository.listNewest(2, first.next ?? undefined);
    expect(second.receipts.map((receipt) => receipt.id)).toEqual(['b', 'c']);
    const third = await repository.listNewest(2, second.next ?? undefined);
    expect(third.receipts.map((receipt) => receipt.id)).toEqual(['a']);
    expect(third.next).toBeNull();
  });

  it('finds receipts by the SHA-256 of their original', async () => {
    await repository.create({ id: 'r1', source, capturedAt: 1, job });
    await repository.storeOriginal('r1', new Blob(['x']), info, null);
    expect((await repository.findBySha256(info.sha256)).map((receipt) => receipt.id)).toEqual(['r1']);
    expect(await repository.findBySha256('00'.repeat(32))).toEqual([]);
  });

  it('keeps corrections, marks them edited and certain, and re-indexes the date', async () => {
    await repository.create({ id: 'r1', source, capturedAt: 1, job });
    const confidence = { merchant: 0.3, date: 0.9, time: 0, total: 0.9, currency: 0.5, subtotal: 0, tax: 0, tip: 0 };
    const fields = { merchant: 'Shp', date: '2024-01-02', time: null, total: '9.00', currency: 'EUR', subtotal: null, tax: null, tip: null, items: [], confidence };
    await repository.update('r1', (receipt) => ({ ...receipt, status: 'done', fields, receiptDate: '2024-01-02' }));
    clock = 2_000;
    const corrected = await repository.saveCorrections('r1', { merchant: 'Shop', date: '2024-01-03' });
    expect(corrected?.fields).toMatchObject({ merchant: 'Shop', date: '2024-01-03', total: '9.00' });
    expect(corrected?.fields?.confidence.merchant).toBe(1);
    expect(corrected?.edited).toEqual(['merchant', 'date']);
    expect(corrected?.receiptDate).toBe('2024-01-03');
    expect(corrected?.updatedAt).toBe(2_000);
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

  it('deletes a receipt and its original together', async () => {
    await repository.create({ id: 'r1', source, capturedAt: 1, job });
    await repository.storeOriginal('r1', new Blob(['x']), info, null);
    await repository.delete('r1');
    expect(await repository.get('r1')).toBeUndefined();
    expect(await repository.getOriginal('r1')).toBeUndefined();
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

  it('keeps each receipt\'s summary in step with every write, and removes it with the receipt', async () => {
    await repository.create({ id: 'r1', source, capturedAt: Date.UTC(2024, 2, 5), job });
    expect(await repository.listSummaries()).toEqual([expect.objectContaining({ id: 'r1', status: 'queued', month: expect.stringMatching(/^2024-03$/), merchant: '' })]);
    const confidence = { merchant: 0.9, date: 0.9, time: 0, total: 0.9, currency: 0.9, subtotal: 0, tax: 0, tip: 0 };
    const fields = { merchant: 'Café Müller', date: '2024-02-28', time: null, total: '12.50', currency: 'EUR', subtotal: null, tax: null, tip: null, items: [], confidence };
    const page = { text: 'CAFÉ MÜLLER\nSUMME 12,50', lines: [{ words: [{ text: 'SUMME', left: 1, top: 2, width: 3, height: 4 }] }] };
    await repository.saveReading('r1', page, (receipt) => ({ ...receipt, status: 'done', fields }));
    expect(await repository.listSummaries()).toEqual([
      { id: 'r1', capturedAt: Date.UTC(2024, 2, 5), month: '2024-02', status: 'done', needsReview: false, merchant: 'Café Müller', total: '12.50', currency: 'EUR', searchText: 'cafe muller summe 12,50' },
    ]);
    await repository.saveCorrections('r1', { total: '13.50' });
    expect((await repository.listSummaries())[0]?.total).toBe('13.50');
    await repository.delete('r1');
    expect(await repository.listSummaries()).toEqual([]);
  });

  it('keeps the word boxes apart from the receipt record', async () => {
    await repository.create({ id: 'r1', source, capturedAt: 1, job });
    const page = { text: 'TOTAL 9.00', lines: [{ words: [{ text: 'TOTAL', left: 1, top: 2, width: 3, height: 4 }] }], imageWidth: 800 };
    const saved = await repository.saveReading('r1', page, (receipt) => ({ ...receipt, status: 'done' }));
    expect(saved?.ocr).toEqual({ text: 'TOTAL 9.00', lines: [], imageWidth: 800 });
    expect(await repository.getOcrPage('r1')).toEqual(page);
  });

  it('takes a receipt out with everything it had, and puts it back for Undo', async () => {
    await repository.create({ id: 'r1', source, capturedAt: 1, job });
    await repository.storeOriginal('r1', new Blob([new Uint8Array([1, 2, 3])]), info, null);
    await repository.saveReading('r1', { text: 'x', lines: [] }, (receipt) => ({ ...receipt, status: 'done' }));
    const snapshot = await repository.takeOut('r1');
    expect(await repository.get('r1')).toBeUndefined();
    expect(await repository.listSummaries()).toEqual([]);
    expect(snapshot?.receipt.id).toBe('r1');
    expect(await repository.putBack(snapshot!)).toBe(true);
    expect((await repository.get('r1'))?.status).toBe('done');
    expect(new Uint8Array(await (await repository.getOriginal('r1'))!.arrayBuffer())).toEqual(new Uint8Array([1, 2, 3]));
    expect(await repository.getOcrPage('r1')).toEqual({ text: 'x', lines: [] });
    expect((await repository.listSummaries()).map((summary) => summary.id)).toEqual(['r1']);
    expect(await repository.putBack(snapshot!)).toBe(false);
  });

  it('reads several receipts by id, skipping unknown ones', async () => {
    await repository.create({ id: 'a', source, capturedAt: 1, job });
    await repository.create({ id: 'b', source, capturedAt: 2, job });
    expect((await repository.getMany(['b', 'zz', 'a'])).map((receipt) => receipt.id)).toEqual(['b', 'a']);
  });

  it('gives receipts stored before version 3 their summaries during the upgrade', async () => {
    globalThis.indexedDB = new IDBFactory();
    const { openDB } = await import('idb');
    const old = await openDB('receipt-scanner', 2, {
      upgrade(db) {
        const receipts = db.createObjectStore('receipts', { keyPath: 'id' });
        for (const [name, path] of [['by-captured', 'capturedAt'], ['by-date', 'receiptDate'], ['by-sha256', 'original.sha256'], ['by-status', 'status'], ['by-batch', 'job.batchId']] as const) receipts.createIndex(name, path);
        db.createObjectStore('originals', { keyPath: 'id' });
      },
    });
    await old.put('receipts', { id: 'old', status: 'failed', capturedAt: Date.UTC(2023, 0, 9), fields: null, edited: [], ocr: null });
    await old.put('receipts', { id: 'odd', capturedAt: 'not a number', fields: { confidence: null, merchant: 'x' } });
    old.close();
    const upgraded = createReceiptRepository(openReceiptDb());
    expect((await upgraded.listSummaries()).map((summary) => [summary.id, summary.status, summary.month])).toEqual([['old', 'failed', '2023-01']]);
  });
});
