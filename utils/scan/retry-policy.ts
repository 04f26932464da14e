import { capturedSource } from '../receipt-format';
import type { ScanError, ScanErrorCode } from '../scan-error';

/** Scans retried by themselves at most this often; after that, Retry is the user's. */
export const MAX_AUTOMATIC_ATTEMPTS = 4;
const BACKOFF_BASE_MS = 2_000;
const BACKOFF_CAP_MS = 2 * 60_000;
const RATE_LIMIT_MARGIN_MS = 5_000;

/** Transient failures pass by themselves; a full disk or a bug does not get better by waiting. */
export function retriesAutomatically(error: ScanError): boolean {
  return error.retryable && error.code !== 'storage-full' && error.code !== 'unexpected';
}

/** Exponential backoff with jitter; a rate limit waits out its own window instead. */
export function retryDelay(error: ScanError, attempts: number, random: () => number): number {
  if (error.retryAfterMs !== undefined) return error.retryAfterMs + Math.round(random() * RATE_LIMIT_MARGIN_MS);
  const ceiling = Math.min(BACKOFF_CAP_MS, BACKOFF_BASE_MS * 2 ** Math.max(0, attempts - 1));
  return Math.round(ceiling / 2 + random() * (ceiling / 2));
}

/** Failures no second try can mend: the source is gone or can never be read, and nothing was kept to read again. */
const HOPELESS: ReadonlySet<ScanErrorCode> = new Set<ScanErrorCode>([
  'not-found', 'blob-gone', 'original-missing', 'unsupported-source', 'address-too-long', 'credentials-in-address',
  'redirect-to-local', 'image-damaged', 'too-many-pixels', 'unknown-pixel-size', 'empty', 'not-kept',
]);

/**
 * Whether pressing Retry can end differently: the original is kept (read again, perhaps with another key or limit), or
 * the failure may pass or be mended by the user (a sign-in, a raised limit or deadline, a cancelled scan).
 */
export function canRetry(receipt: { status: string; original: unknown; error: ScanError | null; source?: { imageUrl: string } }): boolean {
  if (receipt.status !== 'failed') return false;
  // An area or a file came with its bytes: when they were not kept, there is nothing to read again.
  const bytesCameWithIt = receipt.source !== undefined && capturedSource(receipt.source.imageUrl) !== undefined;
  if (bytesCameWithIt && receipt.original === null) return false;
  return receipt.original !== null || receipt.error === null || !HOPELESS.has(receipt.error.code);
}
