import { readCurrencyMarker } from './currency-markers';

/** How the receipt writes decimals: "12.50", "12,50", or none at all (yen, rupiah). */
export type DecimalMark = '.' | ',' | 'none';

export interface Amount {
  value: number;
  /** Digits after the decimal mark as written. */
  decimals: number;
  start: number;
  end: number;
  /** A currency symbol or code written against the number ("RM", "€", "EUR"). */
  marker: string | null;
}

const MAX_AMOUNT = 1e12;

/** Two decimals after the mark; OCR may put a space after it ("RM1. 38"). */
const DOT_DECIMALS = /\d\. ?\d{2}(?![.,]?\d)/g;
const COMMA_DECIMALS = /\d, ?\d{2}(?![.,]?\d)/g;
/** "2025.10.03" and "18.08.25" end in what looks like cents. */
const DATE_LIKE = /\d{1,4}[./-]\d{1,2}[./-]\d{2,4}/g;

const countMatches = (text: string, pattern: RegExp): number => {
  pattern.lastIndex = 0;
  let count = 0;
  while (pattern.exec(text) !== null) count++;
  return count;
};

/** Decides the decimal mark once per receipt from how its two-decimal numbers are written. */
export function detectDecimalMark(texts: readonly string[]): DecimalMark {
  let dots = 0;
  let commas = 0;
  for (const row of texts) {
    const text = /\d[./-]\d{1,2}[./-]\d/.test(row) ? row.replace(DATE_LIKE, ' ') : row;
    dots += countMatches(text, DOT_DECIMALS);
    commas += countMatches(text, COMMA_DECIMALS);
  }
  if (dots === 0 && commas === 0) return 'none';
  return commas > dots ? ',' : '.';
}

