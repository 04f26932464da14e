/** Every failure a user can meet, as a value: a code, a sentence a person understands, and whether trying again may help. */
export type ScanErrorCode =
  | 'network'
  | 'too-many-redirects'
  | 'redirect-to-local'
  | 'redirect-failed'
  | 'credentials-in-address'
  | 'address-too-long'
  | 'access-denied'
  | 'http-status'
  | 'not-found'
  | 'timeout'
  | 'download-deadline'
  | 'too-large'
  | 'empty'
  | 'not-an-image'
  | 'truncated'
  | 'unsupported-source'
  | 'image-unreadable'
  | 'image-damaged'
  | 'too-many-pixels'
  | 'unknown-pixel-size'
  | 'still-too-large'
  | 'ocr-bad-key'
  | 'ocr-rate-limit'
  | 'ocr-file-too-large'
  | 'ocr-file-type'
  | 'ocr-timeout'
  | 'ocr-deadline'
  | 'ocr-failed'
  | 'ocr-no-result'
  | 'ocr-empty-answer'
  | 'ocr-bad-parameters'
  | 'ocr-server'
  | 'ocr-invalid-answer'
  | 'ocr-bad-endpoint'
  | 'device-cannot-read'
  | 'storage-full'
  | 'interrupted'
  | 'cancelled'
  | 'original-missing'
  | 'pdf-unreadable'
  | 'area-not-capturable'
  | 'area-too-small'
  | 'not-kept'
  | 'blob-gone'
  | 'unexpected';

export interface ScanError {
  code: ScanErrorCode;
  message: string;
  /** Transient failures may pass by themselves; permanent ones need the user to change something. */
  retryable: boolean;
  /** When the failure says how long to wait (a rate limit window), in milliseconds. */
  retryAfterMs?: number;
}

/** Thrown inside the pipeline, caught once and stored on the receipt as its `error`. */
export class ScanFailure extends Error {
  constructor(readonly error: ScanError) {
    super(error.message);
    this.name = 'ScanFailure';
  }
}

export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} bytes`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1).replace(/\.0$/, '')} KB`;
  return `${(bytes / (1024 * 1024)).toFixed(1).replace(/\.0$/, '')} MB`;
}

const countSeconds = (count: number) => (count === 1 ? '1 second' : `${count} seconds`);

/** "45 seconds", "1 minute", "10 minutes": a wait as a person says it. */
export function formatWait(ms: number): string {
  const seconds = Math.max(1, Math.ceil(ms / 1000));
  if (seconds < 60) return seconds === 1 ? '1 second' : `${seconds} seconds`;
  const minutes = Math.ceil(seconds / 60);
  return minutes === 1 ? '1 minute' : `${minutes} minutes`;
}

const make = (code: ScanErrorCode, message: string, retryable: boolean, retryAfterMs?: number): ScanError =>
  retryAfterMs === undefined ? { code, message, retryable } : { code, message, retryable, retryAfterMs };

