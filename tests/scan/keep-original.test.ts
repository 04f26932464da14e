import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { readFileSync } from 'node:fs';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { CanvasEnv } from '../../utils/image/downscale';
import { keepOriginal, type KeepOriginalEnv, type KeepOutcome } from '../../utils/scan/keep-original';
import type { ReceiptRecord } from '../../utils/receipt';
import { openReceiptDb } from '../../utils/storage/receipt-db';
import { createReceiptRepository, type ReceiptRepository } from '../../utils/storage/receipt-repository';
import { MAX_BYTES_OF_UNKNOWN_SIZE } from '../../utils/image/pixel-limits';
import { ScanFailure, scanErrors, type ScanError } from '../../utils/scan-error';
import { tiffLittle } from '../image/image-fixtures';
import { concatBytes, EOI, flatGreyJpeg, jpegHeaderWithHtml, mp4LikeTail, segment, sof0, SOI, SOS_GREY } from '../image/jpeg-builder';
import { sha256Hex } from '../../utils/image/sha256';

const jpeg = new Uint8Array(readFileSync(new URL('../../../shared/receipts-dev/images/sroie-000.jpg', import.meta.url)));
const source = { imageUrl: 'https://shop.example/receipt.jpg', pageUrl: null, pageTitle: null };

let repository: ReceiptRepository;

/** What keepOriginal found: the receipt that already has the image, or null when it stored it (its bitmap closed). */
async function existingOf(kept: Promise<KeepOutcome>): Promise<ReceiptRecord | null> {
  const outcome = await kept;
  if (outcome.kind === 'duplicate') return outcome.existing;
  outcome.bitmap?.close();
  return null;
}

beforeEach(async () => {
  globalThis.indexedDB = new IDBFactory();
  repository = createReceiptRepository(openReceiptDb());
  for (const id of ['r1', 'r2']) await repository.create({ id, source, capturedAt: 1, job: null });
});

