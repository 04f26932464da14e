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
  drawImage(image: ImageBitmapLike, sx: number, sy: number, sw: number, sh: number, dx: number, dy: number, dw: number, dh: number): void;
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
/**
 * The side of the tile, cut from the middle of the image at full scale, whose encodes predict the sizes that fit: bytes a
 * pixel at full detail (a whole photo drawn small has far fewer, as its grain and edges average out).
 */
const TILE_SIDE = 1024;
/** The middle of a receipt is its densest part: a full-size encode is tried when the tile says it comes within this of the limit. */
const FULL_SIZE_LEEWAY = 1.1;
/** A JPEG at the lowest full-size quality takes at least this share of its bytes at the scaling quality (about 80% on photos). */
const LOWER_QUALITY_SHARE = 0.6;
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

/** A part of the bitmap at full scale (`sx`, `sy`, `side` square) drawn at (`dx`, `dy`) of a tile. */
interface MosaicCell {
  sx: number;
  sy: number;
  dx: number;
  dy: number;
  side: number;
}

/** Cells per side of the tile: parts of the whole image, its margins and its print, each a whole number of JPEG blocks. */
const MOSAIC_CELLS = 4;

/** The tile as a mosaic of squares taken at full scale from a grid over the whole image, so it holds what the image holds. */
function mosaicCells(bitmap: ImageBitmapLike, tile: { width: number; height: number }): MosaicCell[] {
  const side = Math.floor(Math.min(tile.width, tile.height) / MOSAIC_CELLS / 16) * 16 || Math.min(tile.width, tile.height);
  const across = Math.max(1, Math.floor(tile.width / side));
  const down = Math.max(1, Math.floor(tile.height / side));
  const cells: MosaicCell[] = [];
  for (let row = 0; row < down; row++) {
    for (let column = 0; column < across; column++) {
      const sx = Math.round(((bitmap.width - side) * (column + 0.5)) / across);
      const sy = Math.round(((bitmap.height - side) * (row + 0.5)) / down);
      cells.push({ sx, sy, dx: column * side, dy: row * side, side });
    }
  }
  return cells;
}

/** The bitmap drawn at `width` × `height` as a JPEG; with `cells`, those parts of it at full scale instead. */
async function drawJpeg(bitmap: ImageBitmapLike, width: number, height: number, quality: number, env: CanvasEnv, cells?: readonly MosaicCell[]): Promise<Blob> {
  const canvas = env.createCanvas(width, height);
  const context = canvas.getContext('2d');
  if (!context) throw new ScanFailure(scanErrors.imageUnreadable('no 2D canvas is available.'));
  // JPEG has no transparency: transparent receipt backgrounds would otherwise turn black.
  context.fillStyle = '#ffffff';
  context.fillRect(0, 0, width, height);
  context.imageSmoothingEnabled = true;
  context.imageSmoothingQuality = 'high';
  if (cells) for (const { sx, sy, dx, dy, side } of cells) context.drawImage(bitmap, sx, sy, side, side, dx, dy, side, side);
  else context.drawImage(bitmap, 0, 0, width, height);
  return canvas.convertToBlob({ type: 'image/jpeg', quality });
}

const sizeForLongSide = (bitmap: ImageBitmapLike, longSide: number) => {
  const scale = longSide / Math.max(bitmap.width, bitmap.height);
  return { width: Math.max(1, Math.round(bitmap.width * scale)), height: Math.max(1, Math.round(bitmap.height * scale)) };
};

/** Bytes a pixel at one quality, learnt from the encodes at it: the long side whose encode should come to a number of bytes. */
function createSizeModel(bytesPerPixel: number) {
  let perPixel = bytesPerPixel;
  return {
    learn: (size: number, pixelCount: number) => void (perPixel = size / pixelCount),
    longSideFor: (bitmap: ImageBitmapLike, targetBytes: number) =>
      Math.floor(Math.sqrt(targetBytes / perPixel / (bitmap.width * bitmap.height)) * Math.max(bitmap.width, bitmap.height)),
  };
}

