import type { DateOrder } from '../settings';
import { mendDateDigits, mendDateSeparators, mendFutureYear, mendImpossiblePart } from './date-mends';
import { MONTHS } from './months';
import type { ReceiptRow } from './rows';

export interface DateCandidate {
  year: number;
  /** The two day and month numbers as written; for 'fixed' candidates the first is the day, the second the month. */
  first: number;
  second: number;
  /** 'dm' when the first number is surely the day, 'md' surely the month, 'either' when both fit, 'fixed' with a month name or year first. */
  kind: 'fixed' | 'dm' | 'md' | 'either';
  row: number;
  start: number;
  end: number;
  /** The year was written with two digits, so a 'ymd' setting may read the numbers the other way round. */
  shortYear: boolean;
  /** The row says it is the date ("Date:", "Datum", "Fecha"). */
  labelled: boolean;
  /** The row says it is some other date (expiry, due, valid until). */
  other: boolean;
  /** Letters read as digits (O as 0, l as 1), a doubled separator, a future year or a 0 read as a 6, 8 or 9 were mended to read it. */
  repaired: boolean;
}

const YMD = /(?<!\d)((?:19|20)\d{2})\s?([-/.])\s?(\d{1,2})\2\s?(\d{1,2})(?!\d)/g;
const NUMERIC = /(?<![\d.,])(\d{1,2})\s?([-/.])\s?(\d{1,2})\2\s?(\d{4}|\d{2})(?![\d]|[.,]\d)/g;
const COMPACT_YEAR_LAST = /(?<![\d.,])(\d{2})(\d{2})((?:19|20)\d{2})(?![\d]|[.,]\d)/g;
const KANJI = /((?:19|20)\d{2})\s?年\s?(\d{1,2})\s?月\s?(\d{1,2})\s?日/g;
const COMPACT = /(?<!\d)((?:19|20)\d{2})(0[1-9]|1[0-2])(0[1-9]|[12]\d|3[01])(?!\d)/g;
// Any word stands in for the month here; the month table then decides, which keeps the scan linear.
// A word glued before the day ("Friday2Mar2018") is allowed: OCR and some printers drop the space; two digits before ':' are an hour, no year.
const DAY_MONTH_NAME = /(?<!\d)(\d{1,2})(?:st|nd|rd|th|er|\.|º|°)?[\s.\-/,]*(?:de\s+)?(\p{L}{3,12})\.?(?!\p{L})[\s.\-/,'’´`]*(?:de\s+)?(\d{4}|\d{2}(?!:))(?!\d)/gu;
/** Year first, as Hungarian writes it: "2025. március 3.". */
const YEAR_MONTH_NAME_DAY = /(?<!\d)(\d{4})\.?\s*(\p{L}{3,12})\.?\s+(\d{1,2})(?![\d:])/gu;
const MONTH_NAME_DAY = /(?<!\p{L})(\p{L}{3,12})\.?(?!\p{L})[\s.\-/]*(\d{1,2})(?:st|nd|rd|th)?,?([\s.\-/,'’´`]*)(\d{4}|\d{2}(?!:))(?!\d)/gu;
/** The row says it is the date: also German compounds (Rechnungsdatum, Belegdatum), Latvian datums, Estonian kuupäev, Finnish päivämäärä. */
const DATE_LABEL = /\b(?:date|dated|[a-z]*datum|datums|fecha|data|dato|day|tarikh|tgl|bill date|invoice date|kuupaev|paivamaara)\b/;
const OTHER_LABEL = /\b(?:exp|expiry|expires|valid|validity|due date|gultig|bis|until|best before|mhd|[a-z]*haltbarkeitsdatum|ablaufdatum|verfallsdatum|f(?:a|ae)lligkeitsdatum|return|ruckgabe|echeance|vencimiento|scadenza)\b/;

type RawCandidate = Omit<DateCandidate, 'row' | 'labelled' | 'other' | 'shortYear' | 'repaired'> & {
  shortYear?: boolean;
  /** A future year or a day or month no date has was read as what it likely was (the text itself unchanged). */
  mended?: boolean;
};

/** Keeps the first reading of each stretch of text: "2018-03-23" is not also "18-03-23". */
function addCandidate(raw: RawCandidate[], candidate: RawCandidate): void {
  for (const other of raw) if (candidate.start < other.end && candidate.end > other.start) return;
  raw.push(candidate);
}

/** "12.17.26" right after a date, or before AM/PM, is the time of day. */
const DATE_BEFORE = /\d\s?([-/.])\s?\d{1,2}\s?\1\s?\d{2,4}\s+$/;
function isTimeOfDay(text: string, start: number, end: number, separator: string, numbers: readonly number[]): boolean {
  const [hour = 99, minute = 99, second = 99] = numbers;
  if (hour > 23 || minute > 59 || second > 59) return false;
  if (/^\s?[ap]\.?\s?m\b/i.test(text.slice(end, end + 5))) return true;
  const before = DATE_BEFORE.exec(text.slice(Math.max(0, start - 16), start));
  return before !== null && before[1] !== separator;
}

/**
 * Matches of a month-name pattern whose word is a month, with the month; where the word is none ("3 closed 23"), the
 * search goes on from the next character, so "23 Nov 17" after it is still found.
 */
function monthMatches(pattern: RegExp, text: string, monthGroup: number): Array<[RegExpExecArray, number]> {
  const found: Array<[RegExpExecArray, number]> = [];
  pattern.lastIndex = 0;
  for (let m = pattern.exec(text); m !== null; m = pattern.exec(text)) {
    const month = MONTHS.get(m[monthGroup] ?? '');
    if (month !== undefined) found.push([m, month]);
    else pattern.lastIndex = m.index + 1;
  }
  return found;
}

const expandYear = (text: string): number => (text.length === 2 ? 2000 + Number(text) : Number(text));

/** Every date-like text of the rows, before the day/month order is known; a reading after latestYear ("1 Jul.30", year 2030) gives way to others of the same text. */
export function findDates(rows: readonly ReceiptRow[], latestYear = Number.POSITIVE_INFINITY): DateCandidate[] {
  const found: DateCandidate[] = [];
  rows.forEach((row, index) => {
    const { norm } = row;
    if (!/\d/.test(row.text)) return;
    // Mending needs two separators a few characters apart, which most rows of amounts lack.
    const text = /[-/.,]\s?\S{1,4}\s?[-/.,]/.test(row.text) ? mendDateSeparators(mendDateDigits(row.text), () => DATE_LABEL.test(norm)) : row.text;
    const separated = /\d\s?[-/.]\s?\d{1,2}\s?[-/.]\s?\d/.test(text);
    const compactDigits = /\d{8}/.test(text);
    const kanji = text.includes('年');
    const named = /\d/.test(norm) && (norm.match(/\p{L}{3,12}/gu) ?? []).some((word) => MONTHS.has(word));
    if (!separated && !compactDigits && !kanji && !named) return;
    const raw: RawCandidate[] = [];
    const add = (candidate: RawCandidate): void => {
      if (candidate.year <= latestYear) return addCandidate(raw, candidate);
      // A four-digit year in the future is a misread digit; a two-digit one ("Jul.30'11") is another reading's text.
      const mendedYear = text.slice(candidate.start, candidate.end).includes(String(candidate.year)) ? mendFutureYear(candidate.year, latestYear) : undefined;
      if (mendedYear !== undefined) addCandidate(raw, { ...candidate, year: mendedYear, mended: true });
      else if (candidate.kind !== 'fixed') addCandidate(raw, candidate);
    };
    if (separated) {
      for (const m of text.matchAll(YMD)) {
        add({ year: Number(m[1]), first: Number(m[4]), second: Number(m[3]), kind: 'fixed', start: m.index, end: m.index + m[0].length });
      }
    }
    if (kanji) {
      for (const m of text.matchAll(KANJI)) {
        add({ year: Number(m[1]), first: Number(m[3]), second: Number(m[2]), kind: 'fixed', start: m.index, end: m.index + m[0].length });
      }
    }
    if (compactDigits) {
      for (const m of text.matchAll(COMPACT)) {
        add({ year: Number(m[1]), first: Number(m[3]), second: Number(m[2]), kind: 'fixed', start: m.index, end: m.index + m[0].length });
      }
    }
    if (named) {
      for (const [m, month] of monthMatches(DAY_MONTH_NAME, norm, 2)) {
        add({ year: expandYear(m[3] ?? ''), first: Number(m[1]), second: month, kind: 'fixed', start: m.index, end: m.index + m[0].length });
      }
      for (const [m, month] of monthMatches(YEAR_MONTH_NAME_DAY, norm, 2)) {
        add({ year: Number(m[1]), first: Number(m[3]), second: month, kind: 'fixed', start: m.index, end: m.index + m[0].length });
      }
      for (const [m, month] of monthMatches(MONTH_NAME_DAY, norm, 1)) {
        // "Jan 2017" is a month and a year, not January 20, '17.
        const yearGlued = m[3] === '' && (m[4] ?? '').length === 2;
        if (!yearGlued) add({ year: expandYear(m[4] ?? ''), first: Number(m[2]), second: month, kind: 'fixed', start: m.index, end: m.index + m[0].length });
      }
    }
    const numeric = separated
      ? [...text.matchAll(NUMERIC)].filter((m) => !isTimeOfDay(text, m.index, m.index + m[0].length, m[2] ?? '', [m[1], m[3], m[4]].map(Number))).map((m) => [m.index, m[0], m[1], m[3], m[4]] as const)
      : [];
    const compact = compactDigits ? [...text.matchAll(COMPACT_YEAR_LAST)].map((m) => [m.index, m[0], m[1], m[2], m[3]] as const) : [];
    for (const [at, whole, first, second, year] of [...numeric, ...compact]) {
      // Only where both are printed with two digits: the lost 0 was a leading one ("VERSION 91.1.15" is no date).
      const padded = first?.length === 2 && second?.length === 2;
      const a = padded ? mendImpossiblePart(Number(first)) : Number(first);
      const b = padded ? mendImpossiblePart(Number(second)) : Number(second);
      // A day is at most 31: "6.60.00" or "05/88/2017" is no date and must not vote on the order.
      const kind = a > 12 && a <= 31 && b <= 12 ? 'dm' : b > 12 && b <= 31 && a <= 12 ? 'md' : a <= 12 && b <= 12 ? 'either' : undefined;
      // "00251915" in a receipt number is no date, and must not vote on the order.
      if (kind === undefined || a === 0 || b === 0 || expandYear(year ?? '') < 1990) continue;
      const digitMended = a !== Number(first) || b !== Number(second);
      add({ year: expandYear(year ?? ''), first: a, second: b, kind, shortYear: (year ?? '').length === 2, start: at, end: at + whole.length, ...(digitMended ? { mended: true } : {}) });
    }
    if (raw.length === 0) return;
    const labelled = DATE_LABEL.test(norm);
    const other = OTHER_LABEL.test(norm);
    for (const candidate of raw) {
      const { mended, ...date } = candidate;
      const repaired = mended === true || text.slice(candidate.start, candidate.end) !== row.text.slice(candidate.start, candidate.end);
      found.push({ shortYear: false, ...date, row: index, labelled, other, repaired });
    }
  });
  return found;
}

/** A date's shape, three parts between one separator, at least one of them a year ("NOW/25/2016", "1O.O3.2O18"). */
const DATE_SHAPED = /(?<![\p{L}\d])[\p{L}\d]{1,4}([-/.])[\p{L}\d]{1,4}\1(?:\d{4}|\d{2})(?![\p{L}\d])|(?<![\p{L}\d])\d{4}([-/.])[\p{L}\d]{1,4}\2[\p{L}\d]{1,2}(?![\p{L}\d])/u;

/** Rows labelled with a date ("FECHA: NOW/25/2016") whose date was misread past reading: each is a date the receipt prints that no candidate stands for. */
export function countUnreadDates(rows: readonly ReceiptRow[], candidates: readonly DateCandidate[]): number {
  return rows.filter((row, index) => DATE_LABEL.test(row.norm) && !OTHER_LABEL.test(row.norm) && DATE_SHAPED.test(row.text) && !candidates.some((c) => c.row === index)).length;
}

const DAYS_IN_MONTH = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

function toIso(year: number, month: number, day: number, today: Date): string | undefined {
  if (month < 1 || month > 12 || day < 1 || day > (DAYS_IN_MONTH[month - 1] ?? 0)) return undefined;
  if (month === 2 && day === 29 && !(year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0))) return undefined;
  if (year < 1990) return undefined;
  const iso = `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
  const limit = `${today.getFullYear()}-${String(today.getMonth() + 1).padStart(2, '0')}-${String(today.getDate()).padStart(2, '0')}`;
  return iso > limit ? undefined : iso;
}

/** A candidate as ISO under an order ('dmy' or 'mdy'), or undefined when that reading is impossible or in the future. */
export function readDate(candidate: DateCandidate, order: 'dmy' | 'mdy' | 'ymd', today: Date): string | undefined {
  if (candidate.kind === 'fixed') return toIso(candidate.year, candidate.second, candidate.first, today);
  if (order === 'ymd' && candidate.shortYear) return toIso(2000 + candidate.first, candidate.second, candidate.year % 100, today);
  if (order === 'mdy') return toIso(candidate.year, candidate.first, candidate.second, today);
  return toIso(candidate.year, candidate.second, candidate.first, today);
}

/** Settles day/month order: an explicit setting, else unambiguous dates on the receipt, else its country cues (see readDateOrderCue), else the locale. */
export function decideDateOrder(setting: DateOrder, candidates: readonly DateCandidate[], cue: 'dmy' | 'mdy' | undefined, locale: string): 'dmy' | 'mdy' | 'ymd' {
  if (setting !== 'auto') return setting;
  const dm = candidates.filter((c) => c.kind === 'dm').length;
  const md = candidates.filter((c) => c.kind === 'md').length;
  if (dm !== md) return dm > md ? 'dmy' : 'mdy';
  if (cue !== undefined) return cue;
  return /^(?:en-(?:us|ph|as|gu|mp|pr|um|vi)|es-us|fil)\b/i.test(locale.trim()) ? 'mdy' : 'dmy';
}

const DATE_OPENING_NUMBER = /(?<!\d)((?:19|20)\d{2})(0[1-9]|1[0-2])(0[1-9]|[12]\d|3[01])\d{1,12}(?!\d)/g;

/** Dates that open a longer number, as tills stamp them into invoice and transaction numbers ("2018052710100070177"). */
export function findNumberDates(rows: readonly ReceiptRow[]): string[] {
  const found: string[] = [];
  for (const row of rows) {
    if (!/\d{9}/.test(row.text)) continue;
    for (const m of row.text.matchAll(DATE_OPENING_NUMBER)) found.push(`${m[1] ?? ''}-${m[2] ?? ''}-${m[3] ?? ''}`);
  }
  return found;
}
