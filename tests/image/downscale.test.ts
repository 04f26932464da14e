import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { fitImageToLimit, makeThumbnail, type CanvasEnv, type Context2DLike, type ImageBitmapLike } from '../../utils/image/downscale';
import { readImageDimensions } from '../../utils/image/image-dimensions';
import { ScanFailure, scanErrors, type ScanError } from '../../utils/scan-error';

const MB = 1024 * 1024;
const receiptBlob = (name: string) => new Blob([readFileSync(`../shared/receipts-dev/images/${name}`)], { type: 'image/jpeg' });

const be32 = (value: number) => [value >>> 24, (value >>> 16) & 0xff, (value >>> 8) & 0xff, value & 0xff];
const chunk = (type: string, data: number[]) => [...be32(data.length), ...Array.from(type, (char) => char.charCodeAt(0)), ...data, 0, 0, 0, 0];
/** A structurally whole PNG of the given pixel size, padded with an IDAT chunk to the given byte size. */
function pngBlob(width: number, height: number, size: number): Blob {
  const head = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, ...chunk('IHDR', [...be32(width), ...be32(height), 8, 2, 0, 0, 0])];
  const filler = new Array<number>(Math.max(0, size - head.length - 24)).fill(0x55);
  return new Blob([Uint8Array.from([...head, ...chunk('IDAT', filler), ...chunk('IEND', [])])], { type: 'image/png' });
}
const pdfBlob = (size: number) => new Blob([`%PDF-1.4\n${'x'.repeat(Math.max(0, size - 16))}\n%%EOF\n`], { type: 'application/pdf' });

interface Attempt {
  width: number;
  height: number;
  quality: number;
}

/** A canvas whose JPEG size grows with pixels and quality, like a real encoder, and which records every step. */
function createFakeEnv(options: { bytesPerPixel?: number; densityFalloff?: number; decodeFails?: boolean; noContext?: boolean } = {}) {
  const attempts: Attempt[] = [];
  const drawing: string[] = [];
  const bitmaps: { closed: boolean }[] = [];
  const env: CanvasEnv = {
    async createImageBitmap(blob) {
      if (options.decodeFails) throw new DOMException('The source image could not be decoded.', 'InvalidStateError');
      const bytes = new Uint8Array(await blob.arrayBuffer());
      const size = readImageDimensions(bytes, blob.type === 'image/png' ? 'image/png' : 'image/jpeg');
      if (!size) throw new Error('fake decoder needs a readable header');
      const state = { closed: false };
      bitmaps.push(state);
      const bitmap: ImageBitmapLike = { width: size.width, height: size.height, close: () => void (state.closed = true) };
      return bitmap;
    },
    createCanvas(width, height) {
      const context: Context2DLike = {
        fillStyle: '#000000',
        imageSmoothingEnabled: false,
        imageSmoothingQuality: 'low',
        fillRect: (x, y, w, h) => drawing.push(`fillRect ${x} ${y} ${w} ${h} with ${String(context.fillStyle)}`),
        drawImage: (_, x, y, w, h) => drawing.push(`drawImage ${x} ${y} ${w} ${h} smoothing ${context.imageSmoothingQuality}`),
      };
      return {
        getContext: () => (options.noContext ? null : context),
        async convertToBlob({ type, quality }) {
          attempts.push({ width, height, quality });
          // With a falloff, bytes a pixel shrink as the image grows past a megapixel, as real encoders' do.
          const density = (options.bytesPerPixel ?? 0.1) * ((width * height) / 1_000_000) ** -(options.densityFalloff ?? 0);
          return new Blob([new Uint8Array(Math.round(width * height * quality * density))], { type });
        },
      };
    },
  };
  return { env, attempts, drawing, bitmaps };
}

async function failureOf(promise: Promise<unknown>): Promise<ScanError> {
  const error = await promise.then(() => new Error('expected a ScanFailure'), (reason: unknown) => reason);
  if (!(error instanceof ScanFailure)) throw error;
  return error.error;
}

