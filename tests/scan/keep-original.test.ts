import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { readFileSync } from 'node:fs';
import { beforeEach, describe, expect, it } from 'vitest';
import type { CanvasEnv } from '../../utils/image/downscale';
import { keepOriginal } from '../../utils/scan/keep-original';
import { openReceiptDb } from '../../utils/storage/receipt-db';
import { createReceiptRepository, type ReceiptRepository } from '../../utils/storage/receipt-repository';
import { ScanFailure } from '../../utils/scan-error';
import { sha256Hex } from '../../utils/image/sha256';

const jpeg = new Uint8Array(readFileSync(new URL('../../../shared/receipts-dev/images/sroie-000.jpg', import.meta.url)));
const source = { imageUrl: 'https://shop.example/receipt.jpg', pageUrl: null, pageTitle: null };

let repository: ReceiptRepository;

beforeEach(async () => {
  globalThis.indexedDB = new IDBFactory();
  repository = createReceiptRepository(openReceiptDb());
  for (const id of ['r1', 'r2']) await repository.create({ id, source, capturedAt: 1, job: null });
});

describe('keepOriginal', () => {
  it('stores the bytes as they came, with their type, size and SHA-256', async () => {
    expect(await keepOriginal({ repository, canvas: null }, 'r1', jpeg)).toBeNull();
    const stored = await repository.getOriginal('r1');
    expect(new Uint8Array(await stored!.arrayBuffer())).toEqual(jpeg);
    expect((await repository.get('r1'))?.original).toEqual({ sha256: await sha256Hex(jpeg), mime: 'image/jpeg', extension: 'jpg', size: jpeg.byteLength });
  });

  it('returns the receipt that already has the same image and stores nothing more', async () => {
    await keepOriginal({ repository, canvas: null }, 'r1', jpeg);
    const existing = await keepOriginal({ repository, canvas: null }, 'r2', jpeg);
    expect(existing?.id).toBe('r1');
    expect(await repository.getOriginal('r2')).toBeUndefined();
    expect((await repository.get('r2'))?.original).toBeNull();
  });

  it('keeps one image scanned twice at the same moment once: one receipt stores it, the other is told which', async () => {
    // Both scans look for the image before either stores it: the interleaving that kept it twice.
    let arrived = 0;
    let bothLooked: () => void = () => undefined;
    const barrier = new Promise<void>((resolve) => (bothLooked = resolve));
    const racing = {
      findBySha256: async (sha256: string) => {
        const found = await repository.findBySha256(sha256);
        if (++arrived === 2) bothLooked();
        await barrier;
        return found;
      },
      storeOriginal: repository.storeOriginal,
    };
    const [first, second] = await Promise.all(['r1', 'r2'].map((id) => keepOriginal({ repository: racing, canvas: null }, id, jpeg)));
    expect([first?.id ?? null, second?.id ?? null].filter((id) => id !== null)).toHaveLength(1);
    const originals = await Promise.all(['r1', 'r2'].map((id) => repository.getOriginal(id)));
    expect(originals.filter((original) => original !== undefined)).toHaveLength(1);
    expect(await repository.findBySha256(await sha256Hex(jpeg))).toHaveLength(1);
  });

  it.each([
    ['a web page', new TextEncoder().encode('<!doctype html><p>Not found</p>'), 'not-an-image'],
    ['a cut-off JPEG', jpeg.slice(0, 2000), 'truncated'],
  ])('refuses %s with its own code and stores nothing', async (_, bytes, code) => {
    const failure = await keepOriginal({ repository, canvas: null }, 'r1', bytes).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(ScanFailure);
    expect((failure as ScanFailure).error.code).toBe(code);
    expect(await repository.getOriginal('r1')).toBeUndefined();
  });

  it('keeps the original without a thumbnail when the thumbnail cannot be made', async () => {
    const canvas: CanvasEnv = {
      createImageBitmap: async () => Promise.reject(new Error('no decoder for this image')),
      createCanvas: () => {
        throw new Error('never reached: decoding failed first');
      },
    };
    expect(await keepOriginal({ repository, canvas }, 'r1', jpeg)).toBeNull();
    expect((await repository.get('r1'))?.thumbnail).toBeNull();
    expect(await repository.getOriginal('r1')).toBeDefined();
  });
});
