import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { readFileSync } from 'node:fs';
import { beforeEach, describe, expect, it } from 'vitest';
import type { OcrRequest } from '../../utils/ocr/ocr-space-client';
import type { ScanEvent } from '../../utils/protocol';
import { readReceipt, type ReadReceiptEnv } from '../../utils/scan/read-receipt';
import type { OcrPage, ReceiptRecord } from '../../utils/receipt';
import { openReceiptDb } from '../../utils/storage/receipt-db';
import { createReceiptRepository, type ReceiptRepository } from '../../utils/storage/receipt-repository';
import { ScanFailure, scanErrors } from '../../utils/scan-error';
import { DEFAULT_SETTINGS } from '../../utils/settings';
import { createStatusReporter } from '../../utils/scan/status-reporter';

const jpeg = new Uint8Array(readFileSync(new URL('../../../shared/receipts-dev/images/sroie-000.jpg', import.meta.url)));
const page: OcrPage = { text: 'CAFE ROMA\n12/03/2025\nTOTAL 9.00', lines: [] };
const source = { imageUrl: 'https://shop.example/receipt.jpg', pageUrl: null, pageTitle: null };

let repository: ReceiptRepository;
let events: ScanEvent[];
let statuses: ReceiptRecord['status'][];

function environment(recognise: (request: OcrRequest) => Promise<OcrPage>): ReadReceiptEnv {
  const broadcast = (event: ScanEvent) => void events.push(event);
  const update: ReceiptRepository['update'] = async (id, edit) =>
    repository.update(id, (receipt) => {
      const next = edit(receipt);
      statuses.push(next.status);
      return next;
    });
  return {
    repository,
    recognise,
    canvas: null,
    status: createStatusReporter({ repository: { update }, broadcast, now: () => 0 }),
    now: () => Date.UTC(2025, 11, 1),
    locale: 'en-GB',
  };
}

beforeEach(async () => {
  globalThis.indexedDB = new IDBFactory();
  repository = createReceiptRepository(openReceiptDb());
  events = [];
  statuses = [];
  await repository.create({ id: 'r1', source, capturedAt: 1, job: null });
});

async function storeOriginal(): Promise<void> {
  await repository.storeOriginal('r1', new Blob([jpeg], { type: 'image/jpeg' }), { sha256: 'ab'.repeat(32), mime: 'image/jpeg', extension: 'jpg', size: jpeg.length }, null);
}

describe('readReceipt', () => {
  it('uploads the stored original, then stores the reading parsed into fields', async () => {
    await storeOriginal();
    const sent: OcrRequest[] = [];
    const done = await readReceipt(
      environment(async (request) => {
        sent.push(request);
        request.onProgress?.({ loaded: request.file.bytes.length, total: request.file.bytes.length });
        return page;
      }),
      'r1',
      DEFAULT_SETTINGS,
    );
    expect(sent[0]?.file.bytes).toEqual(jpeg);
    expect(statuses).toEqual(['uploading', 'reading']);
    expect(done).toMatchObject({ status: 'done', receiptDate: '2025-03-12', fields: { merchant: 'CAFE ROMA', total: '9.00' } });
    expect(await repository.getOcrPage('r1')).toMatchObject({ text: page.text });
    expect(events.at(-1)).toEqual({ type: 'receipt-changed', receiptId: 'r1' });
  });

  it('says the original is missing, and sends nothing, when none is stored', async () => {
    let calls = 0;
    const failure = await readReceipt(environment(async () => (calls++, page)), 'r1', DEFAULT_SETTINGS).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(ScanFailure);
    expect((failure as ScanFailure).error.code).toBe('original-missing');
    expect(calls).toBe(0);
  });

  it('shows an indeterminate upload when the browser cannot count the bytes sent', async () => {
    await storeOriginal();
    await readReceipt(
      environment(async (request) => {
        request.onProgress?.({ indeterminate: true });
        return page;
      }),
      'r1',
      DEFAULT_SETTINGS,
    );
    expect(events).toContainEqual({ type: 'receipt-progress', receiptId: 'r1', progress: { phase: 'uploading', loaded: 0, total: null } });
  });
});