/** The one place where user-facing failure sentences are written. */
export const scanErrors = {
  network: (host: string) =>
    make('network', `Could not reach ${host}. Check your connection and try again.`, true),
  tooManyRedirects: (host: string) =>
    make('too-many-redirects', `The address on ${host} redirects in a loop, so the image cannot be downloaded. Open the image in its own tab and scan it from there.`, false),
  redirectToLocal: (host: string, scheme: string) =>
    make('redirect-to-local', `The address on ${host} redirects to a ${scheme}: address, which a download may not follow, so the image cannot be downloaded.`, false),
  /** Chrome tells a loop from a redirect to data: or file: by neither its error nor an opaque redirect, so this names both. */
  redirectFailed: (host: string) =>
    make('redirect-failed', `The address on ${host} redirects, and the browser would not follow it: the redirect loops, or leads to a local (data: or file:) address. The image cannot be downloaded.`, false),
  credentialsInAddress: (host: string) =>
    make('credentials-in-address', `The image address has a user name and password in it (…@${host}), which browsers do not allow in a download, so the image cannot be downloaded.`, false),
  addressTooLong: (limitBytes: number) =>
    make('address-too-long', `The image address is over ${formatBytes(limitBytes)} long, too long to download, so the image cannot be scanned.`, false),
  accessDenied: (status: number) =>
    make('access-denied', `The image server refused the image (HTTP ${status}): it needs you to be signed in, or it is not shared with you. Sign in to the site in this browser, then press Retry.`, false),
  httpStatus: (status: number, what: string) =>
    make('http-status', `The ${what} answered with HTTP ${status}.`, status >= 500 || status === 429),
  notFound: () => make('not-found', 'The image is no longer there (HTTP 404).', false),
  timeout: (what: string, seconds: number) =>
    make('timeout', `The ${what} did not answer within ${seconds} seconds.`, true),
  // Deadlines are not retried by themselves: a server that slow is as slow the next time; the user raises the deadline, then Retry.
  downloadDeadline: (deadlineSeconds: number) =>
    make('download-deadline', `The image did not finish downloading within the download deadline of ${countSeconds(deadlineSeconds)}. If the image server is just slow, raise the download deadline in the options, then press Retry.`, false),
  tooLarge: (size: number, limit: number) =>
    make('too-large', `The image is ${formatBytes(size)}; the limit is ${formatBytes(limit)}.`, false),
  tooLargeUnknown: (limit: number) =>
    make('too-large', `The image is larger than the ${formatBytes(limit)} limit.`, false),
  empty: () => make('empty', 'The image is empty (0 bytes).', false),
  notAnImage: (what: string) =>
    make('not-an-image', `This is not an image: it looks like ${what}. Only JPEG, PNG, GIF, WebP, BMP, TIFF and PDF can be scanned.`, false),
  truncated: (type: string) =>
    make('truncated', `The ${type} file is cut short; the download may have been interrupted.`, true),
  truncatedAtSource: (type: string) =>
    make('truncated', `The ${type} file is cut short, though the server sent every byte it announced: the file itself is damaged, so downloading it again will not help.`, false),
  unsupportedSource: (scheme: string) =>
    make('unsupported-source', `Images from "${scheme}" addresses cannot be scanned.`, false),
  imageUnreadable: (reason: string) =>
    make('image-unreadable', `The image could not be decoded to shrink it: ${reason}`, false),
  imageDamaged: (type: string) =>
    make('image-damaged', `This file starts like a ${type} image, but its image data cannot be decoded (it may be a damaged file or a web page), so it was not kept.`, false),
  tooManyPixels: (width: number, height: number, maxMegapixels: number, maxSide: number) =>
    make('too-many-pixels', `The image is ${width} × ${height} pixels (${Math.round((width * height) / 1_000_000)} megapixels); images up to ${maxMegapixels} megapixels and ${maxSide} pixels a side can be scanned.`, false),
  unknownPixelSize: (type: string, size: number, maxMegapixels: number) =>
    make('unknown-pixel-size', `The ${type} image's header does not say how many pixels it has, and at ${formatBytes(size)} it could hold more than ${maxMegapixels} megapixels, so it is not decoded. Save it again from an image editor and scan that copy.`, false),
  stillTooLarge: (limit: number) =>
    make('still-too-large', `The image could not be made smaller than the ${formatBytes(limit)} upload limit without losing legibility.`, false),
  pdfUnreadable: (reason: string) =>
    make('pdf-unreadable', `The PDF could not be read: ${reason}`, false),
  readerUnavailable: (reader: 'pdf' | 'on-device', reason: string) =>
    make('pdf-unreadable', `The ${reader === 'pdf' ? 'PDF reader' : 'on-device reader'} did not start: ${reason}. Press Retry; if it keeps failing, reload the extension.`, true),
  readerTimeout: (reader: 'pdf' | 'on-device', seconds: number) =>
    make(reader === 'pdf' ? 'pdf-unreadable' : 'ocr-deadline', `${reader === 'pdf' ? 'Reading the PDF' : 'Reading on this device'} took longer than ${seconds} seconds, so it was stopped. Press Retry${reader === 'pdf' ? ', or add an image of the receipt instead' : ', or raise the OCR deadline in the options'}.`, true),
  pdfTooLarge: (size: number, limit: number) =>
    make('still-too-large', `The PDF is ${formatBytes(size)}, over the ${formatBytes(limit)} upload limit, and PDFs cannot be shrunk. Scan a smaller PDF or an image of the receipt.`, false),
  cannotShrinkType: (type: string, size: number, limit: number) =>
    make('still-too-large', `The ${type} image is ${formatBytes(size)}, over the ${formatBytes(limit)} upload limit, and ${type} images cannot be shrunk in the browser. Save it as JPEG or PNG and scan that, or raise the upload size limit in the options if your OCR.space key allows larger files (paid keys do).`, false),
  ocrBadKey: () =>
    make('ocr-bad-key', 'The OCR service refused the API key. Check it in the options.', false),
  ocrRateLimit: (detail: string, retryAfterMs: number) =>
    make('ocr-rate-limit', `The OCR service's rate limit was reached (${detail}). Wait ${formatWait(retryAfterMs)} or use your own free API key.`, true, retryAfterMs),
  ocrFileTooLarge: (limitKb: number) =>
    make('ocr-file-too-large', `The OCR service accepts files up to ${limitKb} KB. Lower the upload size limit in the options.`, false),
  ocrFileType: () =>
    make('ocr-file-type', 'The OCR service did not recognise the file type (E216).', false),
  ocrTimeout: () =>
    make('ocr-timeout', 'The OCR service timed out while reading the receipt. Try again.', true),
  ocrDeadline: (deadlineSeconds: number) =>
    make('ocr-deadline', `The OCR service did not finish within the OCR deadline of ${countSeconds(deadlineSeconds)} (upload, answer and reading it). If the service is just slow, raise the OCR deadline in the options, then press Retry.`, false),
  /** The engine read the file and gave up: the same bytes fail the same way, unless the service says it was busy. */
  ocrFailed: (detail: string, transient = false) =>
    make('ocr-failed', `The OCR service could not read the receipt: ${detail}`, transient),
  ocrNoResult: () =>
    make('ocr-no-result', 'The OCR service found nothing to read in this file. Scan a sharper, well-lit image of the receipt.', false),
  ocrEmptyAnswer: () =>
    make('ocr-empty-answer', 'The OCR service sent an empty answer for this file. Scan a sharper image of the receipt, or press Retry later.', false),
  ocrBadParameters: (detail: string) =>
    make('ocr-bad-parameters', `The OCR service rejected the request: ${detail}`, false),
  ocrServer: (status: number) =>
    make('ocr-server', `The OCR service had an internal problem (HTTP ${status}). Try again later.`, true),
  ocrInvalidAnswer: (what: string) =>
    make('ocr-invalid-answer', `The OCR service answered with something that is not a valid result (${what}).`, true),
  ocrBadEndpoint: (endpoint: string) =>
    make('ocr-bad-endpoint', `The OCR service address "${endpoint.slice(0, 100)}" is not a valid http(s) address. Check it in the options.`, false),
  deviceCannotRead: (type: string) =>
    make('device-cannot-read', `The on-device reader cannot read ${type} images. Choose OCR.space as the reader in the options and press Retry, or save the image as JPEG or PNG and scan that.`, false),
  storageFull: () =>
    make('storage-full', 'The browser refused to store more data (storage is full). Export or delete old receipts, then retry.', true),
  interrupted: () =>
    make('interrupted', 'The scan was interrupted before it finished.', true),
  // A cancelled scan keeps whatever original it already stored; it waits for Retry, never retried by itself.
  cancelled: () =>
    make('cancelled', 'You cancelled this scan. Press Retry to scan it again.', false),
  originalMissing: () =>
    make('original-missing', 'The original image of this receipt is no longer stored; scan it again from its page.', false),
  areaNotCapturable: (detail: string) =>
    make('area-not-capturable', `The browser does not let extensions see this page (${detail}), so no area of it can be scanned. Save the receipt as an image or PDF and add it from the popup.`, false),
  areaTooSmall: () =>
    make('area-too-small', 'The selected area is too small to read. Drag a rectangle around the whole receipt.', false),
  notKept: (source: 'area' | 'file') =>
    make('not-kept', source === 'area' ? 'The selected area of the page was not kept, so it cannot be read again. Select the area again on its page.' : 'The file was not kept, so it cannot be read again. Add it again from your disk.', false),
  blobGone: () =>
    make('blob-gone', 'The page that made this image is closed or changed, so the image can no longer be read. Scan it again from the page.', false),
  unexpected: (detail: string) =>
    make('unexpected', `Something unexpected went wrong: ${detail}`, true),
} as const;

/** Any error as the value a receipt stores: ScanFailures as they are, anything else as unexpected. */
export function toScanError(error: unknown): ScanError {
  if (error instanceof ScanFailure) return error.error;
  return scanErrors.unexpected(error instanceof Error ? error.message : String(error));
}
