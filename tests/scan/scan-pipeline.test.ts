import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { readFileSync } from 'node:fs';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { OcrRequest } from '../../utils/ocr/ocr-space-client';
import { readOcrAnswer } from '../../utils/ocr/ocr-answer';
import type { ScanEvent } from '../../utils/protocol';
import type { OcrPage } from '../../utils/receipt';
import { openReceiptDb } from '../../utils/storage/receipt-db';
import { createReceiptLibrary } from '../../utils/storage/receipt-library';
import { createReceiptRepository, type ReceiptRepository } from '../../utils/storage/receipt-repository';
import { ScanFailure, scanErrors } from '../../utils/scan-error';
import { createScanner, type ScanEnv } from '../../utils/scan/scan-pipeline';
import { DEFAULT_SETTINGS } from '../../utils/settings';
import { sha256Hex } from '../../utils/image/sha256';

const DEV = new URL('../../../shared/receipts-dev/', import.meta.url);
const jpeg = new Uint8Array(readFileSync(new URL('images/sroie-000.jpg', DEV)));
const answer = readOcrAnswer(200, readFileSync(new URL('ocrspace/sroie-000.json', DEV), 'utf8'));
const page = answer.ok ? answer.page : null;

const target = { srcUrl: 'https://shop.example/receipt.jpg', pageUrl: 'https://shop.example/orders', pageTitle: 'Orders', tabId: 3, frameId: 0 };

let repository: ReceiptRepository;
let events: ScanEvent[];
let uploads: OcrRequest[];
let storedBeforeUpload: boolean[];

function environment(change: Partial<ScanEnv> = {}): ScanEnv {
  let id = 0;
  return {
    repository,
    loadSettings: async () => DEFAULT_SETTINGS,
    fetch: vi.fn(async () => new Response(jpeg, { headers: { 'content-type': 'image/jpeg', 'content-length': String(jpeg.length) } })),
    readBlobUrl: async () => jpeg,
    recognise: async (request) => {
      uploads.push(request);
      storedBeforeUpload.push((await repository.getOriginal('r1')) !== undefined);
      request.onProgress?.({ loaded: request.file.bytes.length, total: request.file.bytes.length });
      if (!page) throw new Error('fixture missing');
      return page;
    },
    canvas: null,
    broadcast: (event) => void events.push(event),
    newId: () => `r${++id}`,
    now: () => Date.UTC(2024, 5, 1),
    locale: 'en-GB',
    ...change,
  };
}

beforeEach(() => {
  globalThis.indexedDB = new IDBFactory();
  repository = createReceiptRepository(openReceiptDb());
  events = [];
  uploads = [];
  storedBeforeUpload = [];
});

