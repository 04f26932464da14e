import { decodesInBrowser, imageTypeName } from './image-content';
import { readImageDimensions } from './image-dimensions';
import { sniffImageType } from './image-type';
import { assertDecodable } from './pixel-limits';
import type { ImageMime } from '../receipt';
import { ScanFailure, scanErrors, type ScanError } from '../scan-error';

export { assertDecodable } from './pixel-limits';

/** The parts of ImageBitmap, OffscreenCanvas and its 2D context this file uses, so tests can pass fakes. */
export interface ImageBitmapLike {
  readonly width: number;
  readonly height: number;
  close(): void;
}

export interface Context2DLike {
  fillStyle: unknown;
  imageSmoothingEnabled: boolean;
  imageSmoothingQuality: 'low' | 'medium' | 'high';
  fillRect(x: number, y: number, width: number, height: number): void;
  drawImage(image: ImageBitmapLike, dx: number, dy: number, dw: number, dh: number): void;
}

export interface CanvasLike {
  getContext(contextId: '2d'): Context2DLike | null;
  convertToBlob(options: { type: string; quality: number }): Promise<Blob>;
}

export interface CanvasEnv {
  createImageBitmap: (blob: Blob) => Promise<ImageBitmapLike>;
  createCanvas: (width: number, height: number) => CanvasLike;
}

export interface FittedImage {
  blob: Blob;
  /** Pixel size of the blob; 0 when an unchanged original's header does not say (TIFF, PDF). */
  width: number;
  height: number;
  scaled: boolean;
}

const FULL_SIZE_QUALITIES = [0.85, 0.75, 0.65, 0.6];
const SCALED_QUALITY = 0.6;
const HOPELESS_BY_QUALITY = 2.5;
/** Below this long side small receipt print starts to blur for OCR; only crossed when nothing else fits. */
const LEGIBLE_LONG_SIDE = 1500;
const SMALLEST_LONG_SIDE = 800;
const THUMBNAIL_QUALITY = 0.7;

async function readHeader(original: Blob) {
  const bytes = new Uint8Array(await original.arrayBuffer());
  const type = sniffImageType(bytes);
  if (!type.ok) throw new ScanFailure(type.error);
  return { mime: type.mime, size: bytes.byteLength, dimensions: readImageDimensions(bytes, type.mime) };
}

const CANNOT_DECODE = scanErrors.imageUnreadable('the browser could not decode its pixels.');

async function decode(original: Blob, env: CanvasEnv, explain: (error: unknown) => ScanError = () => CANNOT_DECODE): Promise<ImageBitmapLike> {
  try {
    return await env.createImageBitmap(original);
  } catch (error) {
    throw new ScanFailure(explain(error));
  }
}

/** Browsers reject undecodable data with a DOMException; anything else (no decoder at all) says nothing of the image. */
const explainThumbnailDecode = (mime: ImageMime) => (error: unknown) => (error instanceof DOMException ? scanErrors.imageDamaged(imageTypeName(mime)) : CANNOT_DECODE);

async function drawJpeg(bitmap: ImageBitmapLike, width: number, height: number, quality: number, env: CanvasEnv): Promise<Blob> {
  const canvas = env.createCanvas(width, height);
  const context = canvas.getContext('2d');
  if (!context) throw new ScanFailure(scanErrors.imageUnreadable('no 2D canvas is available.'));
  // JPEG has no transparency: transparent receipt backgrounds would otherwise turn black.
  context.fillStyle = '#ffffff';
  context.fillRect(0, 0, width, height);
  context.imageSmoothingEnabled = true;
  context.imageSmoothingQuality = 'high';
  context.drawImage(bitmap, 0, 0, width, height);
  return canvas.convertToBlob({ type: 'image/jpeg', quality });
}

const sizeForLongSide = (bitmap: ImageBitmapLike, longSide: number) => {
  const scale = longSide / Math.max(bitmap.width, bitmap.height);
  return { width: Math.max(1, Math.round(bitmap.width * scale)), height: Math.max(1, Math.round(bitmap.height * scale)) };
};

