import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { readFileSync } from 'node:fs';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { readOcrAnswer } from '../../utils/ocr/ocr-answer';
import type { OcrRequest } from '../../utils/ocr/ocr-space-client';
import type { OcrPage } from '../../utils/receipt';
import { openReceiptDb } from '../../utils/storage/receipt-db';
import { createReceiptRepository, type ReceiptRepository } from '../../utils/storage/receipt-repository';
import { ScanFailure, scanErrors, type ScanError } from '../../utils/scan-error';
import { createScanner } from '../../utils/scan/scan-pipeline';
import { MAX_AUTOMATIC_ATTEMPTS } from '../../utils/scan/retry-policy';
import { createScanQueue, WATCHDOG_MS, type ScanQueueEnv } from '../../utils/scan/scan-queue';
import { DEFAULT_SETTINGS } from '../../utils/settings';

const DEV = new URL('../../../shared/receipts-dev/', import.meta.url);
const jpeg = new Uint8Array(readFileSync(new URL('images/sroie-000.jpg', DEV)));
const answer = readOcrAnswer(200, readFileSync(new URL('ocrspace/sroie-000.json', DEV), 'utf8'));
const page: OcrPage = answer.ok ? answer.page : { text: '', lines: [] };

let repository: ReceiptRepository;
let clock: number;
let recognise: (request: OcrRequest) => Promise<OcrPage>;
let wakes: (number | null)[];
let settled: { id: string; kind: string }[];
let counts: number[];
let changed: string[];

/** Each image gets its own bytes, so no two are duplicates of each other. */
function imageFor(url: string): Uint8Array<ArrayBuffer> {
  const bytes = new Uint8Array(jpeg.length + 2);
  bytes.set(jpeg.subarray(0, jpeg.length - 2));
  bytes.set([url.length % 256, 0xff, 0xd9], jpeg.length - 2);
  return bytes.slice(0, jpeg.length + 1);
}

function createQueue(change: Partial<ScanQueueEnv> = {}) {
  let id = 0;
  const scanner = createScanner({
    repository,
    loadSettings: async () => DEFAULT_SETTINGS,
    fetch: async (input) => (String(input).startsWith('data:') ? fetch(input) : new Response(imageFor(String(input)))),
    readBlobUrl: async () => jpeg,
    recognise: (request) => recognise(request),
    canvas: null,
    broadcast: (event) => void (event.type === 'receipt-changed' && changed.push(event.receiptId)),
    newId: () => `r${String(++id).padStart(2, '0')}`,
    now: () => clock,
    locale: 'en-GB',
  });
  const keepAlive = { start: vi.fn(), stop: vi.fn() };
  const queue = createScanQueue({
    repository,
    scanner,
    concurrency: async () => 2,
    now: () => clock,
    random: () => 0.5,
    scheduleWake: (at) => void wakes.push(at),
    keepAlive,
    onCountChanged: (count) => void counts.push(count),
    onSettled: (id, outcome) => void settled.push({ id, kind: outcome.kind }),
    ...change,
  });
  return { queue, keepAlive };
}

const target = (n: number) => ({ srcUrl: `https://shop.example/receipt-${'x'.repeat(n)}.jpg`, pageUrl: null, pageTitle: null, tabId: 1, frameId: 0 });

/** Waits until the queue has nothing running and nothing left in flight. */
async function settle(queue: { isRunning: (id: string) => boolean }, ids = ['r01']): Promise<void> {
  await vi.waitFor(
    async () => {
      expect(ids.filter((id) => queue.isRunning(id))).toEqual([]);
      expect(await repository.listByStatus('downloading', 'uploading', 'reading')).toEqual([]);
    },
    { timeout: 5000, interval: 5 },
  );
}

beforeEach(() => {
  globalThis.indexedDB = new IDBFactory();
  repository = createReceiptRepository(openReceiptDb());
  clock = 1_000_000;
  recognise = async () => page;
  wakes = [];
  settled = [];
  counts = [];
  changed = [];
});

