import type { FieldBox, FieldName, OcrPage } from '../receipt';
import type { DateOrder } from '../settings';
import { detectDecimalMark, findAmounts, formatAmount } from './amounts';
import { decideDateOrder, findDates, readDate } from './dates';
import { buildRows, findBox, type ReceiptRow } from './rows';

/** A point on the uploaded image, in its pixels (the word boxes' space). */
export interface ImagePoint {
  x: number;
  y: number;
}

export interface WordFieldOptions {
  dateOrder: DateOrder;
  locale: string;
  today: Date;
}

/** What a click on a word reads for a field: the value and where it was read. */
export interface WordReading {
  value: string;
  box: FieldBox | undefined;
}

const AMOUNT_FIELDS: ReadonlySet<FieldName> = new Set(['total', 'subtotal', 'tax', 'tip']);

/** The row and the stretch of its text under the point: the word clicked, or the word nearest it on that row. */
function findWordAt(rows: readonly ReceiptRow[], point: ImagePoint): { row: ReceiptRow; index: number; start: number; end: number } | undefined {
  let best: { row: ReceiptRow; index: number; start: number; end: number; distance: number } | undefined;
  rows.forEach((row, index) => {
    for (const word of row.words) {
      const { left, top, width, height } = word.box;
      const dx = Math.max(left - point.x, 0, point.x - (left + width));
      const dy = Math.max(top - point.y, 0, point.y - (top + height));
      // Off the row's band the click meant another row; along it, the nearest word.
      const distance = dy > height / 2 ? Infinity : dx + dy * 4;
      if (distance < (best?.distance ?? Infinity)) best = { row, index, start: word.start, end: word.end, distance };
    }
  });
  return best;
}

/** The amount clicked, else the amount after the clicked label on its row ("TOTAL" → "12.50"). */
function readAmount(rows: readonly ReceiptRow[], row: ReceiptRow, start: number, end: number): WordReading | null {
  const mark = detectDecimalMark(rows.map((candidate) => candidate.text));
  const amounts = findAmounts(row.text, mark);
  const picked = amounts.find((amount) => amount.start < end && amount.end > start) ?? amounts.find((amount) => amount.start >= end) ?? amounts.at(-1);
  if (!picked) return null;
  const decimals = mark === 'none' ? 0 : Math.max(2, picked.decimals);
  return { value: formatAmount(picked.value, decimals), box: findBox(row, picked.start, picked.end) };
}

/** The date clicked (read with the whole receipt's day/month order), else the first on its row. */
function readRowDate(rows: readonly ReceiptRow[], index: number, start: number, end: number, options: WordFieldOptions): WordReading | null {
  const candidates = findDates(rows);
  const order = decideDateOrder(options.dateOrder, candidates, undefined, options.locale);
  const onRow = candidates.filter((candidate) => candidate.row === index);
  const picked = onRow.find((candidate) => candidate.start < end && candidate.end > start) ?? onRow[0];
  const row = rows[index];
  const iso = picked ? readDate(picked, order, options.today) : undefined;
  return picked && iso && row ? { value: iso, box: findBox(row, picked.start, picked.end) } : null;
}

/**
 * Reads a field from the word under a click on the original, with the parser's own amount and date readers and
 * the word's neighbours on its row; the merchant is the row's text. Null where the row holds no such value.
 */
export function readFieldAtPoint(page: OcrPage, point: ImagePoint, field: FieldName, options: WordFieldOptions): WordReading | null {
  const rows = buildRows(page);
  const hit = findWordAt(rows, point);
  if (!hit) return null;
  const { row, index, start, end } = hit;
  if (AMOUNT_FIELDS.has(field)) return readAmount(rows, row, start, end);
  if (field === 'date') return readRowDate(rows, index, start, end, options);
  const text = row.text.replace(/\s+/g, ' ').trim();
  return text === '' ? null : { value: text, box: findBox(row, 0, row.text.length) };
}
