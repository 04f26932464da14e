import { makeThumbnail, type CanvasEnv } from '../image/downscale';
import { assertImageData, decodesInBrowser, imagePart } from '../image/image-content';
import { readImageDimensions } from '../image/image-dimensions';
import { sniffImageType, type SniffOptions } from '../image/image-type';
import { assertDecodable } from '../image/pixel-limits';
import type { ImageMime, OriginalInfo, ReceiptRecord } from '../receipt';
import type { ReceiptRepository } from '../storage/receipt-repository';
import { ScanFailure } from '../scan-error';
import { sha256Hex } from '../image/sha256';

export interface KeepOriginalEnv {
  repository: Pick<ReceiptRepository, 'findBySha256' | 'storeOriginal'>;
  /**
   * Absent where no canvas exists (unit tests): then no thumbnail, and an image's data is only checked by its
   * structure (a JPEG needs a frame and a scan), not decoded.
   */
  canvas: CanvasEnv | null;
}

function copyBytes(bytes: Uint8Array): Uint8Array<ArrayBuffer> {
  const copy = new Uint8Array(bytes.byteLength);
  copy.set(bytes);
  return copy;
}

/** Refusals that say the image itself is bad; any other thumbnail failure costs a picture in the list, never the scan. */
const REFUSING_CODES = new Set(['image-damaged', 'too-many-pixels', 'unknown-pixel-size']);

/** The list thumbnail, drawn from the image part; decoding it is also the check that the image data decodes. */
async function makeListThumbnail(part: Blob, mime: ImageMime, canvas: CanvasEnv | null): Promise<Blob | null> {
  if (!canvas || !decodesInBrowser(mime)) return null;
  return makeThumbnail(part, canvas).catch((error: unknown) => {
    if (error instanceof ScanFailure && REFUSING_CODES.has(error.error.code)) throw error;
    return null;
  });
}

/**
 * Checks that the downloaded bytes are an image whose data decodes, then stores them as they came as receipt `id`'s
 * original with its SHA-256 and a list thumbnail. When the same image is already stored, stores nothing and returns
 * that receipt. `whole` says the bytes are all the source has, so a cut file is not worth downloading again.
 */
export async function keepOriginal(env: KeepOriginalEnv, id: string, bytes: Uint8Array, options: SniffOptions = {}): Promise<ReceiptRecord | null> {
  const type = sniffImageType(bytes, options);
  if (!type.ok) throw new ScanFailure(type.error);
  const part = imagePart(bytes, type.mime);
  assertDecodable(readImageDimensions(part, type.mime));
  assertImageData(part, type.mime);
  const info: OriginalInfo = { sha256: await sha256Hex(bytes), mime: type.mime, extension: type.extension, size: bytes.byteLength };
  // A cheap look first spares the thumbnail; storeOriginal checks again in its own transaction, which decides.
  const existing = (await env.repository.findBySha256(info.sha256)).find((receipt) => receipt.id !== id);
  if (existing) return existing;
  const original = new Blob([copyBytes(bytes)], { type: type.mime });
  const thumbnail = await makeListThumbnail(original.slice(0, part.byteLength, type.mime), type.mime, env.canvas);
  const outcome = await env.repository.storeOriginal(id, original, info, thumbnail);
  return outcome.kind === 'duplicate' ? outcome.existing : null;
}
