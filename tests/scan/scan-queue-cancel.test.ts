import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { readFileSync } from 'node:fs';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { readOcrAnswer } from '../../utils/ocr/ocr-answer';
import type { OcrRequest } from '../../utils/ocr/ocr-space-client';
import type { OcrPage } from '../../utils/receipt';
import { openReceiptDb } from '../../utils/storage/receipt-db';
import { createReceiptLibrary, type ReceiptLibrary } from '../../utils/storage/receipt-library';
import { createReceiptRepository, type ReceiptRepository } from '../../utils/storage/receipt-repository';
import { scanErrors } from '../../utils/scan-error';
import { createScanner } from '../../utils/scan/scan-pipeline';
import { createScanQueue } from '../../utils/scan/scan-queue';
import { DEFAULT_SETTINGS } from '../../utils/settings';

const DEV = new URL('../../../shared/receipts-dev/', import.meta.url);
const jpeg = new Uint8Array(readFileSync(new URL('images/sroie-000.jpg', DEV)));
const answer = readOcrAnswer(200, readFileSync(new URL('ocrspace/sroie-000.json', DEV), 'utf8'));
const page: OcrPage = answer.ok ? answer.page : { text: '', lines: [] };

let repository: ReceiptRepository;
let library: ReceiptLibrary;
let settled: { id: string; kind: string; code?: string }[];
let wakes: (number | null)[];
/** URLs whose download (or whose OCR request, for "-ocr" URLs) hangs until its signal aborts. */
let aborted: string[];

/** Each image gets its own bytes, so no two are duplicates of each other. */
function imageFor(url: string): Uint8Array<ArrayBuffer> {
  const bytes = new Uint8Array(jpeg.length + 1);
  bytes.set(jpeg.subarray(0, jpeg.length - 2));
  bytes.set([url.length % 256, 0xff, 0xd9], jpeg.length - 2);
  return bytes;
}

const hangUntilAborted = (what: string, signal: AbortSignal | null | undefined) =>
  new Promise<never>((_, reject) =>
    signal?.addEventListener('abort', () => {
      aborted.push(what);
      reject(new DOMException('The operation was aborted.', 'AbortError'));
    }),
  );

const stallingFetch: typeof fetch = async (input, init) =>
  String(input).includes('stall-download') ? hangUntilAborted(String(input), init?.signal) : new Response(imageFor(String(input)));
const stallingOcr = async (request: OcrRequest): Promise<OcrPage> =>
  request.file.filename.includes('r01') || request.file.filename.includes('r02') ? hangUntilAborted(request.file.filename, request.signal) : page;

function createQueue() {
  let id = 0;
  const scanner = createScanner({
    repository,
    loadSettings: async () => DEFAULT_SETTINGS,
    fetch: stallingFetch,
    readBlobUrl: async () => jpeg,
    recognise: stallingOcr,
    canvas: null,
    broadcast: () => undefined,
    newId: () => `r${String(++id).padStart(2, '0')}`,
    now: () => 1_000_000,
    locale: 'en-GB',
  });
  return createScanQueue({
    repository,
    scanner,
    concurrency: async () => 2,
    now: () => 1_000_000,
    random: () => 0.5,
    scheduleWake: (at) => void wakes.push(at),
    keepAlive: { start: () => undefined, stop: () => undefined },
    onCountChanged: () => undefined,
    onSettled: (id, outcome) => void settled.push({ id, kind: outcome.kind, ...(outcome.kind === 'failed' ? { code: outcome.error.code } : {}) }),
  });
}

const target = (name: string) => ({ srcUrl: `https://shop.example/${name}.jpg`, pageUrl: null, pageTitle: null, tabId: 1, frameId: 0 });
const statusOf = async (id: string) => (await repository.get(id))?.status;

/** Two scans stalled in their OCR requests (r01, r02) hold both slots; a third (r03) waits. */
async function twoStalledAndOneWaiting() {
  const queue = createQueue();
  await queue.add(target('a'));
  await queue.add(target('bb'));
  await queue.add(target('ccc'));
  await vi.waitFor(async () => expect([await statusOf('r01'), await statusOf('r02'), await statusOf('r03')]).toEqual(['uploading', 'uploading', 'queued']));
  return queue;
}

beforeEach(() => {
  globalThis.indexedDB = new IDBFactory();
  const db = openReceiptDb();
  repository = createReceiptRepository(db);
  library = createReceiptLibrary(db);
  settled = [];
  wakes = [];
  aborted = [];
});