describe('scan pipeline', () => {
  it('downloads, stores the original before uploading, reads and parses the receipt', async () => {
    const env = environment();
    const id = await createScanner(env).scan(target);
    const receipt = await repository.get(id);
    expect(receipt).toMatchObject({ status: 'done', error: null, progress: null, receiptDate: '2018-12-25', source: { imageUrl: target.srcUrl, pageUrl: target.pageUrl, pageTitle: 'Orders' } });
    expect(receipt?.fields).toMatchObject({ date: '2018-12-25', total: '9.00' });
    expect(receipt?.original).toEqual({ sha256: await sha256Hex(jpeg), mime: 'image/jpeg', extension: 'jpg', size: jpeg.length });
    expect(new Uint8Array(await (await repository.getOriginal(id))!.arrayBuffer())).toEqual(jpeg);
    expect(storedBeforeUpload).toEqual([true]);
    expect(env.fetch).toHaveBeenCalledWith(target.srcUrl, expect.objectContaining({ credentials: 'include' }));
  });

  it('uploads the original bytes under a neutral name with the settings', async () => {
    await createScanner(environment({ loadSettings: async () => ({ ...DEFAULT_SETTINGS, apiKey: 'K1', language: 'ger', engine: 3 }) })).scan(target);
    const [upload] = uploads;
    expect(upload).toMatchObject({ endpoint: DEFAULT_SETTINGS.endpoint, apiKey: 'K1', language: 'ger', engine: 3 });
    expect(upload?.file).toMatchObject({ filename: 'receipt-r1.jpg', contentType: 'image/jpeg', filetype: 'JPG' });
    expect(upload?.file.bytes).toEqual(jpeg);
  });

  it('announces each change and the phases of its progress', async () => {
    await createScanner(environment()).scan(target);
    expect(events.filter((event) => event.type === 'receipt-changed').length).toBeGreaterThanOrEqual(3);
    expect(events).toContainEqual({ type: 'receipt-progress', receiptId: 'r1', progress: { phase: 'reading' } });
  });

  it('refuses a web page served as an image and stores nothing of it', async () => {
    const html = new TextEncoder().encode('<!doctype html><html><body>Not found</body></html>');
    const env = environment({ fetch: async () => new Response(html, { headers: { 'content-type': 'image/jpeg' } }) });
    const id = await createScanner(env).scan(target);
    const receipt = await repository.get(id);
    expect(receipt?.status).toBe('failed');
    expect(receipt?.error?.code).toBe('not-an-image');
    expect(receipt?.error?.message).toContain('an HTML page');
    expect(receipt?.original).toBeNull();
    expect(await repository.getOriginal(id)).toBeUndefined();
    expect(uploads).toEqual([]);
  });

  it('keeps the original when the OCR service fails, and a retry reads it without downloading again', async () => {
    const env = environment();
    const working = env.recognise;
    let calls = 0;
    env.recognise = async (request) => {
      calls += 1;
      if (calls === 1) throw new ScanFailure(scanErrors.ocrRateLimit('10 calls in 600 seconds', 600_000));
      return working(request);
    };
    const scanner = createScanner(env);
    const id = await scanner.scan(target);
    const failed = await repository.get(id);
    expect(failed?.status).toBe('failed');
    expect(failed?.error).toMatchObject({ code: 'ocr-rate-limit', retryable: true, retryAfterMs: 600_000 });
    expect(await repository.getOriginal(id)).toBeDefined();
    await scanner.process(id);
    expect((await repository.get(id))?.status).toBe('done');
    expect(env.fetch).toHaveBeenCalledTimes(1);
  });

  it('downloads again on retry when the first download failed', async () => {
    let attempt = 0;
    const env = environment({
      fetch: async () => (++attempt === 1 ? new Response('busy', { status: 503 }) : new Response(jpeg)),
    });
    const scanner = createScanner(env);
    const id = await scanner.scan(target);
    expect((await repository.get(id))?.error?.code).toBe('http-status');
    await scanner.process(id);
    expect((await repository.get(id))?.status).toBe('done');
  });

  it('reads a page blob inside its page', async () => {
    const readBlobUrl = vi.fn(async () => jpeg);
    const env = environment({ readBlobUrl });
    const id = await createScanner(env).scan({ ...target, srcUrl: 'blob:https://shop.example/9f1c' });
    expect(readBlobUrl).toHaveBeenCalledWith(expect.objectContaining({ srcUrl: 'blob:https://shop.example/9f1c', tabId: 3 }), DEFAULT_SETTINGS.downloadLimitBytes);
    expect((await repository.get(id))?.status).toBe('done');
  });

  it('keeps only the start of a long data: address as the source', async () => {
    const base64 = Buffer.from(jpeg).toString('base64');
    const env = environment({ fetch: (input) => fetch(input) });
    const id = await createScanner(env).scan({ ...target, srcUrl: `data:image/jpeg;base64,${base64}` });
    const receipt = await repository.get(id);
    expect(receipt?.status).toBe('done');
    expect(receipt?.source.imageUrl.length).toBeLessThanOrEqual(501);
    expect(receipt?.source.imageUrl.startsWith('data:image/jpeg;base64,')).toBe(true);
  });

  it('refuses an image over the upload limit when it cannot be shrunk here', async () => {
    const env = environment({ loadSettings: async () => ({ ...DEFAULT_SETTINGS, uploadLimitBytes: 50_000 }) });
    const id = await createScanner(env).scan(target);
    expect((await repository.get(id))?.error?.code).toBe('still-too-large');
    expect(await repository.getOriginal(id)).toBeDefined();
  });

  it('does not send an image that is already stored, and points to the receipt that has it', async () => {
    const scanner = createScanner(environment());
    const first = await scanner.scan(target);
    const second = await scanner.scan({ ...target, srcUrl: 'https://mirror.example/same.jpg' });
    expect(uploads).toHaveLength(1);
    expect(await repository.get(second)).toBeUndefined();
    expect(events).toContainEqual({ type: 'receipt-duplicate', receiptId: second, existingId: first });
    expect((await repository.listByStatus('done')).map((receipt) => receipt.id)).toEqual([first]);
  });

  it('creates a queued receipt at the click and leaves http images for the queue to download', async () => {
    const env = environment();
    const receipt = await createScanner(env).capture(target, 'batch-1');
    expect(receipt).toMatchObject({ status: 'queued', original: null, job: { srcUrl: target.srcUrl, tabId: 3, frameId: 0, attempts: 0, notBefore: 0, batchId: 'batch-1' } });
    expect(env.fetch).not.toHaveBeenCalled();
  });

  it('keeps an area captured from the page as the original, and never downloads anything for it', async () => {
    const env = environment();
    const area = { ...target, srcUrl: 'area:https://shop.example/orders' };
    const receipt = await createScanner(env).capture(area, null, jpeg);
    expect(receipt).toMatchObject({ status: 'queued', source: { imageUrl: 'area:https://shop.example/orders' } });
    expect(new Uint8Array(await (await repository.getOriginal(receipt.id))!.arrayBuffer())).toEqual(jpeg);
    expect(env.fetch).not.toHaveBeenCalled();
    await createScanner(env).process(receipt.id);
    expect((await repository.get(receipt.id))?.fields).toMatchObject({ total: '9.00' });
    expect(uploads[0]?.file.bytes).toEqual(jpeg);
  });

  it('says an area whose capture was refused must be selected again, instead of fetching its page', async () => {
    const env = environment();
    const scanner = createScanner(env);
    const receipt = await scanner.capture({ ...target, srcUrl: 'area:https://shop.example/orders' }, null, new TextEncoder().encode('<html>'));
    expect(receipt).toMatchObject({ status: 'failed', error: { code: 'not-an-image' } });
    await expect(scanner.process(receipt.id)).rejects.toMatchObject({ error: scanErrors.notKept('area') });
    expect(env.fetch).not.toHaveBeenCalled();
  });

  it('takes bytes in hand out of the queue while it checks and keeps them, so a queue pumping meanwhile cannot start them', async () => {
    const seen: (string | undefined)[] = [];
    const env = environment({
      loadSettings: async () => {
        seen.push((await repository.listByStatus('queued')).map((receipt) => receipt.id).join());
        return DEFAULT_SETTINGS;
      },
    });
    const receipt = await createScanner(env).capture({ ...target, srcUrl: 'disk:notes.txt' }, null, new TextEncoder().encode('not an image'));
    expect(seen).toEqual(['']);
    expect(receipt).toMatchObject({ status: 'failed', error: { code: 'not-an-image' } });
  });

  it('refuses a file from disk over the download limit with a sentence, storing nothing', async () => {
    const env = environment({ loadSettings: async () => ({ ...DEFAULT_SETTINGS, downloadLimitBytes: 1000 }) });
    const receipt = await createScanner(env).capture({ ...target, srcUrl: 'disk:big.jpg' }, null, jpeg);
    expect(receipt).toMatchObject({ status: 'failed', error: scanErrors.tooLarge(jpeg.length, 1000), original: null });
    await expect(createScanner(env).process(receipt.id)).rejects.toMatchObject({ error: scanErrors.notKept('file') });
  });

  it('reads data: images at the click, so the queue never needs the long address', async () => {
    const env = environment({ fetch: (input) => fetch(input) });
    const receipt = await createScanner(env).capture({ ...target, srcUrl: `data:image/jpeg;base64,${Buffer.from(jpeg).toString('base64')}` });
    expect(receipt.status).toBe('queued');
    expect(receipt.original?.size).toBe(jpeg.length);
    expect(receipt.job?.srcUrl.length).toBeLessThanOrEqual(501);
  });

  it('keeps a long signed address whole and downloads it whole, at the click and again from the queue', async () => {
    const signed = `https://bucket.storage.example/receipts/r.jpg?X-Amz-Credential=${'c'.repeat(300)}&X-Amz-Signature=${'f'.repeat(840)}`;
    expect(signed.length).toBeGreaterThan(1200);
    const env = environment();
    const scanner = createScanner(env);
    const receipt = await scanner.capture({ ...target, srcUrl: signed });
    expect(receipt.job?.srcUrl).toBe(signed);
    expect(receipt.source.imageUrl).toBe(signed);
    await scanner.process(receipt.id);
    expect(env.fetch).toHaveBeenCalledWith(signed, expect.anything());
    expect((await repository.get(receipt.id))?.status).toBe('done');
  });

  it('refuses an http address over 16 KB at the click, keeping its start, and again at a retry, never requesting it', async () => {
    const tooLong = `https://mail.example/attachment?token=${'t'.repeat(17 * 1024)}`;
    const env = environment();
    const scanner = createScanner(env);
    const receipt = await scanner.capture({ ...target, srcUrl: tooLong });
    expect(receipt).toMatchObject({ status: 'failed', error: scanErrors.addressTooLong(16 * 1024), original: null });
    expect(receipt.source.imageUrl).toBe(`${tooLong.slice(0, 500)}…`);
    expect(receipt.job?.srcUrl).toBe(`${tooLong.slice(0, 500)}…`);
    const retried = await scanner.process(receipt.id).catch((error: unknown) => error);
    expect(retried instanceof ScanFailure ? retried.error : retried).toEqual(scanErrors.addressTooLong(16 * 1024));
    expect(env.fetch).not.toHaveBeenCalled();
  });

  it('keeps what the user corrected when the receipt is read again', async () => {
    const scanner = createScanner(environment());
    const id = await scanner.scan(target);
    await createReceiptLibrary(openReceiptDb()).saveCorrections(id, { merchant: 'Book Ta .K', total: '10.00' });
    await scanner.process(id);
    const again = await repository.get(id);
    expect(again?.fields).toMatchObject({ merchant: 'Book Ta .K', total: '10.00', date: '2018-12-25' });
    expect(again?.fields?.confidence.total).toBe(1);
    expect(again?.edited).toEqual(['merchant', 'total']);
  });

  it('records the pixel size of the uploaded image, which the word boxes refer to', async () => {
    const id = await createScanner(environment()).scan(target);
    const page = await repository.getOcrPage(id);
    expect(page).toMatchObject({ imageWidth: expect.any(Number), imageHeight: expect.any(Number) });
    expect(page?.imageWidth).toBeGreaterThan(100);
    expect(page?.lines.length).toBeGreaterThan(10);
  });

  it('turns an unexpected error into a failed receipt instead of a stuck one', async () => {
    const env = environment({ recognise: async (): Promise<OcrPage> => Promise.reject(new RangeError('boom')) });
    const id = await createScanner(env).scan(target);
    expect((await repository.get(id))?.error).toEqual({ code: 'unexpected', message: 'Something unexpected went wrong: boom', retryable: true });
  });
});

