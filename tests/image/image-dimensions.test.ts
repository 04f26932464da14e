import { describe, expect, it } from 'vitest';
import { readImageDimensions } from '../../utils/image/image-dimensions';
import type { ImageMime } from '../../utils/receipt';
import { bmp, gif, pdf, png, readReceipt, tiffLittle, webpExtended, webpLossless, webpLossy } from './image-fixtures';

describe('readImageDimensions', () => {
  it.each([
    ['sroie-000.jpg', 463, 1013],
    ['sroie-008.jpg', 992, 1403],
    ['sroie-014.jpg', 780, 2044],
    ['sroie-290.jpg', 4961, 7016],
  ])('reads the SOF size of %s', (name, width, height) => {
    expect(readImageDimensions(readReceipt(name), 'image/jpeg')).toEqual({ width, height });
  });

  it('reads a JPEG size from the first 64 KB alone', () => {
    expect(readImageDimensions(readReceipt('sroie-304.jpg').subarray(0, 65536), 'image/jpeg')).toEqual({ width: 4961, height: 7016 });
  });

  it.each<[string, Uint8Array, ImageMime, { width: number; height: number } | null]>([
    ['PNG', png(3000, 40000), 'image/png', { width: 3000, height: 40000 }],
    ['GIF', gif(640, 480), 'image/gif', { width: 640, height: 480 }],
    ['lossy WebP', webpLossy(1037, 9023), 'image/webp', { width: 1037, height: 9023 }],
    ['lossless WebP', webpLossless(16384, 3), 'image/webp', { width: 16384, height: 3 }],
    ['extended WebP', webpExtended(30000, 20001), 'image/webp', { width: 30000, height: 20001 }],
    ['bottom-up BMP', bmp(123, 456), 'image/bmp', { width: 123, height: 456 }],
    ['top-down BMP', bmp(123, -456), 'image/bmp', { width: 123, height: 456 }],
    ['TIFF', tiffLittle, 'image/tiff', null],
    ['PDF', pdf('%%EOF'), 'application/pdf', null],
    ['PNG cut before its size', png(3, 2).subarray(0, 18), 'image/png', null],
    [
      'progressive JPEG after fill bytes and a restart marker',
      Uint8Array.from([0xff, 0xd8, 0xff, 0xff, 0xe0, 0x00, 0x04, 0x00, 0x00, 0xff, 0xd0, 0xff, 0xc2, 0x00, 0x0b, 0x08, 0x00, 0x64, 0x00, 0xc8, 0x01, 0x01, 0x11, 0x00, 0xff, 0xd9]),
      'image/jpeg',
      { width: 200, height: 100 },
    ],
    ['JPEG whose scan starts before any frame header', Uint8Array.from([0xff, 0xd8, 0xff, 0xda, 0x00, 0x02, 0x00, 0x00, 0xff, 0xd9]), 'image/jpeg', null],
    ['JPEG with garbage between segments', Uint8Array.from([0xff, 0xd8, 0x12, 0x34, 0x56, 0x78, 0xff, 0xd9]), 'image/jpeg', null],
    ['JPEG with no frame header', Uint8Array.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x04, 0x00, 0x00, 0xff, 0xd9]), 'image/jpeg', null],
    ['JPEG cut before its frame header', readReceipt('sroie-000.jpg').subarray(0, 30), 'image/jpeg', null],
    ['PNG of zero width', png(0, 5), 'image/png', null],
  ])('reads a %s', (_, bytes, mime, dimensions) => {
    expect(readImageDimensions(bytes, mime)).toEqual(dimensions);
  });
});