describe('keepOriginal', () => {
  it('stores the bytes as they came, with their type, size and SHA-256', async () => {
    expect(await existingOf(keepOriginal({ repository, canvas: null }, 'r1', jpeg))).toBeNull();
    const stored = await repository.getOriginal('r1');
    expect(new Uint8Array(await stored!.arrayBuffer())).toEqual(jpeg);
    expect((await repository.get('r1'))?.original).toEqual({ sha256: await sha256Hex(jpeg), mime: 'image/jpeg', extension: 'jpg', size: jpeg.byteLength });
  });

  it('returns the receipt that already has the same image and stores nothing more', async () => {
    await keepOriginal({ repository, canvas: null }, 'r1', jpeg);
    const existing = await existingOf(keepOriginal({ repository, canvas: null }, 'r2', jpeg));
    expect(existing?.id).toBe('r1');
    expect(await repository.getOriginal('r2')).toBeUndefined();
    expect((await repository.get('r2'))?.original).toBeNull();
  });

  it('keeps one image scanned twice at the same moment once: one receipt stores it, the other is told which', async () => {
    // Both scans have checked the image and go to store it at the same moment: the interleaving that kept it twice.
    let arrived = 0;
    let bothChecked: () => void = () => undefined;
    const barrier = new Promise<void>((resolve) => (bothChecked = resolve));
    const racing: KeepOriginalEnv['repository'] = {
      storeOriginal: async (...args) => {
        if (++arrived === 2) bothChecked();
        await barrier;
        return repository.storeOriginal(...args);
      },
      dropOriginal: repository.dropOriginal,
    };
    const [first, second] = await Promise.all(['r1', 'r2'].map((id) => existingOf(keepOriginal({ repository: racing, canvas: null }, id, jpeg))));
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

  it('stores the original and the next status in one write, and hands on its one decode; no thumbnail before the upload', async () => {
    const { canvas, decoded, drawn } = recordingCanvas();
    const storeOriginal = vi.fn(repository.storeOriginal);
    const outcome = await keepOriginal({ repository: { storeOriginal, dropOriginal: repository.dropOriginal }, canvas }, 'r1', jpeg, {}, (receipt) => ({ ...receipt, status: 'uploading' }));
    expect(outcome).toMatchObject({ kind: 'stored', receipt: { id: 'r1', status: 'uploading', thumbnail: null }, bitmap: { width: 16, height: 16 } });
    expect(outcome.kind === 'stored' && Buffer.from(outcome.bytes).equals(Buffer.from(jpeg))).toBe(true);
    expect(storeOriginal).toHaveBeenCalledTimes(1);
    expect(decoded).toEqual([jpeg]);
    expect(drawn).toEqual([]);
    expect(await repository.get('r1')).toMatchObject({ status: 'uploading', thumbnail: null, original: { size: jpeg.length } });
  });

  it.each([
    ['decodes', true],
    ['is refused by the decoder: the original stored meanwhile is taken back, and nothing of it stays', false],
  ])('decodes while the original is written, and when the image %s', async (_, decodes) => {
    let storeStarted: () => void = () => undefined;
    const storing = new Promise<void>((resolve) => (storeStarted = resolve));
    let decodeEndedAfterStoreStarted = false;
    const canvas: CanvasEnv = {
      createImageBitmap: async () => {
        decodeEndedAfterStoreStarted = await Promise.race([storing.then(() => true), new Promise<boolean>((resolve) => setTimeout(resolve, 1000, false))]);
        if (!decodes) throw new DOMException('The source image could not be decoded.', 'InvalidStateError');
        return { width: 16, height: 16, close: () => undefined };
      },
      createCanvas: () => {
        throw new Error('nothing is drawn here');
      },
    };
    const storeOriginal: ReceiptRepository['storeOriginal'] = (...args) => (storeStarted(), repository.storeOriginal(...args));
    const outcome = await failureOf(existingOf(keepOriginal({ repository: { storeOriginal, dropOriginal: repository.dropOriginal }, canvas }, 'r1', jpeg)));
    expect(decodeEndedAfterStoreStarted).toBe(true);
    expect(outcome).toEqual(decodes ? null : scanErrors.imageDamaged('JPEG'));
    expect((await repository.getOriginal('r1')) !== undefined).toBe(decodes);
    expect((await repository.get('r1'))?.original?.size ?? null).toBe(decodes ? jpeg.length : null);
    expect(await repository.findBySha256(await sha256Hex(jpeg))).toHaveLength(decodes ? 1 : 0);
  });

  it('closes the decoded image when the same image is already kept', async () => {
    await existingOf(keepOriginal({ repository, canvas: null }, 'r1', jpeg));
    const { canvas, closed } = recordingCanvas();
    const outcome = await keepOriginal({ repository, canvas }, 'r2', jpeg);
    expect(outcome).toMatchObject({ kind: 'duplicate', existing: { id: 'r1' } });
    expect(closed()).toBe(1);
  });
});

/** A canvas that records what it is asked to decode; `decodes` false makes every decode fail as Chrome's does. */
function recordingCanvas(decodes = true) {
  const decoded: Uint8Array[] = [];
  const drawn: { width: number; height: number }[] = [];
  let closes = 0;
  const canvas: CanvasEnv = {
    createImageBitmap: vi.fn(async (blob: Blob) => {
      decoded.push(new Uint8Array(await blob.arrayBuffer()));
      if (!decodes) throw new DOMException('The source image could not be decoded.', 'InvalidStateError');
      return { width: 16, height: 16, close: () => void closes++ };
    }),
    createCanvas: (width, height) => {
      drawn.push({ width, height });
      return {
        getContext: () => ({ fillStyle: '', imageSmoothingEnabled: false, imageSmoothingQuality: 'low', fillRect: () => undefined, drawImage: () => undefined }),
        convertToBlob: async () => new Blob([Uint8Array.from([0xff, 0xd8, 0xff, 0xd9])], { type: 'image/jpeg' }),
      };
    },
  };
  return { canvas, decoded, drawn, closed: () => closes };
}

const failureOf = (promise: Promise<unknown>) => promise.then(() => null, (error: unknown) => (error instanceof ScanFailure ? error.error : error));

describe('keepOriginal on images from the real world', () => {
  it('keeps a motion photo byte for byte and decodes its JPEG part alone', async () => {
    const motionPhoto = concatBytes(jpeg, mp4LikeTail(1024 * 1024));
    const { canvas, decoded } = recordingCanvas();
    expect(await existingOf(keepOriginal({ repository, canvas }, 'r1', motionPhoto))).toBeNull();
    // Byte for byte, compared as buffers: an element-wise toEqual over a megabyte takes seconds.
    const stored = new Uint8Array(await (await repository.getOriginal('r1'))!.arrayBuffer());
    expect(Buffer.from(stored).equals(Buffer.from(motionPhoto))).toBe(true);
    expect((await repository.get('r1'))?.original).toEqual({ sha256: await sha256Hex(motionPhoto), mime: 'image/jpeg', extension: 'jpg', size: motionPhoto.length });
    expect(decoded).toEqual([jpeg]);
  });

  const damaged = scanErrors.imageDamaged('JPEG');
  const noFrame = Uint8Array.from([...SOI, ...segment(0xe0, [0x4a, 0x46]), ...Array.from('<html><body>Sign in</body></html>', (char) => char.charCodeAt(0)), ...EOI]);
  const unknownHeight = (size: number) => {
    const head = [...SOI, ...sof0(64, 0), ...SOS_GREY];
    return Uint8Array.from([...head, ...new Array<number>(size - head.length - 2).fill(0), ...EOI]);
  };

  it.each<[string, Uint8Array, boolean | null, ScanError, number]>([
    ['the 136-byte JPEG header with HTML as data, which the browser cannot decode', jpegHeaderWithHtml(), false, damaged, 1],
    ['a JPEG header followed by HTML without a frame, with no canvas to decode it', noFrame, null, damaged, 0],
    ['a JPEG header followed by HTML without a frame, before any decode', noFrame, true, damaged, 0],
    ['a 20000 × 20000 JPEG with a junk byte before its size header', flatGreyJpeg(20_000, 20_000, { beforeFrame: [0x00] }), true, scanErrors.tooManyPixels(20_000, 20_000, 100, 20_000), 0],
    ['a JPEG whose height is left to a DNL marker, too big to hold few pixels', unknownHeight(MAX_BYTES_OF_UNKNOWN_SIZE + 1), true, scanErrors.unknownPixelSize('JPEG', MAX_BYTES_OF_UNKNOWN_SIZE + 1, 100), 0],
  ])('refuses %s and stores nothing', async (_, bytes, decodes, error, decodeCount) => {
    const recording = decodes === null ? null : recordingCanvas(decodes);
    expect(await failureOf(keepOriginal({ repository, canvas: recording?.canvas ?? null }, 'r1', bytes))).toEqual(error);
    expect(recording?.decoded.length ?? 0).toBe(decodeCount);
    expect(await repository.getOriginal('r1')).toBeUndefined();
    expect((await repository.get('r1'))?.original).toBeNull();
  });

  it('decodes an image of unknown pixel size when it is too small to exceed the limit', async () => {
    const small = unknownHeight(MAX_BYTES_OF_UNKNOWN_SIZE);
    const { canvas, decoded } = recordingCanvas();
    expect(await existingOf(keepOriginal({ repository, canvas }, 'r1', small))).toBeNull();
    expect(decoded).toEqual([small]);
  });

  it('without a canvas (no decoder), keeps the 136-byte file whose structure is whole: only decoding can tell', async () => {
    expect(await existingOf(keepOriginal({ repository, canvas: null }, 'r1', jpegHeaderWithHtml()))).toBeNull();
    expect(await repository.getOriginal('r1')).toBeDefined();
  });

  it('does not decode TIFFs, which the browser cannot, and keeps them', async () => {
    const { canvas, decoded } = recordingCanvas(false);
    expect(await existingOf(keepOriginal({ repository, canvas }, 'r1', tiffLittle))).toBeNull();
    expect(decoded).toEqual([]);
    expect((await repository.get('r1'))?.original?.mime).toBe('image/tiff');
  });
});