describe('Cancel', () => {
  it('aborts the OCR request, ends failed with the cancel message and its original, and frees the slot at once', async () => {
    const queue = await twoStalledAndOneWaiting();
    await queue.cancel('r01');
    await vi.waitFor(async () => expect(await statusOf('r03')).toBe('done'));
    expect(aborted).toEqual(['receipt-r01.jpg']);
    const cancelled = await repository.get('r01');
    expect(cancelled?.status).toBe('failed');
    expect(cancelled?.error).toEqual(scanErrors.cancelled());
    expect(cancelled?.error?.message).toBe('You cancelled this scan. Press Retry to scan it again.');
    expect(cancelled?.job?.attempts).toBe(0);
    expect((await repository.getOriginal('r01'))?.size).toBe(jpeg.length + 1);
    expect(await statusOf('r02')).toBe('uploading');
    expect(settled).toEqual([{ id: 'r01', kind: 'failed', code: 'cancelled' }, { id: 'r03', kind: 'done' }]);
    // Not retried by itself: no wake-up is set for it.
    expect(wakes.filter((at) => at !== null && at < 1_000_000 + 60_000)).toEqual([]);
  });

  it('aborts a download in progress; nothing is stored, and Retry runs the scan again', async () => {
    const queue = createQueue();
    await queue.add(target('stall-download'));
    await vi.waitFor(async () => expect(await statusOf('r01')).toBe('downloading'));
    await queue.cancel('r01');
    await vi.waitFor(async () => expect(await statusOf('r01')).toBe('failed'));
    expect(aborted).toEqual(['https://shop.example/stall-download.jpg']);
    expect((await repository.get('r01'))?.error).toEqual(scanErrors.cancelled());
    expect(await repository.getOriginal('r01')).toBeUndefined();
    await queue.retry('r01');
    await vi.waitFor(async () => expect(await statusOf('r01')).toBe('downloading'));
    expect(queue.isRunning('r01')).toBe(true);
  });

  it('takes a waiting scan out of the queue', async () => {
    const queue = await twoStalledAndOneWaiting();
    await queue.cancel('r03');
    expect(await statusOf('r03')).toBe('failed');
    expect((await repository.get('r03'))?.error).toEqual(scanErrors.cancelled());
    expect(aborted).toEqual([]);
  });

  it('leaves a finished receipt alone', async () => {
    const queue = await twoStalledAndOneWaiting();
    await queue.cancel('r01');
    await vi.waitFor(async () => expect(await statusOf('r03')).toBe('done'));
    await queue.cancel('r03');
    expect(await statusOf('r03')).toBe('done');
    expect((await repository.get('r03'))?.error).toBeNull();
  });
});

describe('deleting a scan in flight', () => {
  it('aborts its request and frees its slot at once; nothing is written back', async () => {
    const queue = await twoStalledAndOneWaiting();
    await library.takeOut('r01');
    await queue.deleted(['r01']);
    await vi.waitFor(async () => expect(await statusOf('r03')).toBe('done'));
    expect(aborted).toEqual(['receipt-r01.jpg']);
    expect(await repository.get('r01')).toBeUndefined();
    expect(await repository.getOriginal('r01')).toBeUndefined();
    expect(settled.map((entry) => entry.id)).toEqual(['r03']);
    expect(queue.isRunning('r01')).toBe(false);
  });

  it('comes back with Undo and runs again, not stuck in flight', async () => {
    const queue = await twoStalledAndOneWaiting();
    const snapshot = await library.takeOut('r03');
    const stalled = await library.takeOut('r01');
    await queue.deleted(['r01', 'r03']);
    await vi.waitFor(() => expect(queue.isRunning('r01')).toBe(false));
    if (!stalled || !snapshot) throw new Error('both were stored');
    expect(stalled.receipt.status).toBe('uploading');
    await library.putBack(stalled);
    await library.putBack(snapshot);
    await queue.restored(['r01', 'r03']);
    // r01 runs again from its stored original (and stalls in its OCR request again); r03 waits for a slot.
    await vi.waitFor(async () => expect(await statusOf('r01')).toBe('uploading'));
    expect(queue.isRunning('r01')).toBe(true);
    expect(await statusOf('r03')).toBe('queued');
    await queue.cancel('r02');
    await vi.waitFor(async () => expect(await statusOf('r03')).toBe('done'));
  });

  it('requeues a scan put back while its stopped run is still unwinding', async () => {
    const queue = await twoStalledAndOneWaiting();
    const snapshot = await library.takeOut('r02');
    if (!snapshot) throw new Error('stored');
    // Undo lands before the queue hears of the delete: the run stops, then finds its receipt back.
    await library.putBack(snapshot);
    const deleting = queue.deleted(['r02']);
    await queue.restored(['r02']);
    await deleting;
    await vi.waitFor(async () => expect(await statusOf('r03')).toBe('done'));
    await vi.waitFor(() => expect(queue.isRunning('r02')).toBe(true));
    expect(aborted).toEqual(['receipt-r02.jpg']);
    expect(settled.map((entry) => entry.id)).toEqual(['r03']);
  });
});
