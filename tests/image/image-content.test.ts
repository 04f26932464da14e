import { describe, expect, it } from 'vitest';
import { assertImageData, decodesInBrowser, imagePart } from '../../utils/image/image-content';
import { assertDecodable, MAX_BYTES_OF_UNKNOWN_SIZE } from '../../utils/image/pixel-limits';
import type { ImageMime } from '../../utils/receipt';
import { ScanFailure, scanErrors, type ScanError } from '../../utils/scan-error';
import { png, readReceipt, tiffLittle } from './image-fixtures';
import { concatBytes, EOI, flatGreyJpeg, jpegHeaderWithHtml, mp4LikeTail, segment, SOI } from './jpeg-builder';

const failureOf = (check: () => void): ScanError | null => {
  try {
    check();
    return null;
  } catch (error) {
    if (error instanceof ScanFailure) return error.error;
    throw error;
  }
};
const receipt = readReceipt('sroie-000.jpg');

describe('imagePart', () => {
  it.each<[string, Uint8Array, ImageMime, number]>([
    ['a JPEG with a video after it: the JPEG', concatBytes(receipt, mp4LikeTail(10_000)), 'image/jpeg', receipt.length],
    ['a whole JPEG: all of it', receipt, 'image/jpeg', receipt.length],
    ['a PNG with bytes after IEND: all of it (only JPEGs are cut)', concatBytes(png(3, 2), new Uint8Array(3)), 'image/png', png(3, 2).length + 3],
    ['a TIFF: all of it', tiffLittle, 'image/tiff', tiffLittle.length],
  ])('of %s', (_, bytes, mime, length) => {
    expect(imagePart(bytes, mime).length).toBe(length);
  });
});

describe('assertImageData', () => {
  const damaged = scanErrors.imageDamaged('JPEG');
  it.each<[string, Uint8Array, ImageMime, ScanError | null]>([
    ['a real receipt', receipt, 'image/jpeg', null],
    ['a flat JPEG', flatGreyJpeg(16, 16), 'image/jpeg', null],
    ['a JPEG header followed by HTML, no frame', Uint8Array.from([...SOI, ...segment(0xe0, [0x4a, 0x46]), ...Array.from('<html><body>Sign in</body></html>', (char) => char.charCodeAt(0)), ...EOI]), 'image/jpeg', damaged],
    ['a frame without any scan', Uint8Array.from([...SOI, 0xff, 0xc0, 0, 11, 8, 0, 8, 0, 8, 1, 1, 0x11, 0, ...EOI]), 'image/jpeg', damaged],
    ['the 136-byte header with HTML as data (structure passes; only decoding tells)', jpegHeaderWithHtml(), 'image/jpeg', null],
    ['a PNG (not walked)', png(3, 2), 'image/png', null],
  ])('on %s', (_, bytes, mime, error) => {
    expect(failureOf(() => assertImageData(bytes, mime))).toEqual(error);
  });

  it('says what is refused in a sentence', () => {
    expect(damaged).toEqual({
      code: 'image-damaged',
      message: 'This file starts like a JPEG image, but its image data cannot be decoded (it may be a damaged file or a web page), so it was not kept.',
      retryable: false,
    });
  });
});

describe('assertDecodable', () => {
  it('bounds files of unknown pixel size by the densest coding: 100 megapixels / 8,256 pixels a byte', () => {
    expect(MAX_BYTES_OF_UNKNOWN_SIZE).toBe(12_112);
  });

  it.each<[string, { width: number; height: number } | null, number, ImageMime, ScanError | null]>([
    ['a known, acceptable size', { width: 4000, height: 6000 }, 5_000_000, 'image/jpeg', null],
    ['exactly 100 megapixels', { width: 10_000, height: 10_000 }, 5_000_000, 'image/jpeg', null],
    ['20000 × 20000', { width: 20_000, height: 20_000 }, 1_600_000, 'image/jpeg', scanErrors.tooManyPixels(20_000, 20_000, 100, 20_000)],
    ['an unknown size in a file too small to exceed the limit', null, MAX_BYTES_OF_UNKNOWN_SIZE, 'image/jpeg', null],
    ['an unknown size one byte over that', null, MAX_BYTES_OF_UNKNOWN_SIZE + 1, 'image/jpeg', scanErrors.unknownPixelSize('JPEG', MAX_BYTES_OF_UNKNOWN_SIZE + 1, 100)],
    ['an unknown size in a 2 MB WebP', null, 2 * 1024 * 1024, 'image/webp', scanErrors.unknownPixelSize('WebP', 2 * 1024 * 1024, 100)],
  ])('%s', (_, dimensions, size, mime, error) => {
    expect(failureOf(() => assertDecodable(dimensions, size, mime))).toEqual(error);
  });

  it('words the unknown size', () => {
    expect(scanErrors.unknownPixelSize('JPEG', 2 * 1024 * 1024, 100).message).toBe(
      "The JPEG image's header does not say how many pixels it has, and at 2 MB it could hold more than 100 megapixels, so it is not decoded. Save it again from an image editor and scan that copy.",
    );
  });
});

describe('decodesInBrowser', () => {
  it.each<[ImageMime, boolean]>([
    ['image/jpeg', true],
    ['image/png', true],
    ['image/gif', true],
    ['image/webp', true],
    ['image/bmp', true],
    ['image/tiff', false],
    ['application/pdf', false],
  ])('%s: %s', (mime, decodes) => {
    expect(decodesInBrowser(mime)).toBe(decodes);
  });
});
