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
import { ScanFailure } from '../../utils/scan-error';
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
