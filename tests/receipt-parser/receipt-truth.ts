/**
 * Ground truth of the shared receipt sets and how a parsed field is judged against it: shared by the parser bench
 * (`npm run bench:parser`) and the dev-set test, so both count a hit the same way.
 */
import { readFileSync } from 'node:fs';

export interface ReceiptTruth {
  /** null where the data set does not label the field. */
  merchant: string | null;
  /** Every ISO date the printed date can mean; empty where unlabelled. */
  date: string[];
  total: string | null;
}

export type JudgedField = 'merchant' | 'date' | 'total';
export const JUDGED_FIELDS: readonly JudgedField[] = ['merchant', 'date', 'total'];

export function readTruth(file: string): ReceiptTruth | undefined {
  try {
    const value: unknown = JSON.parse(readFileSync(file, 'utf8'));
    if (typeof value !== 'object' || value === null) return undefined;
    const fields = value as Record<string, unknown>;
    const dates = Array.isArray(fields.date) ? fields.date.filter((date): date is string => typeof date === 'string') : [];
    const text = (field: unknown): string | null => (typeof field === 'string' && field.trim() !== '' ? field : null);
    return { merchant: text(fields.merchant), date: dates, total: text(fields.total) };
  } catch {
    return undefined;
  }
}

/** Letters and digits only, case-folded, accents dropped: how names are compared. */
export const foldName = (text: string): string => text.toLowerCase().normalize('NFD').replace(/[^\p{L}\p{N}]|\p{M}/gu, '');

/** Edits from `a` to `b`; with `within`, to the closest stretch of `b` (a free start and end). */
function measureEdits(a: string, b: string, within = false): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => (within ? 0 : j));
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      current[j] = Math.min((previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1, (previous[j - 1] ?? 0) + cost);
    }
    previous = current;
  }
  return within ? Math.min(...previous) : (previous[b.length] ?? 0);
}

/**
 * A close spelling (80% alike), or one name holding the other, spelt closely: the brand within the legal name
 * ("real" in "real GmbH", "DOMINO'S PIZZA" in "DOMINO'S PIZZA TAMAN UNIVERSITI"), as long as the held part is a real
 * half of it or more, not a stray syllable or a company suffix.
 */
export function isSameMerchant(expected: string, got: string | null): boolean {
  const a = foldName(expected);
  const b = foldName(got ?? '');
  if (a === '' || b === '') return a === b;
  if (1 - measureEdits(a, b) / Math.max(a.length, b.length) >= 0.8) return true;
  const [shorter, longer] = a.length <= b.length ? [a, b] : [b, a];
  return shorter.length >= Math.max(3, longer.length * 0.5) && 1 - measureEdits(shorter, longer, true) / shorter.length >= 0.8;
}

export const isSameTotal = (expected: string, got: string | null): boolean => got !== null && Math.abs(Number(expected) - Number(got)) < 0.005;

export const isSameDate = (expected: readonly string[], got: string | null): boolean => got !== null && expected.includes(got);

/** Whether the parsed field matches the truth; undefined where the truth does not label it. */
export function judgeField(field: JudgedField, truth: ReceiptTruth, got: string | null): boolean | undefined {
  if (field === 'merchant') return truth.merchant === null ? undefined : isSameMerchant(truth.merchant, got);
  if (field === 'date') return truth.date.length === 0 ? undefined : isSameDate(truth.date, got);
  return truth.total === null ? undefined : isSameTotal(truth.total, got);
}

const escape = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** "60.44" as OCR may print it: 60.44, 60,44, 60. 44, 60 44; a whole amount also as 104 or 104.0. */
function totalPattern(total: string): RegExp {
  const [units = '', cents = ''] = total.replace(/^-/, '').split('.');
  const grouped = units.replace(/\B(?=(\d{3})+$)/g, '[.,\\s]?');
  const whole = /^0*$/.test(cents) ? `|${grouped}(?:[.,]0{1,2})?` : '';
  return new RegExp(`(?<![\\d.,])(?:${grouped}[.,]\\s?${escape(cents)}${whole})(?![\\d])`);
}

/** Month names as receipts abbreviate them, in the languages of the shared sets and their neighbours. */
const MONTH_NAMES = [
  'jan|ene|gen|janv', 'feb|fev|fév|fév', 'mar|mär|mrz', 'apr|abr|avr', 'may|mai|mag|mei', 'jun|juin|giu',
  'jul|juil|lug', 'aug|ago|aoû|aou', 'sep|set', 'oct|okt|ott|out', 'nov', 'dec|dez|dic|déc|dek',
];

/** "2016-12-30" in the orders and separators receipts print it: 30/12/2016, 12.30.16, 2016 12 30, 30Dec16, Dec 30, 2016... */
function datePatterns(iso: string): RegExp[] {
  const [year = '', month = '', day = ''] = iso.split('-');
  const y = `'?(?:${year}|${year.slice(2)})`;
  const m = `0?${Number(month)}`;
  const d = `0?${Number(day)}`;
  const name = `(?:${MONTH_NAMES[Number(month) - 1] ?? 'none'})[a-zé]*\\.?`;
  const sep = '\\s?[./\\-\\s]\\s?';
  const loose = "[\\s,.'-]{0,2}";
  const bodies = [
    `${d}${sep}${m}${sep}${y}`, `${m}${sep}${d}${sep}${y}`, `${year}${sep}${m}${sep}${d}`,
    `${d}${loose}${name}${loose}${y}`, `${name}${loose}${d}(?:st|nd|rd|th)?${loose}${y}`, `${year}${loose}${name}${loose}${d}`,
  ];
  return bodies.map((body) => new RegExp(`(?<!\\d)${body}(?!\\d)`, 'i'));
}

/** Whether the OCR text holds the true value at all: the ceiling no parser can pass. */
export function textHolds(field: JudgedField, truth: ReceiptTruth, text: string): boolean | undefined {
  if (field === 'total') return truth.total === null ? undefined : totalPattern(truth.total).test(text);
  if (field === 'date') return truth.date.length === 0 ? undefined : truth.date.some((iso) => datePatterns(iso).some((pattern) => pattern.test(text)));
  if (truth.merchant === null) return undefined;
  const lines = text.split(/\r?\n/).filter((line) => foldName(line) !== '');
  const merchant = truth.merchant;
  // A name may be split over two rows (a logo's line and the legal name's).
  return lines.some((line, index) => isSameMerchant(merchant, line) || isSameMerchant(merchant, `${line} ${lines[index + 1] ?? ''}`)) || foldName(text).includes(foldName(merchant));
}