describe('scan pipeline against decompression bombs', () => {
  it('refuses a small PNG that declares 30000 × 30000 pixels before decoding or storing it', async () => {
    const png = new Uint8Array([
      0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52, 0, 0, 0x75, 0x30, 0, 0, 0x75, 0x30, 8, 2, 0, 0, 0, 0, 0, 0, 0,
      0, 0, 0, 0, 0x49, 0x45, 0x4e, 0x44, 0xae, 0x42, 0x60, 0x82,
    ]);
    const createImageBitmap = vi.fn();
    const env = environment({ fetch: async () => new Response(png), canvas: { createImageBitmap, createCanvas: vi.fn() } });
    const id = await createScanner(env).scan(target);
    const receipt = await repository.get(id);
    expect(receipt?.error).toEqual({
      code: 'too-many-pixels',
      message: 'The image is 30000 × 30000 pixels (900 megapixels); images up to 100 megapixels and 20000 pixels a side can be scanned.',
      retryable: false,
    });
    expect(createImageBitmap).not.toHaveBeenCalled();
    expect(await repository.getOriginal(id)).toBeUndefined();
    expect(uploads).toEqual([]);
  });
});

/** A canvas whose JPEGs weigh a byte per 100 pixels; it records decodes, drawings and closes, in order with the uploads. */
function recordingCanvas(steps: string[], size = { width: 3000, height: 4000 }) {
  const canvas: ScanEnv['canvas'] = {
    createImageBitmap: vi.fn(async () => {
      steps.push('decode');
      return { ...size, close: () => void steps.push('close') };
    }),
    createCanvas: (width, height) => {
      steps.push(`draw ${Math.max(width, height)}`);
      return {
        getContext: () => ({ fillStyle: '', imageSmoothingEnabled: true, imageSmoothingQuality: 'high', fillRect: vi.fn(), drawImage: vi.fn() }),
        convertToBlob: async () => new Blob([new Uint8Array(Math.ceil((width * height) / 100))], { type: 'image/jpeg' }),
      };
    },
  };
  return canvas;
}