describe('readReceipt with the on-device engine', () => {
  const devicePage: OcrPage = { text: 'CAFE ROMA\n12/03/2025\nTOTAL 9.00', lines: [], imageWidth: 1500, imageHeight: 2000 };
  const rateLimited = () => Promise.reject(new ScanFailure(scanErrors.ocrRateLimit('10 calls in 600 seconds', 600_000)));

  it.each([
    ['reads on the device when it is the chosen reader, sending nothing to OCR.space', { reader: 'on-device' as const }, async () => page, 0, 'TOTAL 9.00'],
    ['falls back to the device when OCR.space is rate-limited and the user asked for that', { fallback: 'on-device' as const }, rateLimited, 1, 'TOTAL 9.00'],
  ])('%s', async (_case, change, recognise, uploads, text) => {
    await storeOriginal();
    let sent = 0;
    const read: string[] = [];
    const env = {
      ...environment(async (request) => (sent++, recognise())),
      readOnDevice: async (file: { bytes: Uint8Array; contentType: string }, receiptId: string) => (read.push(`${receiptId} ${file.contentType} ${file.bytes.length}`), devicePage),
    };
    const done = await readReceipt(env, 'r1', { ...DEFAULT_SETTINGS, ...change });
    expect(sent).toBe(uploads);
    expect(read).toEqual([`r1 image/jpeg ${jpeg.length}`]);
    expect(done.fields?.total).toBe('9.00');
    expect((await repository.getOcrPage('r1'))?.text).toContain(text);
    expect(statuses).toContain('reading');
  });

  it('waits, as before, when OCR.space is rate-limited and the user did not ask for the device', async () => {
    await storeOriginal();
    const env = { ...environment(rateLimited), readOnDevice: async () => devicePage };
    await expect(readReceipt(env, 'r1', DEFAULT_SETTINGS)).rejects.toMatchObject({ error: { code: 'ocr-rate-limit' } });
  });

  describe('with a TIFF, which the browser cannot decode for the engine', () => {
    const tiff = Uint8Array.from([0x49, 0x49, 0x2a, 0x00, 0x08, 0x00, 0x00, 0x00, ...new Array<number>(64).fill(0)]);
    const storeTiff = () => repository.storeOriginal('r1', new Blob([tiff], { type: 'image/tiff' }), { sha256: 'cd'.repeat(32), mime: 'image/tiff', extension: 'tif', size: tiff.length }, null);

    it('says the on-device reader cannot read it, and sends it nowhere', async () => {
      await storeTiff();
      let sent = 0;
      let read = 0;
      const env = { ...environment(async () => (sent++, page)), readOnDevice: async () => (read++, devicePage) };
      await expect(readReceipt(env, 'r1', { ...DEFAULT_SETTINGS, reader: 'on-device' })).rejects.toMatchObject({ error: scanErrors.deviceCannotRead('TIFF') });
      expect({ sent, read }).toEqual({ sent: 0, read: 0 });
    });

    it('keeps OCR.space\'s rate limit rather than falling back to a device that cannot read it', async () => {
      await storeTiff();
      let read = 0;
      const env = { ...environment(rateLimited), readOnDevice: async () => (read++, devicePage) };
      await expect(readReceipt(env, 'r1', { ...DEFAULT_SETTINGS, fallback: 'on-device' })).rejects.toMatchObject({ error: { code: 'ocr-rate-limit' } });
      expect(read).toBe(0);
    });
  });

  it('does not fall back for a bad key: the user must fix it', async () => {
    await storeOriginal();
    const env = { ...environment(() => Promise.reject(new ScanFailure(scanErrors.ocrBadKey()))), readOnDevice: async () => devicePage };
    await expect(readReceipt(env, 'r1', { ...DEFAULT_SETTINGS, fallback: 'on-device' })).rejects.toMatchObject({ error: { code: 'ocr-bad-key' } });
  });
});