const longSides = (attempts: Attempt[]) => attempts.map(({ width, height }) => Math.max(width, height));

describe('fitImageToLimit', () => {
  it('returns an original that fits unchanged, without decoding it', async () => {
    const fake = createFakeEnv();
    const original = receiptBlob('sroie-000.jpg');
    const fitted = await fitImageToLimit(original, MB, fake.env);
    expect(fitted).toEqual({ blob: original, width: 463, height: 1013, scaled: false });
    expect(fitted.blob).toBe(original);
    expect(fake.bitmaps).toHaveLength(0);
  });

  // Issue 14: a 12 MP photo went up as 2107 px and 240 KB, 23% of the 1024 KB limit, after a full-size encode thrown away;
  // then, predicted from the whole photo drawn small (whose grain averages out), it took four encodes to fit.
  const TILE = (quality: number) => ({ width: 1024, height: 1024, quality });
  const isTile = ({ width, height }: Attempt) => width === 1024 && height === 1024;

  it('measures a tile at full scale, and keeps every pixel at a lower quality when the tile predicts that it fits', async () => {
    // 4961 × 7016 px at 0.1 bytes a pixel and quality: 2.96 MB at 0.85, 2.09 MB at 0.6.
    const fake = createFakeEnv({ bytesPerPixel: 0.1 });
    const fitted = await fitImageToLimit(receiptBlob('sroie-290.jpg'), 2.3 * MB, fake.env);
    expect(fake.attempts).toEqual([TILE(0.7), TILE(0.85), TILE(0.6), { width: 4961, height: 7016, quality: 0.6 }]);
    expect(fitted).toMatchObject({ width: 4961, height: 7016, scaled: true });
    expect(fitted.blob.type).toBe('image/jpeg');
    expect(fake.bitmaps).toEqual([{ closed: true }]);
  });

  it.each([0.25, 0.5, 1, 1.5])('scales to fill a %f MB limit, 80 to 100% of it, keeping the aspect ratio, in one encode of the whole image', async (limitMb) => {
    const fake = createFakeEnv({ bytesPerPixel: 0.1 });
    const limit = limitMb * MB;
    const fitted = await fitImageToLimit(receiptBlob('sroie-290.jpg'), limit, fake.env);
    // Full size is measured at the qualities that keep every pixel only when it could come near the limit.
    expect(fake.attempts.filter(isTile)).toEqual(limitMb >= 1.5 ? [TILE(0.7), TILE(0.85), TILE(0.6)] : [TILE(0.7)]);
    expect(fake.attempts.filter((attempt) => !isTile(attempt))).toHaveLength(1);
    expect(fake.attempts.every(({ width }) => width < 4961)).toBe(true);
    expect(fitted.blob.size).toBeLessThanOrEqual(limit);
    expect(fitted.blob.size).toBeGreaterThanOrEqual(limit * 0.8);
    expect(Math.abs(fitted.width / fitted.height - 4961 / 7016)).toBeLessThan(0.01);
  });

  it('cuts the tile from squares spread over the whole image, at full scale', async () => {
    const fake = createFakeEnv({ bytesPerPixel: 0.1 });
    await fitImageToLimit(receiptBlob('sroie-290.jpg'), MB, fake.env);
    const cells = fake.drawing.filter((step) => / 256 256 smoothing/.test(step));
    expect(cells).toHaveLength(16);
    const corners = cells.map((step) => step.split(' ').slice(1, 3).map(Number) as [number, number]);
    expect(Math.min(...corners.map(([x]) => x))).toBeLessThan(4961 / 8);
    expect(Math.max(...corners.map(([x]) => x + 256))).toBeGreaterThan((4961 * 7) / 8);
    expect(Math.max(...corners.map(([, y]) => y + 256))).toBeGreaterThan((7016 * 7) / 8);
  });

  it('encodes an image no larger than the tile once a quality, the tile being the whole image', async () => {
    const fake = createFakeEnv({ bytesPerPixel: 0.1 });
    const fitted = await fitImageToLimit(pngBlob(800, 1000, 90_000), 60_000, fake.env);
    expect(fake.attempts).toEqual([{ width: 800, height: 1000, quality: 0.85 }, { width: 800, height: 1000, quality: 0.6 }]);
    expect(fitted).toMatchObject({ width: 800, height: 1000, scaled: true });
  });

  it('fills the limit when the encoder packs large images tighter than the small first encode predicts', async () => {
    // Real JPEGs take fewer bytes a pixel the larger they are: the first guess lands low, and is made larger.
    const fake = createFakeEnv({ bytesPerPixel: 0.1, densityFalloff: 0.2 });
    const fitted = await fitImageToLimit(receiptBlob('sroie-290.jpg'), MB, fake.env);
    expect(fitted.blob.size).toBeLessThanOrEqual(MB);
    expect(fitted.blob.size).toBeGreaterThanOrEqual(0.8 * MB);
    expect(fake.attempts.every(({ width }) => width < 4961)).toBe(true);
  });

  it('stops at 1500 px on the long side when that fits', async () => {
    const fake = createFakeEnv({ bytesPerPixel: 0.1 });
    const atLegibleFloor = Math.round(1061 * 1500 * 0.6 * 0.1);
    const fitted = await fitImageToLimit(receiptBlob('sroie-290.jpg'), atLegibleFloor, fake.env);
    expect(longSides(fake.attempts).at(-1)).toBe(1500);
    expect(fitted).toMatchObject({ width: 1061, height: 1500, scaled: true });
  });

  it('goes below 1500 px only after 1500 px was tried, and not below 800 px', async () => {
    const fake = createFakeEnv({ bytesPerPixel: 0.1 });
    const fitted = await fitImageToLimit(receiptBlob('sroie-290.jpg'), 60_000, fake.env);
    const sides = longSides(fake.attempts.slice(1));
    expect(sides).toContain(1500);
    expect(sides.at(-1)).toBeLessThan(1500);
    expect(sides.at(-1)).toBeGreaterThanOrEqual(800);
    expect(fitted.blob.size).toBeLessThanOrEqual(60_000);
  });

  it('gives up with stillTooLarge after trying 800 px, and closes the bitmap', async () => {
    const fake = createFakeEnv({ bytesPerPixel: 0.1 });
    const error = await failureOf(fitImageToLimit(receiptBlob('sroie-304.jpg'), 20_000, fake.env));
    expect(error).toEqual(scanErrors.stillTooLarge(20_000));
    expect(longSides(fake.attempts).at(-1)).toBe(800);
    expect(fake.bitmaps).toEqual([{ closed: true }]);
  });

  it('draws on a white background with high-quality smoothing', async () => {
    const fake = createFakeEnv({ bytesPerPixel: 0.01 });
    await fitImageToLimit(pngBlob(300, 200, 5000), 4000, fake.env);
    expect(fake.drawing).toEqual(['fillRect 0 0 300 200 with #ffffff', 'drawImage 0 0 300 200 smoothing high']);
  });

  it.each([
    [30_000, 40_000, 'The image is 30000 × 40000 pixels (1200 megapixels); images up to 100 megapixels and 20000 pixels a side can be scanned.'],
    [25_000, 100, 'The image is 25000 × 100 pixels (3 megapixels); images up to 100 megapixels and 20000 pixels a side can be scanned.'],
    [10_001, 10_000, 'The image is 10001 × 10000 pixels (100 megapixels); images up to 100 megapixels and 20000 pixels a side can be scanned.'],
  ])('refuses %i × %i pixels before decoding', async (width, height, message) => {
    const fake = createFakeEnv();
    const error = await failureOf(fitImageToLimit(pngBlob(width, height, 5000), 1000, fake.env));
    expect(error).toEqual({ code: 'too-many-pixels', message, retryable: false });
    expect(fake.bitmaps).toHaveLength(0);
  });

  it('accepts exactly 100 megapixels', async () => {
    const fake = createFakeEnv({ bytesPerPixel: 0.000001 });
    const fitted = await fitImageToLimit(pngBlob(10_000, 10_000, 5000), 1000, fake.env);
    expect(fitted).toMatchObject({ width: 10_000, height: 10_000, scaled: true });
  });

  it('refuses an oversized PDF, which cannot be shrunk', async () => {
    const fake = createFakeEnv();
    const error = await failureOf(fitImageToLimit(pdfBlob(3 * MB), MB, fake.env));
    expect(error).toEqual(scanErrors.pdfTooLarge(3 * MB, MB));
    expect(error.message).toBe('The PDF is 3 MB, over the 1 MB upload limit, and PDFs cannot be shrunk. Scan a smaller PDF or an image of the receipt.');
  });

  it('refuses an oversized TIFF, which the browser cannot decode, without trying to', async () => {
    const fake = createFakeEnv();
    const tiff = new Uint8Array(3 * MB);
    tiff.set([0x49, 0x49, 0x2a, 0x00, 8, 0, 0, 0]);
    expect(await failureOf(fitImageToLimit(new Blob([tiff], { type: 'image/tiff' }), MB, fake.env))).toEqual(scanErrors.cannotShrinkType('TIFF', 3 * MB, MB));
    expect(fake.bitmaps).toEqual([]);
  });

  it('passes a PDF that fits through unchanged, with unknown dimensions', async () => {
    const original = pdfBlob(1000);
    expect(await fitImageToLimit(original, MB, createFakeEnv().env)).toEqual({ blob: original, width: 0, height: 0, scaled: false });
  });

  it.each([
    ['the browser cannot decode it', { decodeFails: true }, 'the browser could not decode its pixels.'],
    ['there is no 2D canvas', { noContext: true }, 'no 2D canvas is available.'],
  ])('says why when %s', async (_, options, reason) => {
    const fake = createFakeEnv(options);
    expect(await failureOf(fitImageToLimit(pngBlob(300, 200, 5000), 4000, fake.env))).toEqual(scanErrors.imageUnreadable(reason));
    expect(fake.bitmaps.every(({ closed }) => closed)).toBe(true);
  });

  it('refuses bytes that are not an image', async () => {
    const error = await failureOf(fitImageToLimit(new Blob(['<html></html>']), 5, createFakeEnv().env));
    expect(error).toEqual(scanErrors.notAnImage('an HTML page'));
  });
});

