import { SURE_CONFIDENCE, type ReceiptRecord, type ScanStatus } from '../receipt';

/** A few hundred bytes per receipt: enough to search, filter and total thousands without reading them. */
export interface ReceiptSummary {
  id: string;
  capturedAt: number;
  /** YYYY-MM of the receipt's date, else of the day it was captured. */
  month: string;
  status: ScanStatus;
  needsReview: boolean;
  merchant: string;
  total: string | null;
  currency: string | null;
  /** Merchant and OCR words, folded to lower case without accents, each once. */
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

function monthOf(receipt: ReceiptRecord): string {
  if (receipt.fields?.date) return receipt.fields.date.slice(0, 7);
  const captured = new Date(receipt.capturedAt);
  return `${captured.getFullYear()}-${String(captured.getMonth() + 1).padStart(2, '0')}`;
}

function searchWords(receipt: ReceiptRecord): string {
  const words = foldForSearch(`${receipt.fields?.merchant ?? ''} ${receipt.ocr?.text ?? ''}`).split(/\s+/u);
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
    status: receipt.status,
    needsReview: needsReview(receipt),
    merchant: receipt.fields?.merchant ?? '',
    total: receipt.fields?.total ?? null,
    currency: receipt.fields?.currency ?? null,
    searchText: searchWords(receipt),
  };
}