/** Next long side to try: at least 15% smaller, further when the last size was far over, never skipping the legible floor. */
function nextLongSide(current: number, lastSize: number, limitBytes: number): number {
  const estimate = Math.floor(current * Math.min(0.85, Math.sqrt(limitBytes / lastSize) * 0.95));
  if (current > LEGIBLE_LONG_SIDE && estimate < LEGIBLE_LONG_SIDE) return LEGIBLE_LONG_SIDE;
  return Math.max(SMALLEST_LONG_SIDE, estimate);
}

async function shrink(bitmap: ImageBitmapLike, limitBytes: number, env: CanvasEnv): Promise<FittedImage> {
  let lastSize = Infinity;
  for (const quality of FULL_SIZE_QUALITIES) {
    const blob = await drawJpeg(bitmap, bitmap.width, bitmap.height, quality, env);
    if (blob.size <= limitBytes) return { blob, width: bitmap.width, height: bitmap.height, scaled: true };
    lastSize = blob.size;
    // Quality alone rarely more than halves a JPEG: when far over, spare the slow full-size encodes.
    if (lastSize > limitBytes * HOPELESS_BY_QUALITY) break;
  }
  let longSide = Math.max(bitmap.width, bitmap.height);
  while (longSide > SMALLEST_LONG_SIDE) {
    longSide = nextLongSide(longSide, lastSize, limitBytes);
    const { width, height } = sizeForLongSide(bitmap, longSide);
    const blob = await drawJpeg(bitmap, width, height, SCALED_QUALITY, env);
    if (blob.size <= limitBytes) return { blob, width, height, scaled: true };
    lastSize = blob.size;
  }
  throw new ScanFailure(scanErrors.stillTooLarge(limitBytes));
}

/**
 * Makes an original fit the OCR upload limit: unchanged when it already fits, else re-encoded as JPEG,
 * first lowering the quality, then the size. PDFs and TIFFs cannot be decoded here, so oversized ones are refused.
 */
export async function fitImageToLimit(original: Blob, limitBytes: number, env: CanvasEnv): Promise<FittedImage> {
  const { mime, size, dimensions } = await readHeader(original);
  if (size <= limitBytes) {
    return { blob: original, width: dimensions?.width ?? 0, height: dimensions?.height ?? 0, scaled: false };
  }
  if (mime === 'application/pdf') throw new ScanFailure(scanErrors.pdfTooLarge(size, limitBytes));
  if (!decodesInBrowser(mime)) throw new ScanFailure(scanErrors.cannotShrinkType(imageTypeName(mime), size, limitBytes));
  assertDecodable(dimensions, size, mime);
  const bitmap = await decode(original, env);
  try {
    assertDecodable({ width: bitmap.width, height: bitmap.height });
    return await shrink(bitmap, limitBytes, env);
  } finally {
    bitmap.close();
  }
}

/**
 * A small JPEG for the receipt list. Rejects (ScanFailure) for what the browser cannot decode: PDFs, and with
 * 'image-damaged' an image whose data the browser's decoder refuses.
 */
export async function makeThumbnail(original: Blob, env: CanvasEnv, maxSide = 200): Promise<Blob> {
  const { mime, size, dimensions } = await readHeader(original);
  if (mime === 'application/pdf') throw new ScanFailure(scanErrors.imageUnreadable('PDF pages cannot be drawn as a thumbnail.'));
  assertDecodable(dimensions, size, mime);
  const bitmap = await decode(original, env, explainThumbnailDecode(mime));
  try {
    const longSide = Math.max(bitmap.width, bitmap.height);
    const { width, height } = longSide > maxSide ? sizeForLongSide(bitmap, maxSide) : { width: bitmap.width, height: bitmap.height };
    return await drawJpeg(bitmap, width, height, THUMBNAIL_QUALITY, env);
  } finally {
    bitmap.close();
  }
}
