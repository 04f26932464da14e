import { readFileSync } from 'node:fs';
import { describe, expect, it, vi } from 'vitest';
import type { CanvasEnv } from '../../utils/image/downscale';
import type { OriginalInfo } from '../../utils/receipt';
import { jpegImagePart } from '../../utils/image/jpeg-structure';
import { ScanFailure, scanErrors, type ScanError } from '../../utils/scan-error';
import { tiffLittle } from '../image/image-fixtures';
import { concatBytes, EXIF_WITH_THUMBNAIL, flatGreyJpeg, mp4LikeTail } from '../image/jpeg-builder';
import { prepareUploadFile } from '../../utils/ocr/upload-file';

const jpeg = new Uint8Array(readFileSync(new URL('../../../shared/receipts-dev/images/sroie-000.jpg', import.meta.url)));
const MB = 1024 * 1024;
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
    // Padding after the end marker is no longer part of what is uploaded: the limit is below the JPEG itself.
    const big = new Blob([jpeg, new Uint8Array(200_000)], { type: 'image/jpeg' });
    const canvas = fakeCanvas();
    const upload = await prepareUploadFile('r2', big, info, 90_000, canvas);
    expect(upload.file).toMatchObject({ filename: 'receipt-r2.jpg', contentType: 'image/jpeg', filetype: 'JPG' });
    expect(canvas.createImageBitmap).toHaveBeenCalledTimes(1);
    expect(upload.file.bytes.byteLength).toBeLessThanOrEqual(90_000);
    expect(upload.width * upload.height).toBeLessThanOrEqual(10_000_000);
  });

  it('refuses an image over the limit where nothing can shrink it', async () => {
    const error = await prepareUploadFile('r3', new Blob([jpeg]), info, 1000, null).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ScanFailure);
    expect((error as ScanFailure).error.code).toBe('still-too-large');
  });

  it.each([
    ['a motion photo: the JPEG without its 1 MB video', concatBytes(jpeg, mp4LikeTail(1024 * 1024))],
    ['a JPEG with an EXIF thumbnail and text after its end', concatBytes(flatGreyJpeg(64, 48, { head: EXIF_WITH_THUMBNAIL }), new TextEncoder().encode('trailer'))],
  ])('uploads %s, unchanged and unshrunk', async (_, original) => {
    const part = new Uint8Array(jpegImagePart(original));
    expect(part.length).toBeLessThan(original.length);
    const canvas = fakeCanvas();
    const upload = await prepareUploadFile('r4', new Blob([original], { type: 'image/jpeg' }), { ...info, size: original.length }, 1024 * 1024, canvas);
    expect(upload.file).toEqual({ bytes: part, filename: 'receipt-r4.jpg', contentType: 'image/jpeg', filetype: 'JPG' });
    expect(canvas.createImageBitmap).not.toHaveBeenCalled();
  });

  it.each<[string, OriginalInfo, Uint8Array<ArrayBuffer>, ScanError]>([
    ['a TIFF', { sha256: 'x', mime: 'image/tiff', extension: 'tiff', size: 3 * MB }, concatBytes(tiffLittle, new Uint8Array(3 * MB - tiffLittle.length)), scanErrors.cannotShrinkType('TIFF', 3 * MB, MB)],
    ['a PDF', { sha256: 'x', mime: 'application/pdf', extension: 'pdf', size: 2 * MB }, new Uint8Array(2 * MB), scanErrors.pdfTooLarge(2 * MB, MB)],
  ])('refuses %s over the limit without trying to decode it, canvas or not', async (_, typeInfo, bytes, expected) => {
    for (const canvas of [fakeCanvas(), null]) {
      const error = await prepareUploadFile('r5', new Blob([bytes]), typeInfo, MB, canvas).catch((caught: unknown) => caught);
      expect((error as ScanFailure).error).toEqual(expected);
      if (canvas) expect(canvas.createImageBitmap).not.toHaveBeenCalled();
    }
  });

  it('words the TIFF refusal with what to do', () => {
    expect(scanErrors.cannotShrinkType('TIFF', 3.2 * MB, MB)).toEqual({
      code: 'still-too-large',
      message: 'The TIFF image is 3.2 MB, over the 1 MB upload limit, and TIFF images cannot be shrunk in the browser. Save it as JPEG or PNG and scan that, or raise the upload size limit in the options if your OCR.space key allows larger files (paid keys do).',
      retryable: false,
    });
  });
});
