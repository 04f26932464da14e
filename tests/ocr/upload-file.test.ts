import { readFileSync } from 'node:fs';
import { describe, expect, it, vi } from 'vitest';
import type { CanvasEnv } from '../../utils/image/downscale';
import type { OriginalInfo } from '../../utils/receipt';
import { ScanFailure } from '../../utils/scan-error';
import { prepareUploadFile } from '../../utils/ocr/upload-file';

const jpeg = new Uint8Array(readFileSync(new URL('../../../shared/receipts-dev/images/sroie-000.jpg', import.meta.url)));
const info: OriginalInfo = { sha256: 'x', mime: 'image/jpeg', extension: 'jpg', size: jpeg.length };

/** A canvas whose JPEGs weigh a byte per 100 pixels, so shrinking is predictable. */
function fakeCanvas(): CanvasEnv {
  return {
    createImageBitmap: vi.fn(async () => ({ width: 3000, height: 4000, close: vi.fn() })),
    createCanvas: (width, height) => ({
      getContext: () => ({ fillStyle: '', imageSmoothingEnabled: true, imageSmoothingQuality: 'high', fillRect: vi.fn(), drawImage: vi.fn() }),
      convertToBlob: async () => new Blob([new Uint8Array(Math.ceil((width * height) / 100))], { type: 'image/jpeg' }),
    }),
  };
}

describe('prepareUploadFile', () => {
  it('sends an original that fits as it is, under a neutral name, with its pixel size', async () => {
    const upload = await prepareUploadFile('r1', new Blob([jpeg], { type: 'image/jpeg' }), info, 1024 * 1024, null);
    expect(upload.file).toEqual({ bytes: jpeg, filename: 'receipt-r1.jpg', contentType: 'image/jpeg', filetype: 'JPG' });
    expect(upload.width).toBeGreaterThan(100);
    expect(upload.height).toBeGreaterThan(upload.width);
  });

  it('shrinks an original over the limit to a JPEG that fits', async () => {
    const big = new Blob([jpeg, new Uint8Array(200_000)], { type: 'image/jpeg' });
    const upload = await prepareUploadFile('r2', big, info, 100_000, fakeCanvas());
    expect(upload.file).toMatchObject({ filename: 'receipt-r2.jpg', contentType: 'image/jpeg', filetype: 'JPG' });
    expect(upload.file.bytes.byteLength).toBeLessThanOrEqual(100_000);
    expect(upload.width * upload.height).toBeLessThanOrEqual(10_000_000);
  });

  it('refuses an image over the limit where nothing can shrink it', async () => {
    const error = await prepareUploadFile('r3', new Blob([jpeg]), info, 1000, null).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ScanFailure);
    expect((error as ScanFailure).error.code).toBe('still-too-large');
  });
});
