import type { ReceiptRow } from './rows';

const TIME_LABEL = /\b(?:time|zeit|uhrzeit|heure|hora|ora|tijd|masa)\b/;
const TIME = /(?<![\d.,:])([01]?\d|2[0-3])\s?[:h]\s?([0-5]\d)(?:\s?:\s?([0-5]\d))?(?:\s?([ap])\.?\s?m\b\.?)?(?![\d]|[.,]\d)/gi;

/** The first time of day on the date's row, else on a row labelled time, else anywhere; as 24-hour HH:MM. */
export function findTime(rows: readonly ReceiptRow[], dateRow: number | undefined): string | null {
  const near = dateRow === undefined ? [] : [dateRow, dateRow + 1, dateRow - 1];
  for (const index of near) {
    const time = readTime(rows[index]);
    if (time !== null) return time;
  }
  for (const row of rows) {
    if (TIME_LABEL.test(row.norm)) {
      const time = readTime(row);
      if (time !== null) return time;
    }
  }
  for (const row of rows) {
    const time = readTime(row);
    if (time !== null) return time;
  }
  return null;
}

/** "18.42 Uhr", "2.31.17 PM": a dotted time only counts with its word, as "18.42" alone is an amount. */
const DOTTED_TIME = /(?<![\d.,])([01]?\d|2[0-3])\.([0-5]\d)(?:\.[0-5]\d)?\s?(uhr\b|[ap]\.?\s?m\b)/i;

/** The row's time of day as 24-hour HH:MM, or null; with `clockOnly`, only as a clock prints it ("14:23", "2:35 pm", "14h30"), not dotted. */
export function readTime(row: ReceiptRow | undefined, clockOnly = false): string | null {
  if (!row) return null;
  const dotted = clockOnly ? null : DOTTED_TIME.exec(row.text);
  if (dotted) {
    const meridiem = dotted[3]?.[0]?.toLowerCase();
    const hour = Number(dotted[1]);
    if (meridiem === 'u') return `${String(hour).padStart(2, '0')}:${dotted[2] ?? '00'}`;
    if (hour >= 1 && hour <= 12) return `${String((hour % 12) + (meridiem === 'p' ? 12 : 0)).padStart(2, '0')}:${dotted[2] ?? '00'}`;
  }
  if (!/\d\s?[:h]\s?\d/i.test(row.text)) return null;
  for (const m of row.text.matchAll(TIME)) {
    let hour = Number(m[1]);
    const minute = m[2] ?? '00';
    const meridiem = m[4]?.toLowerCase();
    if (meridiem !== undefined && (hour < 1 || hour > 12)) continue;
    if (meridiem === 'p' && hour < 12) hour += 12;
    if (meridiem === 'a' && hour === 12) hour = 0;
    return `${String(hour).padStart(2, '0')}:${minute}`;
  }
  return null;
}

/** "32:01" or "23:75": a clock that cannot be, which OCR leaves where it misread digits. */
export function hasImpossibleTime(text: string): boolean {
  for (const m of text.matchAll(/(?<![\d.,])(\d{1,2}):(\d{2})(?![\d])/g)) if (Number(m[1]) > 23 || Number(m[2]) > 59) return true;
  return false;
}

/** A time of day on the row, or on the row above or below when it says it is the time ("Date: …" over "Time: …"); with `clockOnly`, written with its colon. */
export function hasTimeBeside(rows: readonly ReceiptRow[], index: number, clockOnly = false): boolean {
  if (readTime(rows[index], clockOnly) !== null) return true;
  return [index - 1, index + 1].some((near) => {
    const row = rows[near];
    return row !== undefined && TIME_LABEL.test(row.norm) && readTime(row, clockOnly) !== null;
  });
}
