import type { ScanError } from './scan-error';

/** A word as OCR.space placed it on the image, in pixels of the uploaded image. */
export interface OcrWord {
  text: string;
  left: number;
  top: number;
  width: number;
  height: number;
  /** How sure the engine is of the word's letters, 0 to 100: only the on-device engine says (OCR.space does not). */
  confidence?: number;
}

export interface OcrLine {
  words: OcrWord[];
}

/** What the pipeline keeps of an OCR.space answer: the text, and the word boxes when the overlay was sent. */
export interface OcrPage {
  text: string;
  lines: OcrLine[];
  /** Size of the uploaded image the boxes refer to, when known. */
  imageWidth?: number;
  imageHeight?: number;
  processingMs?: number;
  /** OCRExitCode 2: some pages or parts could not be read. */
  partial?: boolean;
}

export interface LineItem {
  description: string;
  quantity: number | null;
  /** Decimal string with a dot, as the other amounts. */
  amount: string | null;
}

/** Amounts are decimal strings with a dot and the receipt's decimals ("1234.50"), never floats. */
export interface ReceiptFields {
  merchant: string | null;
  /** ISO date, YYYY-MM-DD. */
  date: string | null;
  /** 24-hour HH:MM. */
  time: string | null;
  total: string | null;
  /** ISO 4217 code. */
  currency: string | null;
  subtotal: string | null;
  tax: string | null;
  tip: string | null;
  items: LineItem[];
}

export type FieldName = 'merchant' | 'date' | 'time' | 'total' | 'currency' | 'subtotal' | 'tax' | 'tip';

export const FIELD_NAMES: readonly FieldName[] = ['merchant', 'date', 'time', 'total', 'currency', 'subtotal', 'tax', 'tip'];

/** Where a field was read on the image, to highlight it. */
export interface FieldBox {
  left: number;
  top: number;
  width: number;
  height: number;
}

export interface ParsedReceipt extends ReceiptFields {
  /** 0 (guess or missing) to 1 (certain), per field. */
  confidence: Record<FieldName, number>;
  boxes?: Partial<Record<FieldName, FieldBox>>;
}

/** Fields of a receipt nothing was read from yet: what a failed scan completed by hand starts from. */
export function emptyParsedReceipt(): ParsedReceipt {
  const confidence = { merchant: 0, date: 0, time: 0, total: 0, currency: 0, subtotal: 0, tax: 0, tip: 0 } satisfies Record<FieldName, number>;
  return { merchant: null, date: null, time: null, total: null, currency: null, subtotal: null, tax: null, tip: null, items: [], confidence };
}

/** At or above this a field is sure: the parser is right about it at least 97% of the time on real OCR; below it the popup asks the user to check it. */
export const SURE_CONFIDENCE = 0.8;

export type ScanStatus = 'queued' | 'downloading' | 'uploading' | 'reading' | 'done' | 'failed';

export type ScanProgress =
  | { phase: 'downloading'; loaded: number; total: number | null }
  | { phase: 'uploading'; loaded: number; total: number | null }
  /** On this device the engine says how far it is; OCR.space does not. */
  | { phase: 'reading'; onDevice?: boolean; percent?: number };

export type ImageMime =
  | 'image/jpeg'
  | 'image/png'
  | 'image/gif'
  | 'image/webp'
  | 'image/bmp'
  | 'image/tiff'
  | 'application/pdf';

export interface ReceiptSource {
  imageUrl: string;
  pageUrl: string | null;
  pageTitle: string | null;
}

export interface OriginalInfo {
  sha256: string;
  mime: ImageMime;
  extension: string;
  size: number;
}

/** What the queue needs to run, or run again, a scan. */
export interface ScanJob {
  /** Where to download from; for data: and blob: images (read at the click) only a short form. */
  srcUrl: string;
  tabId: number | null;
  frameId: number;
  /** Automatic attempts made so far; a manual retry starts again from 0. */
  attempts: number;
  /** Not before this time (ms): the backoff after a transient failure. */
  notBefore: number;
  /** Set when the scan belongs to a "Scan all images on this page" batch. */
  batchId: string | null;
}

export interface ReceiptRecord {
  id: string;
  status: ScanStatus;
  progress: ScanProgress | null;
  error: ScanError | null;
  capturedAt: number;
  updatedAt: number;
  source: ReceiptSource;
  /** Set once the original is stored; before that the receipt has no image. */
  original: OriginalInfo | null;
  /** Small JPEG made at capture for the list; never the original. */
  thumbnail: Blob | null;
  ocr: OcrPage | null;
  fields: ParsedReceipt | null;
  /** Fields the user corrected by hand. */
  edited: FieldName[];
  /** Copy of fields.date (or '' when unknown) so IndexedDB can index it. */
  receiptDate: string;
  job: ScanJob | null;
  /** The user's expense category ('' or absent: none). Absent on receipts stored before categories existed. */
  category?: string;
  /** The user's note on the receipt ('' or absent: none). */
  note?: string;
}