/** The mode of each IndexedDB transaction opened, and how many were open when the first upload started. */
function countTransactions() {
  const modes: IDBTransactionMode[] = [];
  const real = IDBDatabase.prototype.transaction;
  const spy = vi.spyOn(IDBDatabase.prototype, 'transaction').mockImplementation(function (this: IDBDatabase, ...args: Parameters<IDBDatabase['transaction']>) {
    modes.push(args[1] ?? 'readonly');
    return real.apply(this, args);
  });
  return { modes, restore: () => spy.mockRestore() };
}

describe('scan pipeline on its way to the first upload byte', () => {
  it('writes three times from the click to the upload (the receipt; downloading; the original with its status, checked for duplicates) and reads nothing back', async () => {
    const transactions = countTransactions();
    let beforeUpload: IDBTransactionMode[] = [];
    const loadSettings = vi.fn(async () => DEFAULT_SETTINGS);
    const env = environment({ loadSettings });
    const recognise = env.recognise;
    env.recognise = (request) => ((beforeUpload = [...transactions.modes]), recognise(request));
    try {
      const id = await createScanner(env).scan(target);
      expect((await repository.get(id))?.status).toBe('done');
    } finally {
      transactions.restore();
    }
    // Opening the database (its version change) happens once a worker, not once a scan.
    expect(beforeUpload.filter((mode) => mode !== 'versionchange')).toEqual(['readwrite', 'readwrite', 'readwrite']);
    expect(loadSettings).toHaveBeenCalledTimes(1);
  });

  it('stores the status "uploading" with the original, in the same write', async () => {
    const env = environment();
    const recognise = env.recognise;
    let atUpload: unknown;
    env.recognise = async (request) => ((atUpload = await repository.get('r1')), recognise(request));
    await createScanner(env).scan(target);
    expect(atUpload).toMatchObject({ status: 'uploading', original: { size: jpeg.length }, thumbnail: null });
  });

  it.each([
    ['a photo over the upload limit: decoded once, shrunk from that decode, its thumbnail drawn from it after the upload started', 50_000, ['decode', 'shrink', 'upload', 'draw 200', 'close']],
    ['an image that fits: decoded once (the check that its data decodes), sent as it is, its thumbnail drawn after the upload started', DEFAULT_SETTINGS.uploadLimitBytes, ['decode', 'upload', 'draw 200', 'close']],
  ])('%s', async (_, uploadLimitBytes, expected) => {
    const steps: string[] = [];
    const env = environment({ canvas: recordingCanvas(steps), loadSettings: async () => ({ ...DEFAULT_SETTINGS, uploadLimitBytes }) });
    const recognise = env.recognise;
    env.recognise = (request) => (steps.push('upload'), recognise(request));
    const id = await createScanner(env).scan(target);
    const receipt = await repository.get(id);
    expect(receipt?.status).toBe('done');
    expect(receipt?.thumbnail?.size).toBe(Math.ceil((150 * 200) / 100));
    // The shrinking's encodes (a probe, then sizes that fit) are one step here.
    const shrinkOrStep = steps.map((step) => (step.startsWith('draw') && step !== 'draw 200' ? 'shrink' : step));
    expect(shrinkOrStep.filter((step, at) => step !== 'shrink' || shrinkOrStep[at - 1] !== 'shrink')).toEqual(expected);
  });

  it.each([
    ['that fits: its thumbnail is decoded and drawn after its upload has started', DEFAULT_SETTINGS.uploadLimitBytes, ['upload', 'decode', 'draw 200', 'close']],
    ['over the limit: decoded once, for the shrinking and then the thumbnail', 50_000, ['decode', 'shrink', 'upload', 'draw 200', 'close']],
  ])('a retried receipt, whose original is read back, %s', async (_, uploadLimitBytes, expected) => {
    const steps: string[] = [];
    const env = environment({ canvas: recordingCanvas(steps), loadSettings: async () => ({ ...DEFAULT_SETTINGS, uploadLimitBytes }) });
    const working = env.recognise;
    let calls = 0;
    env.recognise = async (request) => {
      steps.push('upload');
      if (++calls === 1) throw new ScanFailure(scanErrors.ocrRateLimit('10 calls in 600 seconds', 600_000));
      return working(request);
    };
    const scanner = createScanner(env);
    const id = await scanner.scan(target);
    expect((await repository.get(id))?.thumbnail).not.toBeNull();
    await repository.update(id, (receipt) => ({ ...receipt, thumbnail: null }));
    steps.length = 0;
    await scanner.process(id);
    const shrinkOrStep = steps.map((step) => (step.startsWith('draw') && step !== 'draw 200' ? 'shrink' : step));
    expect(shrinkOrStep.filter((step, at) => step !== 'shrink' || shrinkOrStep[at - 1] !== 'shrink')).toEqual(expected);
    expect((await repository.get(id))?.thumbnail).not.toBeNull();
  });
});
