import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { beforeEach, describe, expect, it } from 'vitest';
import type { OriginalInfo } from '../../utils/receipt';
import { emptyParsedReceipt } from '../../utils/receipt';
import { openReceiptDb } from '../../utils/storage/receipt-db';
import { createReceiptLibrary, type ReceiptLibrary } from '../../utils/storage/receipt-library';

const source = { imageUrl: 'https://shop.example/receipt.jpg', pageUrl: 'https://shop.example/', pageTitle: 'Shop' };
const job = null;
const info: OriginalInfo = { sha256: 'ab'.repeat(32), mime: 'image/jpeg', extension: 'jpg', size: 4 };

let library: ReceiptLibrary;
let clock: number;

beforeEach(() => {
  globalThis.indexedDB = new IDBFactory();
  clock = 1_000;
  library = createReceiptLibrary(openReceiptDb(), () => clock);
});

describe('receipt library', () => {
  it('lists newest first in cursor pages that continue where the last one ended', async () => {
    for (const [id, capturedAt] of [['a', 1], ['b', 3], ['c', 2], ['d', 3], ['e', 5]] as const) await library.create({ id, source, capturedAt, job });
    const first = await library.listNewest(2);
    expect(first.receipts.map((receipt) => receipt.id)).toEqual(['e', 'd']);
    const second = await library.listNewest(2, first.next ?? undefined);
    expect(second.receipts.map((receipt) => receipt.id)).toEqual(['b', 'c']);
    const third = await library.listNewest(2, second.next ?? undefined);
    expect(third.receipts.map((receipt) => receipt.id)).toEqual(['a']);
    expect(third.next).toBeNull();
  });

  it('lists by receipt date, newest first and undated last, in pages that continue where the last one ended', async () => {
    const dates = [['a', '2024-01-05'], ['b', ''], ['c', '2024-03-01'], ['d', '2024-01-05'], ['e', ''], ['f', '2023-12-31']] as const;
    for (const [index, [id, receiptDate]] of dates.entries()) {
      await library.create({ id, source, capturedAt: index, job });
      await library.update(id, (receipt) => ({ ...receipt, receiptDate }));
    }
    const ids: string[][] = [];
    let page = await library.listNewest(2, undefined, 'date');
    ids.push(page.receipts.map((receipt) => receipt.id));
    while (page.next) {
      page = await library.listNewest(2, page.next, 'date');
      ids.push(page.receipts.map((receipt) => receipt.id));
    }
    expect(ids).toEqual([['c', 'd'], ['a', 'f'], ['e', 'b']]);
  });

  it('keeps corrections, marks them edited and certain, and re-indexes the date', async () => {
    await library.create({ id: 'r1', source, capturedAt: 1, job });
    const confidence = { merchant: 0.3, date: 0.9, time: 0, total: 0.9, currency: 0.5, subtotal: 0, tax: 0, tip: 0 };
    const fields = { merchant: 'Shp', date: '2024-01-02', time: null, total: '9.00', currency: 'EUR', subtotal: null, tax: null, tip: null, items: [], confidence };
    await library.update('r1', (receipt) => ({ ...receipt, status: 'done', fields, receiptDate: '2024-01-02' }));
    clock = 2_000;
    const corrected = await library.saveCorrections('r1', { merchant: 'Shop', date: '2024-01-03' });
    expect(corrected?.fields).toMatchObject({ merchant: 'Shop', date: '2024-01-03', total: '9.00' });
    expect(corrected?.fields?.confidence.merchant).toBe(1);
    expect(corrected?.edited).toEqual(['merchant', 'date']);
    expect(corrected?.receiptDate).toBe('2024-01-03');
    expect(corrected?.updatedAt).toBe(2_000);
  });

  it('completes a failed scan by hand: the fields as typed, done, without the error or the job', async () => {
    await library.create({ id: 'r1', source, capturedAt: 1, job: { srcUrl: 'https://x.example/a.jpg', tabId: null, frameId: 0, attempts: 4, notBefore: 0, batchId: null } });
    await library.update('r1', (receipt) => ({ ...receipt, status: 'failed', error: { code: 'not-found', message: 'Gone', retryable: false } }));
    const completed = await library.saveCorrections('r1', { merchant: 'Corner Shop', date: '2024-05-01', total: '4.20', currency: 'EUR' });
    expect(completed).toMatchObject({ status: 'done', error: null, job: null, receiptDate: '2024-05-01', edited: ['merchant', 'date', 'total', 'currency'] });
    expect(completed?.fields).toMatchObject({ merchant: 'Corner Shop', date: '2024-05-01', total: '4.20', currency: 'EUR', subtotal: null, items: [] });
    expect(completed?.fields?.confidence).toMatchObject({ merchant: 1, date: 1, total: 1, currency: 1, tax: 0 });
    expect((await library.listSummaries())[0]).toMatchObject({ status: 'done', merchant: 'Corner Shop', total: '4.20', needsReview: false });
  });

  it('saves a category and a note, found by search and kept in the summary', async () => {
    await library.create({ id: 'r1', source, capturedAt: 1, job });
    await library.saveAnnotations('r1', { category: 'Travel', note: 'Taxi to the airport' });
    expect(await library.get('r1')).toMatchObject({ category: 'Travel', note: 'Taxi to the airport' });
    const [summary] = await library.listSummaries();
    expect(summary?.category).toBe('Travel');
    expect(summary?.searchText).toContain('taxi to the airport');
    await library.saveAnnotations('r1', { note: '' });
    expect(await library.get('r1')).toMatchObject({ category: 'Travel', note: '' });
  });

  it('keeps each receipt\'s summary in step with every write, and removes it with the receipt', async () => {
    await library.create({ id: 'r1', source, capturedAt: Date.UTC(2024, 2, 5), job });
    expect(await library.listSummaries()).toEqual([expect.objectContaining({ id: 'r1', status: 'queued', month: 'none', merchant: '' })]);
    const confidence = { merchant: 0.9, date: 0.9, time: 0, total: 0.9, currency: 0.9, subtotal: 0, tax: 0, tip: 0 };
    const fields = { merchant: 'Café Müller', date: '2024-02-28', time: null, total: '12.50', currency: 'EUR', subtotal: null, tax: null, tip: null, items: [], confidence };
    const page = { text: 'CAFÉ MÜLLER\nSUMME 12,50', lines: [{ words: [{ text: 'SUMME', left: 1, top: 2, width: 3, height: 4 }] }] };
    await library.saveReading('r1', page, (receipt) => ({ ...receipt, status: 'done', fields }));
    expect(await library.listSummaries()).toEqual([
      { id: 'r1', capturedAt: Date.UTC(2024, 2, 5), month: '2024-02', date: '2024-02-28', status: 'done', needsReview: false, merchant: 'Café Müller', total: '12.50', currency: 'EUR', searchText: 'cafe muller summe 12,50' },
    ]);
    await library.saveCorrections('r1', { total: '13.50' });
    expect((await library.listSummaries())[0]?.total).toBe('13.50');
    await library.delete('r1');
    expect(await library.listSummaries()).toEqual([]);
  });

  it('takes a receipt out with everything it had, and puts it back for Undo', async () => {
    await library.create({ id: 'r1', source, capturedAt: 1, job });
    await library.storeOriginal('r1', new Blob([new Uint8Array([1, 2, 3])]), info, null);
    await library.saveReading('r1', { text: 'x', lines: [] }, (receipt) => ({ ...receipt, status: 'done' }));
    const snapshot = await library.takeOut('r1');
    expect(await library.get('r1')).toBeUndefined();
    expect(await library.listSummaries()).toEqual([]);
    expect(snapshot?.receipt.id).toBe('r1');
    expect(await library.putBack(snapshot!)).toBe(true);
    expect((await library.get('r1'))?.status).toBe('done');
    expect(new Uint8Array(await (await library.getOriginal('r1'))!.arrayBuffer())).toEqual(new Uint8Array([1, 2, 3]));
    expect(await library.getOcrPage('r1')).toEqual({ text: 'x', lines: [] });
    expect((await library.listSummaries()).map((summary) => summary.id)).toEqual(['r1']);
    expect(await library.putBack(snapshot!)).toBe(false);
  });

  it('reads several receipts by id, skipping unknown ones', async () => {
    await library.create({ id: 'a', source, capturedAt: 1, job });
    await library.create({ id: 'b', source, capturedAt: 2, job });
    expect((await library.getMany(['b', 'zz', 'a'])).map((receipt) => receipt.id)).toEqual(['b', 'a']);
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
    const upgraded = createReceiptLibrary(openReceiptDb());
    expect((await upgraded.listSummaries()).map((summary) => [summary.id, summary.status, summary.month])).toEqual([['old', 'failed', 'none']]);
  });

  it('makes the summaries of version 3 anew: the receipt date kept, an undated receipt under "No date"', async () => {
    globalThis.indexedDB = new IDBFactory();
    const { openDB } = await import('idb');
    const v3 = await openDB('receipt-scanner', 3, {
      upgrade(db) {
        const receipts = db.createObjectStore('receipts', { keyPath: 'id' });
        for (const [name, path] of [['by-captured', 'capturedAt'], ['by-date', 'receiptDate'], ['by-sha256', 'original.sha256'], ['by-status', 'status'], ['by-batch', 'job.batchId']] as const) receipts.createIndex(name, path);
        db.createObjectStore('originals', { keyPath: 'id' });
        db.createObjectStore('summaries', { keyPath: 'id' }).createIndex('by-captured', 'capturedAt');
        db.createObjectStore('ocr-pages', { keyPath: 'id' });
      },
    });
    const at = Date.UTC(2024, 0, 9);
    const base = { status: 'done', capturedAt: at, edited: [], ocr: null, source, job: null, original: null };
    await v3.put('receipts', { ...base, id: 'dated', fields: { ...emptyParsedReceipt(), date: '2023-12-24' }, receiptDate: '2023-12-24' });
    await v3.put('receipts', { ...base, id: 'undated', status: 'failed', fields: null, receiptDate: '' });
    // What version 3 wrote: no date, and an undated receipt under the month of its scan.
    const old = { capturedAt: at, status: 'done', needsReview: false, merchant: '', total: null, currency: null, searchText: '' };
    await v3.put('summaries', { ...old, id: 'dated', month: '2023-12' });
    await v3.put('summaries', { ...old, id: 'undated', month: '2024-01' });
    v3.close();
    const upgraded = createReceiptLibrary(openReceiptDb());
    const summaries = await upgraded.listSummaries();
    expect(summaries.map((summary) => [summary.id, summary.month, summary.date]).sort()).toEqual([['dated', '2023-12', '2023-12-24'], ['undated', 'none', null]]);
  });
});