const NUMBER_PATTERNS: Record<DecimalMark, RegExp> = {
  '.': /(?<=^|\s)\.\d{2}(?![\d]|[.,]\d)|(?<![\d.,])(?:\d{1,3}(?:[,']\d{3})+(?:\.\d{1,3})?|\d+(?:\.\d{1,3})?)(?![\d]|[.,]\d)/g,
  ',': /(?<![\d.,])(?:\d{1,3}(?: \d{3})+,\d{2}|\d{1,3}(?:[.'\u00a0]\d{3})+(?:,\d{1,3})?|\d+(?:,\d{1,3})?)(?![\d]|[.,]\d)/g,
  none: /(?<![\d.,])(?:\d{1,3}(?:[.,' ]\d{3})+|\d+)(?![\d]|[.,]\d)/g,
};

/**
 * Currency words that may touch a number; matched case-sensitively where a letter could be a word.
 * A lone R (rand) or P (peso) counts only touching a number with decimals ("R41.48"): "P2" is a code.
 */
const PREFIX_MARKER = /(?:(?:[$£€¥₹₩₱฿₫₺₪₽₴]|US\$|[ACNS]\$|HK\$|NT\$|R\$|RM|Rp|Rs\.?|CHF|Fr\.|Eur|[A-Z]{3})\s?|(?<![A-Za-z])[RP])$/;
const SUFFIX_MARKER = /^\s?(?:[$£€¥₹₩₱฿₫₺₪₽₴]|kr|Kr|KR|zł|zl|Kč|Ft|lei|TL|CHF|руб|грн|[A-Z]{3})(?![A-Za-z\p{L}])/u;
const LONE_LETTER_MARKER = /^[RP]$/;

const LETTER = /\p{L}/u;
const isLetter = (char: string | undefined): boolean => {
  if (char === undefined) return false;
  const code = char.charCodeAt(0);
  if (code < 128) return (code >= 65 && code <= 90) || (code >= 97 && code <= 122);
  return LETTER.test(char);
};
const isDigit = (char: string | undefined): boolean => char !== undefined && char >= '0' && char <= '9';

function parseNumber(raw: string, mark: DecimalMark): { value: number; decimals: number } {
  let digits = raw;
  let decimals = 0;
  if (mark !== 'none') {
    const at = raw.lastIndexOf(mark);
    if (at >= 0) {
      decimals = raw.length - at - 1;
      digits = `${raw.slice(0, at).replace(/\D/g, '')}.${raw.slice(at + 1)}`;
    } else {
      digits = raw.replace(/\D/g, '');
    }
  } else {
    digits = raw.replace(/\D/g, '');
  }
  return { value: Number(digits), decimals };
}

/** True when the number is part of a date, time, phone or code rather than an amount. */
function isGlued(text: string, start: number, end: number): boolean {
  const before = text[start - 1];
  const after = text[end];
  if ((before === '/' || before === ':' || before === '-') && isDigit(text[start - 2])) return true;
  if ((after === '/' || after === ':' || after === '-') && isDigit(text[end + 1])) return true;
  if (before === '#' || after === '%' || (after === ' ' && text[end + 1] === '%')) return true;
  return false;
}

const isSign = (char: string | undefined, closes: boolean): boolean => char === '-' || char === '−' || (char === '(' && closes);

/** OCR reads 0 as O or D in cents ("12.5O", "38. 0D"); put the digit back, keeping every offset. */
const repairCents = (text: string): string =>
  /\d[.,] ?[\dODo]?[ODo]/.test(text) ? text.replace(/(\d[.,] ?)([\dODo]{2})(?![\p{L}\d])/gu, (_, head: string, cents: string) => head + cents.replace(/[ODo]/g, '0')) : text;

/** OCR reads a 5 as § ("§5.10", "§.30"): a § touching digits is one, keeping every offset. */
const repairSection = (text: string): string => (text.includes('§') ? text.replace(/§(?=\d|[.,]\d)/g, '5') : text);

/** OCR reads a dollar sign as an S ("Total S17.63"): an S alone before an amount in cents is one, keeping every offset. */
const repairDollar = (text: string): string => (text.includes('S') ? text.replace(/(?<![\p{L}\p{N}])S(?=\d{1,6}[.,]\d{2}(?![\d.,]))/gu, '$') : text);

/** A number whose thousands separator OCR put a space before ("64 ,279.70"), by the receipt's decimal mark. */
const SPACED_THOUSANDS: Record<'.' | ',', RegExp> = {
  '.': /(?<![\d.,])(\d{1,3}) (,)(\d{3}\.\d{2})(?![\d]|[.,]\d)/g,
  ',': /(?<![\d.,])(\d{1,3}) (\.)(\d{3},\d{2})(?![\d]|[.,]\d)/g,
};

/**
 * OCR spaces and swaps decimal marks: "79. 35" and "5500 .00" are 79.35 and 5500.00, and on a receipt that writes
 * "12.50" a "5,90" is 5.90 (two digits after a comma are never thousands). Offsets stay: the space moves aside.
 */
function repairDecimalMarks(text: string, mark: DecimalMark): string {
  if (mark === 'none') return text;
  let fixed = text;
  // "RM 8 60" at a row's end: the decimal point read as a space after a currency.
  if (/\d \d{2}\s*$/.test(fixed)) {
    fixed = fixed.replace(/(\S{1,3})(\s?)(\d{1,6}) (\d{2})(?=\s*$)/, (whole, marker: string, gap: string, units: string, cents: string) =>
      knownMarker(marker) === null ? whole : `${marker}${gap}${units}${mark}${cents}`);
  }
  if (!/\d[.,]|[.,]\d/.test(fixed)) return fixed;
  if (/\d[.,] \d|\d [.,]\d/.test(fixed)) {
    // A space before a thousands separator ("£64 ,279.70"): the number goes on after it, which no second number could.
    fixed = fixed.replace(SPACED_THOUSANDS[mark], (_, head: string, group: string, rest: string) => ` ${head}${group}${rest}`);
    fixed = fixed
      .replace(/(?<![\d.,])(\d+)[.,] (\d{2})(?![\d]|[.,]\d)/g, (_, whole: string, cents: string) => ` ${whole}${mark}${cents}`)
      .replace(/(?<![\d.,])(\d+) [.,](\d{2})(?![\d]|[.,]\d)/g, (_, whole: string, cents: string) => `${whole}${mark}${cents} `);
  }
  if (mark === '.' && /\d,\d{2}/.test(fixed)) fixed = fixed.replace(/(?<![\d.,])(\d{1,6}),(\d{2})(?![\d]|[.,]\d)/g, '$1.$2');
  return fixed;
}

/** Every number of the row written as money, with its sign and currency marker. */
export function findAmounts(rowText: string, mark: DecimalMark): Amount[] {
  // Leader dots ("TOTAL......10.80") become spaces, keeping every offset.
  const text = repairDecimalMarks(repairDollar(repairSection(repairCents(/[._]{2,}\d/.test(rowText) ? rowText.replace(/[._]{2,}(?=\d)/g, (leader) => ' '.repeat(leader.length)) : rowText))), mark);
  const pattern = NUMBER_PATTERNS[mark];
  pattern.lastIndex = 0;
  const amounts: Amount[] = [];
  let match: RegExpExecArray | null;
  while ((match = pattern.exec(text)) !== null) {
    const raw = match[0];
    const start = match.index;
    let end = start + raw.length;
    if (isGlued(text, start, end)) continue;
    // "-0.02", "(3.00)", "RM -0.02" and "-RM 0.02" are all negative; a parenthesis counts only when it closes.
    const closes = text.includes(')', end) && /^\s?(?:\S{1,3}\s?)?\)/.test(text.slice(end, end + 6));
    const signBefore = isSign(text[start - 1], closes);
    const headEnd = signBefore ? start - 1 : start;
    const head = text.slice(Math.max(0, headEnd - 5), headEnd);
    const tail = text.slice(end, end + 5);
    const prefixMatch = PREFIX_MARKER.exec(head);
    const prefix = knownMarker(prefixMatch?.[0]);
    if (prefix !== null && LONE_LETTER_MARKER.test(prefix) && (mark === 'none' || !raw.includes(mark))) continue;
    const suffix = knownMarker(SUFFIX_MARKER.exec(tail)?.[0]);
    // On a receipt with decimals, a whole number is money only with a currency beside it ("€ 12", "12 kr").
    if (mark !== 'none' && !raw.includes(mark) && prefix === null && suffix === null) continue;
    const { value, decimals } = parseNumber(raw, mark);
    // No receipt reaches a trillion; longer digit runs are codes, and would print in exponent notation.
    if (!Number.isFinite(value) || value >= MAX_AMOUNT) continue;
    // Letters touching the number make it a code ("CS00004040", "500ML") unless they are a currency.
    if (isLetter(text[headEnd - 1]) && prefix === null && !(decimals === 2 && (GLUED_LABEL.test(text.slice(Math.max(0, headEnd - 9), headEnd)) || MISREAD_CURRENCY.test(head)))) continue;
    if (isLetter(text[end]) && suffix === null && !(decimals === 2 && !isLetter(text[end + 1]))) continue;
    // A number hyphenated to a word is part of a name ("7-ELEVEN", "3-PACK"), not an amount.
    if (text[end] === '-' && isLetter(text[end + 1])) continue;
    const markerStart = prefixMatch ? headEnd - (head.length - prefixMatch.index) : headEnd;
    const signAhead = text[markerStart - 1];
    let negative = signBefore || (isSign(signAhead, closes) && prefix !== null);
    if (negative && isDigit(text[(signBefore ? start - 1 : markerStart - 1) - 1])) negative = false;
    if (text[end] === '-' && !isDigit(text[end + 1])) {
      negative = true;
      end += 1;
    }
    const marker = pickMarker(prefix, suffix);
    const signed = negative ? -value : value;
    // A spaced amount ("139. 05") is read one place to the right ("·139.05"); in the row as printed it starts a place earlier.
    const printedStart = text[start - 1] === ' ' && isDigit(rowText[start - 1]) ? start - 1 : start;
    amounts.push({ value: signed, decimals, start: printedStart, end, marker });
  }
  return amounts;
}

/** A currency OCR misread, glued to an amount in cents: "RM" with one letter wrong ("PM7.00", "RN10.05"), £ read as E ("E99.33"). */
const MISREAD_CURRENCY = /(?<![A-Za-z])(?:R[A-Z]|[A-Z]M|E)$/;

/** A label OCR glued to its amount ("Total2.67", "CASH20.00"): the amount is money, not part of a code. */
const GLUED_LABEL = /(?<![a-z])(?:total|subtotal|amount|due|cash|change|tax|vat|gst|summe|betrag)$/i;

const knownMarker = (raw: string | undefined): string | null => {
  const trimmed = raw?.trim();
  return trimmed !== undefined && readCurrencyMarker(trimmed) !== undefined ? trimmed : null;
};

const pickMarker = (prefix: string | null, suffix: string | null): string | null => prefix ?? suffix;

/** The text with its amounts cut out, `gap` where each one stood. */
export const withoutAmounts = (text: string, amounts: readonly Amount[], gap = ''): string =>
  amounts.reduceRight((rest, amount) => rest.slice(0, amount.start) + gap + rest.slice(amount.end), text);

/** "1234.5" with the receipt's decimals, dot as decimal mark: the form every amount leaves the parser in. */
export function formatAmount(value: number, decimals: number): string {
  if (!Number.isFinite(value) || Math.abs(value) >= MAX_AMOUNT) return '0';
  const fixed = Math.abs(value).toFixed(Math.max(0, Math.min(3, Math.round(decimals))));
  return value < 0 && Number(fixed) !== 0 ? `-${fixed}` : fixed;
}

/** Amounts equal to the cent. */
export const sameAmount = (a: number, b: number): boolean => Math.abs(a - b) < 0.005;
