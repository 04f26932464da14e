import { decodesInBrowser, imageTypeName } from './image-content';
import { readImageDimensions, type ImageDimensions } from './image-dimensions';
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

/** Full size is kept when it fits at one of these qualities: every pixel of small print counts for OCR. */
const FULL_SIZE_QUALITIES = [0.85, 0.6];
const SCALED_QUALITY = 0.7;
/** At the legible floor, a lower quality is tried before fewer pixels. */
const FLOOR_QUALITY = 0.6;
/** A scaled image aims at this share of the limit, and is made larger again when it lands under the lower share. */
const TARGET_FILL = 0.9;
const MIN_FILL = 0.8;
/** The long side of the small first encode whose bytes a pixel predict the sizes that fit. */
const PROBE_LONG_SIDE = 1024;
const MAX_SCALED_ENCODES = 6;
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

/** What the encoder does with this image: bytes a pixel at a quality, learnt from its encodes (JPEG sizes grow about linearly with both). */
function createSizeModel(bytes: number, pixels: number, quality: number) {
  let bytesPerPixelAndQuality = bytes / pixels / quality;
  return {
    predict: (pixelCount: number, atQuality: number) => pixelCount * atQuality * bytesPerPixelAndQuality,
    learn: (size: number, pixelCount: number, atQuality: number) => void (bytesPerPixelAndQuality = size / pixelCount / atQuality),
    /** The long side whose encode should come to `bytes`. */
    longSideFor: (bitmap: ImageBitmapLike, targetBytes: number, atQuality: number) => {
      const pixelCount = targetBytes / atQuality / bytesPerPixelAndQuality;
      return Math.floor(Math.sqrt(pixelCount / (bitmap.width * bitmap.height)) * Math.max(bitmap.width, bitmap.height));
    },
  };
}

/** Legible first: never below 1500 px on the long side while that could still fit, never below 800 px at all. */
const clampLongSide = (wanted: number, full: number, legibleTried: boolean) =>
  Math.min(full, Math.max(legibleTried ? SMALLEST_LONG_SIDE : Math.min(full, LEGIBLE_LONG_SIDE), wanted));

/**
 * As many pixels as fit: full size at a JPEG quality that fits when one does, else scaled to fill the limit (at least
 * 80% of it). A small first encode predicts the sizes, so no full-size encode that cannot fit is made and thrown away.
 */
async function shrink(bitmap: ImageBitmapLike, limitBytes: number, env: CanvasEnv): Promise<FittedImage> {
  const fullPixels = bitmap.width * bitmap.height;
  const fullLong = Math.max(bitmap.width, bitmap.height);
  const encode = async (longSide: number, quality: number) => {
    const { width, height } = longSide >= fullLong ? { width: bitmap.width, height: bitmap.height } : sizeForLongSide(bitmap, longSide);
    return { blob: await drawJpeg(bitmap, width, height, quality, env), width, height };
  };
  const [firstQuality = 0.85] = FULL_SIZE_QUALITIES;
  const probe = await encode(Math.min(fullLong, PROBE_LONG_SIDE), firstQuality);
  const model = createSizeModel(probe.blob.size, probe.width * probe.height, firstQuality);
  if (probe.width === bitmap.width && probe.blob.size <= limitBytes) return { ...probe, scaled: true };
  for (const quality of FULL_SIZE_QUALITIES) {
    if (probe.width === bitmap.width && quality === firstQuality) continue;
    if (model.predict(fullPixels, quality) > limitBytes) continue;
    const full = await encode(fullLong, quality);
    if (full.blob.size <= limitBytes) return { ...full, scaled: true };
    model.learn(full.blob.size, fullPixels, quality);
  }
  let best: { blob: Blob; width: number; height: number } | null = null;
  let legibleTried = false;
  let quality = SCALED_QUALITY;
  let longSide = clampLongSide(model.longSideFor(bitmap, limitBytes * TARGET_FILL, quality), fullLong, legibleTried);
  for (let tries = 0; tries < MAX_SCALED_ENCODES; tries++) {
    const scaled = await encode(longSide, quality);
    const size = scaled.blob.size;
    if (size <= limitBytes && (best === null || size > best.blob.size)) best = scaled;
    if (size <= limitBytes && (size >= limitBytes * MIN_FILL || longSide >= fullLong)) break;
    model.learn(size, scaled.width * scaled.height, quality);
    if (size > limitBytes && longSide === LEGIBLE_LONG_SIDE && quality !== FLOOR_QUALITY) {
      quality = FLOOR_QUALITY;
      continue;
    }
    legibleTried ||= size > limitBytes && longSide <= LEGIBLE_LONG_SIDE;
    const next = clampLongSide(model.longSideFor(bitmap, limitBytes * TARGET_FILL, quality), fullLong, legibleTried);
    // Under the limit but small: larger, unless that size was already tried.
    if (next === longSide || (size <= limitBytes && best !== null && next <= Math.max(best.width, best.height))) break;
    if (size > limitBytes && longSide <= SMALLEST_LONG_SIDE) break;
    longSide = size > limitBytes ? Math.min(next, Math.floor(longSide * 0.97)) : next;
  }
  if (best) return { ...best, scaled: true };
  throw new ScanFailure(scanErrors.stillTooLarge(limitBytes));
}

/** A bitmap fitted to the upload limit: as it is no longer needed for the upload, the caller keeps it (for a thumbnail) and closes it. */
export async function fitBitmapToLimit(bitmap: ImageBitmapLike, limitBytes: number, env: CanvasEnv): Promise<FittedImage> {
  assertDecodable({ width: bitmap.width, height: bitmap.height });
  return shrink(bitmap, limitBytes, env);
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
    return await fitBitmapToLimit(bitmap, limitBytes, env);
  } finally {
    bitmap.close();
  }
}

/**
 * Decodes an image part once, for every use of its pixels (the check that its data decodes, shrinking, the thumbnail).
 * Refuses sizes over the pixel limits before decoding, and with 'image-damaged' data the browser's decoder refuses.
 */
export async function decodeImage(part: Blob, mime: ImageMime, dimensions: ImageDimensions | null, env: CanvasEnv): Promise<ImageBitmapLike> {
  if (mime === 'application/pdf') throw new ScanFailure(scanErrors.imageUnreadable('PDF pages cannot be drawn as a thumbnail.'));
  assertDecodable(dimensions, part.size, mime);
  return decode(part, env, explainThumbnailDecode(mime));
}

/** A small JPEG for the receipt list, drawn from a bitmap already decoded; the caller closes the bitmap. */
export async function drawThumbnail(bitmap: ImageBitmapLike, env: CanvasEnv, maxSide = 200): Promise<Blob> {
  const longSide = Math.max(bitmap.width, bitmap.height);
  const { width, height } = longSide > maxSide ? sizeForLongSide(bitmap, maxSide) : { width: bitmap.width, height: bitmap.height };
  return drawJpeg(bitmap, width, height, THUMBNAIL_QUALITY, env);
}

/**
 * A small JPEG for the receipt list. Rejects (ScanFailure) for what the browser cannot decode: PDFs, and with
 * 'image-damaged' an image whose data the browser's decoder refuses.
 */
export async function makeThumbnail(original: Blob, env: CanvasEnv, maxSide = 200): Promise<Blob> {
  const { mime, dimensions } = await readHeader(original);
  const bitmap = await decodeImage(original, mime, dimensions, env);
  try {
    return await drawThumbnail(bitmap, env, maxSide);
  } finally {
    bitmap.close();
  }
}
