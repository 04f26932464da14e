import type { FieldName, ParsedReceipt, ReceiptRecord } from '../receipt';

export type CorrectionResult = { ok: true; value: string | null } | { ok: false; message: string };

const AMOUNT = /^-?\d+(\.\d{1,3})?$/;

function checkDate(value: string): CorrectionResult {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  const [year, month, day] = match ? match.slice(1).map(Number) : [];
  const date = year && month && day ? new Date(Date.UTC(year, month - 1, day)) : null;
  if (!date || date.getUTCMonth() !== (month ?? 0) - 1 || date.getUTCDate() !== day) return { ok: false, message: 'Enter a real date as YYYY-MM-DD.' };
  return { ok: true, value };
}

function checkAmount(value: string): CorrectionResult {
  const compact = value.replace(/\s/g, '');
  // A comma before the last one or two digits is a decimal comma (12,50); otherwise commas group thousands.
  const normalised = /,\d{1,2}$/.test(compact) ? compact.replace(/\./g, '').replace(',', '.') : compact.replace(/,/g, '');
  if (!AMOUNT.test(normalised)) return { ok: false, message: 'Enter an amount such as 12.50.' };
  return { ok: true, value: normalised };
}

/** Checks a field the user typed and returns it in the stored form; empty means "unknown". */
export function checkCorrection(name: FieldName, raw: string): CorrectionResult {
  const value = raw.trim();
  if (value === '') return { ok: true, value: null };
  switch (name) {
    case 'merchant':
      return value.length > 200 ? { ok: false, message: 'Keep the merchant under 200 characters.' } : { ok: true, value };
    case 'date':
      return checkDate(value);
    case 'time':
      return /^([01]\d|2[0-3]):[0-5]\d$/.test(value) ? { ok: true, value } : { ok: false, message: 'Enter a time as HH:MM (24-hour).' };
    case 'currency':
      return /^[A-Za-z]{3}$/.test(value) ? { ok: true, value: value.toUpperCase() } : { ok: false, message: 'Enter a three-letter currency code such as EUR.' };
    case 'total':
    case 'subtotal':
    case 'tax':
    case 'tip':
      return checkAmount(value);
  }
}

/** What the user corrected by hand stays as they wrote it when the receipt is read again. */
export function keepCorrections(parsed: ParsedReceipt, current: ReceiptRecord): ParsedReceipt {
  if (!current.fields || current.edited.length === 0) return parsed;
  const kept = { ...parsed, confidence: { ...parsed.confidence } };
  for (const name of current.edited) {
    Object.assign(kept, { [name]: current.fields[name] });
    kept.confidence[name] = 1;
  }
  return kept;
}
