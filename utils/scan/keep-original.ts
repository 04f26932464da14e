import { assertDecodable, makeThumbnail, type CanvasEnv } from '../image/downscale';
import { readImageDimensions } from '../image/image-dimensions';
import { sniffImageType } from '../image/image-type';
import type { OriginalInfo, ReceiptRecord } from '../receipt';
import type { ReceiptRepository } from '../storage/receipt-repository';
import { ScanFailure } from '../scan-error';
import { sha256Hex } from '../image/sha256';

export interface KeepOriginalEnv {
  repository: Pick<ReceiptRepository, 'findBySha256' | 'storeOriginal'>;
  /** Absent where no canvas exists (unit tests): then no thumbnail. */
  canvas: CanvasEnv | null;
}

function copyBytes(bytes: Uint8Array): Uint8Array<ArrayBuffer> {
  const copy = new Uint8Array(bytes.byteLength);
  copy.set(bytes);
  return copy;
}

async function makeListThumbnail(blob: Blob, info: OriginalInfo, canvas: CanvasEnv | null): Promise<Blob | null> {
  if (!canvas || info.mime === 'application/pdf') return null;
  // A missing thumbnail costs a picture in the list, never the scan.
  return makeThumbnail(blob, canvas).catch(() => null);
}

/**
 * Checks that the downloaded bytes are an image that can be decoded, then stores them as receipt `id`'s original
 * with its SHA-256 and a list thumbnail. When the same image is already stored, stores nothing and returns that receipt.
 */
export async function keepOriginal(env: KeepOriginalEnv, id: string, bytes: Uint8Array): Promise<ReceiptRecord | null> {
  const type = sniffImageType(bytes);
  if (!type.ok) throw new ScanFailure(type.error);
  assertDecodable(readImageDimensions(bytes, type.mime));
  const info: OriginalInfo = { sha256: await sha256Hex(bytes), mime: type.mime, extension: type.extension, size: bytes.byteLength };
  // A cheap look first spares the thumbnail; storeOriginal checks again in its own transaction, which decides.
  const existing = (await env.repository.findBySha256(info.sha256)).find((receipt) => receipt.id !== id);
  if (existing) return existing;
  const blob = new Blob([copyBytes(bytes)], { type: type.mime });
  const outcome = await env.repository.storeOriginal(id, blob, info, await makeListThumbnail(blob, info, env.canvas));
  return outcome.kind === 'duplicate' ? outcome.existing : null;
}