describe('scan queue', () => {
  it('runs twelve scans with never more than two at once, and finishes them all', async () => {
    let active = 0;
    let most = 0;
    recognise = async () => {
      most = Math.max(most, ++active);
      await new Promise((resolve) => setTimeout(resolve, 5));
      active -= 1;
      return page;
    };
    const { queue, keepAlive } = createQueue();
    for (let n = 0; n < 12; n++) await queue.add(target(n));
    await vi.waitFor(async () => expect((await repository.listByStatus('done')).length).toBe(12), { timeout: 10_000 });
    expect(most).toBe(2);
    expect(settled.filter((entry) => entry.kind === 'done')).toHaveLength(12);
    expect(keepAlive.start).toHaveBeenCalled();
    await settle(queue, Array.from({ length: 12 }, (_, n) => `r${String(n + 1).padStart(2, '0')}`));
    await vi.waitFor(() => expect(keepAlive.stop).toHaveBeenCalled());
    expect(counts.at(-1)).toBe(0);
    // Once nothing runs or waits, no wake-up is left behind.
    expect(wakes.at(-1)).toBeNull();
  });

  it('hands the slot to the next scan as soon as the OCR service has answered, while the reading is still being stored', async () => {
    const stored = repository;
    let storeReading: () => void = () => undefined;
    const storingHeld = new Promise<void>((resolve) => (storeReading = resolve));
    repository = { ...stored, saveReading: async (...args) => (args[0] === 'r01' ? await storingHeld : undefined, stored.saveReading(...args)) };
    const uploads: string[] = [];
    recognise = async (request) => (uploads.push(request.file.filename), page);
    const { queue } = createQueue({ concurrency: async () => 1 });
    await queue.add(target(1));
    await queue.add(target(2));
    await vi.waitFor(() => expect(uploads).toEqual(['receipt-r01.jpg', 'receipt-r02.jpg']), { timeout: 2000, interval: 5 });
    expect((await stored.get('r01'))?.status).not.toBe('done');
    storeReading();
    await settle(queue, ['r01', 'r02']);
    expect((await stored.listByStatus('done')).map((receipt) => receipt.id).sort()).toEqual(['r01', 'r02']);
  });

  it('starts nothing before the user may send receipts away, and everything once they may', async () => {
    let allowed = false;
    let uploads = 0;
    recognise = async () => {
      uploads += 1;
      return page;
    };
    const { queue } = createQueue({ mayStart: async () => allowed });
    for (let n = 0; n < 3; n++) await queue.add(target(n));
    await queue.pump();
    expect(uploads).toBe(0);
    expect((await repository.listByStatus('queued')).map((receipt) => receipt.id).sort()).toEqual(['r01', 'r02', 'r03']);
    expect(counts.at(-1)).toBe(3);
    allowed = true;
    await queue.pump();
    await vi.waitFor(async () => expect((await repository.listByStatus('done')).length).toBe(3), { timeout: 5_000 });
    expect(uploads).toBe(3);
  });

  it('isolates a failure: the other scans still finish', async () => {
    recognise = async (request) => {
      if (request.file.filename === 'receipt-r02.jpg') throw new ScanFailure(scanErrors.ocrFileType());
      return page;
    };
    const { queue } = createQueue();
    for (let n = 0; n < 4; n++) await queue.add(target(n));
    await vi.waitFor(async () => expect((await repository.listByStatus('done')).length).toBe(3), { timeout: 5000 });
    expect((await repository.get('r02'))?.error?.code).toBe('ocr-file-type');
    expect((await repository.get('r02'))?.status).toBe('failed');
  });

  it('waits with backoff after a transient failure, then succeeds', async () => {
    let calls = 0;
    recognise = async () => {
      if (++calls === 1) throw new ScanFailure(scanErrors.ocrServer(502));
      return page;
    };
    const { queue } = createQueue();
    await queue.add(target(1));
    await settle(queue);
    const waiting = await repository.get('r01');
    expect(waiting).toMatchObject({ status: 'queued', error: { code: 'ocr-server' }, job: { attempts: 1, notBefore: clock + 1_500 } });
    expect(wakes.at(-1)).toBe(clock + 1_500);
    expect(wakes).toContain(clock + WATCHDOG_MS);
    // The popup must hear of the wait, or it would keep showing the last phase.
    const heard = changed.length;
    expect(heard).toBeGreaterThan(0);
    await queue.pump();
    expect(calls).toBe(1);
    clock += 1_500;
    await queue.pump();
    await vi.waitFor(async () => expect((await repository.get('r01'))?.status).toBe('done'));
    expect((await repository.get('r01'))?.error).toBeNull();
    expect(await repository.getOriginal('r01')).toBeDefined();
  });

  it('waits out the rate-limit window before trying again', async () => {
    recognise = async () => {
      throw new ScanFailure(scanErrors.ocrRateLimit('10 calls within 600 seconds', 600_000));
    };
    const { queue } = createQueue();
    await queue.add(target(1));
    await settle(queue);
    expect(await repository.get('r01')).toMatchObject({ status: 'queued', job: { notBefore: clock + 602_500 } });
    expect((await repository.get('r01'))?.error?.message).toContain('Wait 10 minutes');
  });

  it('does not retry a permanent failure by itself', async () => {
    let calls = 0;
    recognise = async () => {
      calls += 1;
      throw new ScanFailure(scanErrors.ocrBadKey());
    };
    const { queue } = createQueue();
    await queue.add(target(1));
    await settle(queue);
    expect(await repository.get('r01')).toMatchObject({ status: 'failed', error: { code: 'ocr-bad-key' }, job: { attempts: 1 } });
    expect(settled).toEqual([{ id: 'r01', kind: 'failed' }]);
    clock += 3_600_000;
    await queue.pump();
    expect(calls).toBe(1);
  });

  it(`gives up after ${MAX_AUTOMATIC_ATTEMPTS} attempts, and a manual retry still works`, async () => {
    let failing = true;
    let calls = 0;
    recognise = async () => {
      calls += 1;
      if (failing) throw new ScanFailure(scanErrors.ocrTimeout());
      return page;
    };
    const { queue } = createQueue();
    await queue.add(target(1));
    for (let attempt = 1; attempt < MAX_AUTOMATIC_ATTEMPTS; attempt++) {
      await settle(queue);
      clock += 10 * 60_000;
      await queue.pump();
    }
    await settle(queue);
    expect(calls).toBe(MAX_AUTOMATIC_ATTEMPTS);
    expect((await repository.get('r01'))?.status).toBe('failed');
    failing = false;
    await queue.retry('r01');
    await vi.waitFor(async () => expect((await repository.get('r01'))?.status).toBe('done'));
    expect((await repository.get('r01'))?.job?.attempts).toBe(0);
  });

  it('resumes a scan cut off mid-upload by a worker restart, ending with exactly one receipt', async () => {
    const first = createQueue();
    recognise = () => new Promise<OcrPage>(() => undefined);
    await first.queue.add(target(1));
    await vi.waitFor(async () => expect((await repository.get('r01'))?.status).toBe('uploading'));
    // A new worker: new queue, same database; the old one's work is gone with it.
    recognise = async () => page;
    const second = createQueue();
    await second.queue.resume();
    await vi.waitFor(async () => expect((await repository.get('r01'))?.status).toBe('done'));
    const db = await openReceiptDb();
    expect(await db.count('receipts')).toBe(1);
    expect(await db.count('originals')).toBe(1);
  });

  it('reports a failure at capture, such as a data: address that is no image, as settled', async () => {
    const { queue } = createQueue();
    await queue.add({ ...target(1), srcUrl: 'data:text/html,<p>Not a receipt</p>' });
    expect(settled).toEqual([{ id: 'r01', kind: 'failed' }]);
    expect((await repository.get('r01'))?.error?.code).toBe('not-an-image');
    expect(await repository.getOriginal('r01')).toBeUndefined();
  });
});