describe('makeThumbnail', () => {
  it.each([
    ['a tall receipt', receiptBlob('sroie-000.jpg'), 200, { width: 91, height: 200 }],
    ['a wide image', pngBlob(1000, 500, 200), 100, { width: 100, height: 50 }],
    ['an image already small', pngBlob(150, 100, 200), 200, { width: 150, height: 100 }],
  ])('draws %s within the longest side as a JPEG at quality 0.7', async (_, original, maxSide, size) => {
    const fake = createFakeEnv();
    const thumbnail = await makeThumbnail(original, fake.env, maxSide);
    expect(fake.attempts).toEqual([{ ...size, quality: 0.7 }]);
    expect(thumbnail.type).toBe('image/jpeg');
    expect(thumbnail.size).toBe(Math.round(size.width * size.height * 0.7 * 0.1));
    expect(fake.drawing[0]).toBe(`fillRect 0 0 ${size.width} ${size.height} with #ffffff`);
    expect(fake.bitmaps).toEqual([{ closed: true }]);
  });

  it('rejects a PDF, which callers show without a thumbnail', async () => {
    const error = await failureOf(makeThumbnail(pdfBlob(1000), createFakeEnv().env));
    expect(error).toEqual(scanErrors.imageUnreadable('PDF pages cannot be drawn as a thumbnail.'));
  });

  it('refuses absurd sizes before decoding', async () => {
    const fake = createFakeEnv();
    const error = await failureOf(makeThumbnail(pngBlob(50_000, 50_000, 200), fake.env));
    expect(error.code).toBe('too-many-pixels');
    expect(fake.bitmaps).toHaveLength(0);
  });
});