/** Legible first: never below 1500 px on the long side while that could still fit, never below 800 px at all. */
const clampLongSide = (wanted: number, full: number, legibleTried: boolean) =>
  Math.min(full, Math.max(legibleTried ? SMALLEST_LONG_SIDE : Math.min(full, LEGIBLE_LONG_SIDE), wanted));

/**
 * As many pixels as fit: full size at a JPEG quality that fits when one does, else scaled to fill the limit (at least
 * 80% of it). A tile from the middle, encoded at full scale, predicts the sizes, so no full-size encode that cannot fit
 * is made and thrown away, and the first scaled encode is most often the one that goes up.
 */
async function shrink(bitmap: ImageBitmapLike, limitBytes: number, env: CanvasEnv): Promise<FittedImage> {
  const fullPixels = bitmap.width * bitmap.height;
  const fullLong = Math.max(bitmap.width, bitmap.height);
  const encode = async (longSide: number, quality: number) => {
    const { width, height } = longSide >= fullLong ? { width: bitmap.width, height: bitmap.height } : sizeForLongSide(bitmap, longSide);
    return { blob: await drawJpeg(bitmap, width, height, quality, env), width, height };
  };
  const tile = { width: Math.min(TILE_SIDE, bitmap.width), height: Math.min(TILE_SIDE, bitmap.height) };
  const tileIsWhole = tile.width === bitmap.width && tile.height === bitmap.height;
  const cells = tileIsWhole ? undefined : mosaicCells(bitmap, tile);
  /** Bytes a pixel at full scale and each quality, from the tile or a full-size encode. */
  const perPixel = new Map<number, number>();
  const measure = async (quality: number): Promise<number> => {
    const known = perPixel.get(quality);
    if (known !== undefined) return known;
    const bytes = (await drawJpeg(bitmap, tile.width, tile.height, quality, env, cells)).size / (tile.width * tile.height);
    perPixel.set(quality, bytes);
    return bytes;
  };
  // Full size is tried at the qualities that keep every pixel, unless at the scaling quality it is so far over the limit
  // that no lower quality brings it under. An image no larger than the tile is encoded whole at once: that is its tile.
  const fullSizeMayFit = tileIsWhole || fullPixels * (await measure(SCALED_QUALITY)) * LOWER_QUALITY_SHARE <= limitBytes * FULL_SIZE_LEEWAY;
  for (const quality of fullSizeMayFit ? FULL_SIZE_QUALITIES : []) {
    if (!tileIsWhole && fullPixels * (await measure(quality)) > limitBytes * FULL_SIZE_LEEWAY) continue;
    const full = await encode(fullLong, quality);
    if (full.blob.size <= limitBytes) return { ...full, scaled: true };
    perPixel.set(quality, full.blob.size / fullPixels);
  }
  let best: { blob: Blob; width: number; height: number } | null = null;
  let legibleTried = false;
  let quality = SCALED_QUALITY;
  let model = createSizeModel(await measure(quality));
  let longSide = clampLongSide(model.longSideFor(bitmap, limitBytes * TARGET_FILL), fullLong, legibleTried);
  for (let tries = 0; tries < MAX_SCALED_ENCODES; tries++) {
    const scaled = await encode(longSide, quality);
    const size = scaled.blob.size;
    if (size <= limitBytes && (best === null || size > best.blob.size)) best = scaled;
    if (size <= limitBytes && (size >= limitBytes * MIN_FILL || longSide >= fullLong)) break;
    model.learn(size, scaled.width * scaled.height);
    if (size > limitBytes && longSide === LEGIBLE_LONG_SIDE && quality !== FLOOR_QUALITY) {
      // The floor quality's bytes a pixel, scaled from what this encode took.
      model = createSizeModel(((size / (scaled.width * scaled.height)) * (await measure(FLOOR_QUALITY))) / (await measure(quality)));
      quality = FLOOR_QUALITY;
      continue;
    }
    legibleTried ||= size > limitBytes && longSide <= LEGIBLE_LONG_SIDE;
    const next = clampLongSide(model.longSideFor(bitmap, limitBytes * TARGET_FILL), fullLong, legibleTried);
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
