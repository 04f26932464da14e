import { decodeImage, type CanvasEnv, type ImageBitmapLike } from '../image/downscale';
import { assertImageData, decodesInBrowser, imagePart } from '../image/image-content';
import { readImageDimensions, type ImageDimensions } from '../image/image-dimensions';
import { sniffImageType, type SniffOptions } from '../image/image-type';
import { assertDecodable } from '../image/pixel-limits';
import type { OriginalInfo, ReceiptRecord } from '../receipt';
import type { ReceiptRepository, StoredOriginalOutcome } from '../storage/receipt-repository';
import { ScanFailure } from '../scan-error';
import { sha256Hex } from '../image/sha256';

export interface KeepOriginalEnv {
  repository: Pick<ReceiptRepository, 'storeOriginal' | 'dropOriginal'>;
  /** Absent where no canvas exists (unit tests): then an image's data is only checked by its structure (a JPEG needs a frame and a scan), not decoded. */
  canvas: CanvasEnv | null;
}

/** An original just stored, with what the upload needs, so nothing is read back: its bytes, and its pixels when decoded. */
export interface KeptOriginal {
  kind: 'stored';
  receipt: ReceiptRecord;
  bytes: Uint8Array<ArrayBuffer>;
  /** The one decode of the scan (null without a canvas, or for types the browser cannot decode); whoever holds it closes it. */
  bitmap: ImageBitmapLike | null;
}

export type KeepOutcome = KeptOriginal | { kind: 'duplicate'; existing: ReceiptRecord };

function copyBytes(bytes: Uint8Array): Uint8Array<ArrayBuffer> {
  const copy = new Uint8Array(bytes.byteLength);
  copy.set(bytes);
  return copy;
}

/** Decoding is the check that the image data decodes: the browser's refusal refuses the scan; no decoder at all does not. */
async function decodeOnce(part: Uint8Array<ArrayBuffer>, mime: OriginalInfo['mime'], dimensions: ImageDimensions | null, canvas: CanvasEnv | null): Promise<ImageBitmapLike | null> {
  if (!canvas || !decodesInBrowser(mime)) return null;
  return decodeImage(new Blob([part], { type: mime }), mime, dimensions, canvas).catch((error: unknown) => {
    if (error instanceof ScanFailure && error.error.code !== 'image-unreadable') throw error;
    return null;
  });
}

/**
 * Checks that the downloaded bytes are an image whose data decodes, and stores them as they came as receipt `id`'s
 * original with its SHA-256, and `edit`'s change of the receipt, in one write. When the same image is already stored,
 * stores nothing and returns that receipt. `whole` says the bytes are all the source has, so a cut file is not worth
 * downloading again. The thumbnail is not made here: the upload comes first.
 */
export async function keepOriginal(
  env: KeepOriginalEnv,
  id: string,
  bytes: Uint8Array,
  options: SniffOptions = {},
  edit?: (receipt: ReceiptRecord) => ReceiptRecord,
): Promise<KeepOutcome> {
  const type = sniffImageType(bytes, options);
  if (!type.ok) throw new ScanFailure(type.error);
  const copy = copyBytes(bytes);
  const part = imagePart(copy, type.mime);
  const dimensions = readImageDimensions(part, type.mime);
  // Sizes over the pixel limits, and unknown sizes in files big enough to hold too many, are refused before any decode.
  if (env.canvas && decodesInBrowser(type.mime)) assertDecodable(dimensions, part.byteLength, type.mime);
  else assertDecodable(dimensions);
  assertImageData(part, type.mime);
  // The decode runs beside the hash and the write, the two slowest steps before the upload; an image whose data does
  // not decode is taken back out, so nothing of it stays.
  const decoding = decodeOnce(part, type.mime, dimensions, env.canvas).then(
    (bitmap) => ({ bitmap }),
    (error: unknown) => ({ error }),
  );
  const info: OriginalInfo = { sha256: await sha256Hex(copy), mime: type.mime, extension: type.extension, size: bytes.byteLength };
  let outcome: StoredOriginalOutcome;
  try {
    // The duplicate check is inside the write's transaction: two scans of one image at the same moment keep it once.
    outcome = await env.repository.storeOriginal(id, new Blob([copy], { type: type.mime }), info, null, edit);
  } catch (error) {
    void decoding.then((decoded) => ('bitmap' in decoded ? decoded.bitmap?.close() : undefined));
    throw error;
  }
  const decoded = await decoding;
  if ('error' in decoded) {
    if (outcome.kind === 'stored') await env.repository.dropOriginal(id);
    throw decoded.error;
  }
  if (outcome.kind === 'duplicate') {
    decoded.bitmap?.close();
    return outcome;
  }
  return { kind: 'stored', receipt: outcome.receipt, bytes: copy, bitmap: decoded.bitmap };
}
