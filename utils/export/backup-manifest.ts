import { FIELD_NAMES, type ReceiptRecord } from '../receipt';
import {
  checkArray,
  checkBoolean,
  checkCount,
  checkNullable,
  checkNumber,
  checkObject,
  checkOneOf,
  checkPattern,
  checkString,
  checkTagged,
  type Check,
} from '../shape-check';

export const BACKUP_FORMAT = 'receipt-scanner-backup';
export const BACKUP_VERSION = 1;
export const MANIFEST_NAME = 'manifest.json';

/** A file of the backup and what its bytes must hash to. */
export interface BackupFile {
  id: string;
  file: string;
  sha256: string;
  size: number;
  mime: string;
}

/** A receipt as the backup keeps it: the thumbnail is a file of the archive, named here, not a Blob. */
export type BackupReceipt = Omit<ReceiptRecord, 'thumbnail'> & { thumbnail: string | null };

export interface BackupManifest {
  format: typeof BACKUP_FORMAT;
  version: typeof BACKUP_VERSION;
  exportedAt: string;
  receipts: BackupReceipt[];
  originals: BackupFile[];
  thumbnails: BackupFile[];
  /** The full OCR answers with word boxes, as JSON files, so receipts can be parsed again after a restore. */
  ocrPages: BackupFile[];
}

const MAX_RECEIPTS = 1_000_000;
const text = checkString;
const nullableText = checkNullable(checkString);
const nullableAmount = checkNullable(checkString);
const fieldName = checkOneOf(FIELD_NAMES);
const box = checkObject({ left: checkNumber, top: checkNumber, width: checkNumber, height: checkNumber });
const word = checkObject({ text, left: checkNumber, top: checkNumber, width: checkNumber, height: checkNumber }, { confidence: checkNumber });

export const checkOcrPage: Check = checkObject(
  { text, lines: checkArray(checkObject({ words: checkArray(word) })) },
  { imageWidth: checkNumber, imageHeight: checkNumber, processingMs: checkNumber, partial: checkBoolean },
);

const checkFields = checkObject(
  {
    merchant: nullableText,
    date: nullableText,
    time: nullableText,
    total: nullableAmount,
    currency: nullableText,
    subtotal: nullableAmount,
    tax: nullableAmount,
    tip: nullableAmount,
    items: checkArray(checkObject({ description: text, quantity: checkNullable(checkNumber), amount: nullableAmount })),
    confidence: checkObject(Object.fromEntries(FIELD_NAMES.map((name) => [name, checkNumber]))),
  },
  { boxes: checkObject({}, Object.fromEntries(FIELD_NAMES.map((name) => [name, box]))) },
);

const loading = checkObject({ phase: checkOneOf(['downloading', 'uploading']), loaded: checkCount, total: checkNullable(checkCount) });

export const checkBackupReceipt: Check = checkObject({
  id: checkPattern(/^[^\u0000-\u001f]{1,200}$/, 'an id of 1 to 200 characters'),
  status: checkOneOf(['queued', 'downloading', 'uploading', 'reading', 'done', 'failed']),
  progress: checkNullable(checkTagged('phase', { downloading: loading, uploading: loading, reading: checkObject({ phase: checkOneOf(['reading']) }) })),
  error: checkNullable(checkObject({ code: text, message: text, retryable: checkBoolean }, { retryAfterMs: checkNumber })),
  capturedAt: checkNumber,
  updatedAt: checkNumber,
  source: checkObject({ imageUrl: text, pageUrl: nullableText, pageTitle: nullableText }),
  original: checkNullable(
    checkObject({
      sha256: checkPattern(/^[0-9a-f]{64}$/, 'a SHA-256 in lowercase hex'),
      mime: checkOneOf(['image/jpeg', 'image/png', 'image/gif', 'image/webp', 'image/bmp', 'image/tiff', 'application/pdf']),
      extension: checkPattern(/^[a-z0-9]{1,10}$/, 'a file extension'),
      size: checkCount,
    }),
  ),
  thumbnail: nullableText,
  ocr: checkNullable(checkOcrPage),
  fields: checkNullable(checkFields),
  edited: checkArray(fieldName, FIELD_NAMES.length),
  receiptDate: text,
  job: checkNullable(
    checkObject({ srcUrl: text, tabId: checkNullable(checkNumber), frameId: checkNumber, attempts: checkCount, notBefore: checkNumber, batchId: nullableText }),
  ),
}, { category: text, note: text });

const checkBackupFile = checkObject({
  id: text,
  file: checkPattern(/^(originals|thumbnails|ocr-pages)\/[A-Za-z0-9_-]{1,200}\.[a-z0-9]{1,10}$/, 'a file name inside the backup'),
  sha256: checkPattern(/^[0-9a-f]{64}$/, 'a SHA-256 in lowercase hex'),
  size: checkCount,
  mime: text,
});

/** Everything but the marker and version, checked once those say this is our backup. */
export const checkManifestBody: Check = checkObject({
  format: checkOneOf([BACKUP_FORMAT]),
  version: checkOneOf([BACKUP_VERSION]),
  exportedAt: text,
  receipts: checkArray(checkBackupReceipt, MAX_RECEIPTS),
  originals: checkArray(checkBackupFile, MAX_RECEIPTS),
  thumbnails: checkArray(checkBackupFile, MAX_RECEIPTS),
  ocrPages: checkArray(checkBackupFile, MAX_RECEIPTS),
});

/** Throws ShapeError naming the first field that is missing, unknown or of the wrong type. */
export function assertBackupManifest(value: unknown): asserts value is BackupManifest {
  checkManifestBody(value, 'manifest');
}
