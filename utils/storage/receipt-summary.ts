import { SURE_CONFIDENCE, type ReceiptRecord, type ScanStatus } from '../receipt';

/** A few hundred bytes per receipt: enough to search, filter and total thousands without reading them. */
export interface ReceiptSummary {
  id: string;
  capturedAt: number;
  /** YYYY-MM of the receipt's date; NO_DATE_MONTH when it has none (not the month it was scanned). */
  month: string;
  /** The receipt's own date (YYYY-MM-DD), null when unknown; absent on summaries stored before it was kept. */
  date?: string | null;
  status: ScanStatus;
  needsReview: boolean;
  merchant: string;
  total: string | null;
  currency: string | null;
  /** The user's category; absent on summaries stored before categories existed. */
  category?: string;
  /** Merchant, category, note and OCR words, folded to lower case without accents, each once. */
  searchText: string;
}

const MAX_SEARCH_TEXT = 800;
const KEY_FIELDS = ['merchant', 'date', 'total'] as const;

/** Folds case and accents so "cafe" finds "Café" and "MULLER" finds "Müller". */
export function foldForSearch(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase();
}

/** A scanned receipt whose key fields the parser was unsure of, and that the user has not corrected. */
export function needsReview(receipt: ReceiptRecord): boolean {
  const fields = receipt.fields;
  if (receipt.status !== 'done' || !fields) return false;
  return KEY_FIELDS.some((name) => (fields.confidence[name] < SURE_CONFIDENCE || fields[name] === null) && !receipt.edited.includes(name));
}

/** The month of receipts whose date is unknown: spending is filed by when it happened, never by when it was scanned. */
export const NO_DATE_MONTH = 'none';

function monthOf(receipt: ReceiptRecord): string {
  return receipt.fields?.date ? receipt.fields.date.slice(0, 7) : NO_DATE_MONTH;
}

function searchWords(receipt: ReceiptRecord): string {
  // The user's own words first, so the length cap never drops them.
  const words = foldForSearch(`${receipt.fields?.merchant ?? ''} ${receipt.category ?? ''} ${receipt.note ?? ''} ${receipt.ocr?.text ?? ''}`).split(/\s+/u);
  let text = '';
  for (const word of new Set(words)) {
    if (!word || text.length + word.length + 1 > MAX_SEARCH_TEXT) continue;
    text += `${word} `;
  }
  return text.trimEnd();
}

export function summariseReceipt(receipt: ReceiptRecord): ReceiptSummary {
  return {
    id: receipt.id,
    capturedAt: receipt.capturedAt,
    month: monthOf(receipt),
    date: receipt.fields?.date ?? null,
    status: receipt.status,
    needsReview: needsReview(receipt),
    merchant: receipt.fields?.merchant ?? '',
    total: receipt.fields?.total ?? null,
    currency: receipt.fields?.currency ?? null,
    ...(receipt.category ? { category: receipt.category } : {}),
    searchText: searchWords(receipt),
  };
}
