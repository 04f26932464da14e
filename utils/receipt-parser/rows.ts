import type { FieldBox, OcrPage, OcrWord } from '../receipt';
import { groupWordsIntoRows } from './bands';

/** Longer rows are cut: no receipt row is this long, and it keeps every scan linear. */
export const MAX_ROW_CHARS = 400;
const MAX_ROWS = 2000;

/** A word of a row with where its text sits inside the row's text. */
export interface PlacedWord {
  start: number;
  end: number;
  /** The word as OCR placed it: its box. */
  box: OcrWord;
}

/** One visual row of the receipt: cells separated by a tab, and the word boxes when known. */
export interface ReceiptRow {
  text: string;
  /** Lower case, accents removed: what the keyword rules read. */
  norm: string;
  words: PlacedWord[];
  /** Tallest word of the row in pixels, 0 without boxes. */
  height: number;
}

/** Lower case without diacritics ("Rückgeld" → "ruckgeld"), same length where it matters for keywords. */
export function normalizeText(text: string): string {
  const lower = text.toLowerCase();
  // Most receipt text is ASCII; only the rest needs the costly decomposition.
  if (!/[^\x00-\x7f]/.test(lower)) return lower;
  // NFD also splits Hangul syllables and voiced kana; NFC joins them again once the accents are gone.
  return lower
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .normalize('NFC')
    .replace(/ß/g, 'ss');
}

function makeRow(text: string, words: PlacedWord[], height: number): ReceiptRow {
  const cut = text.length > MAX_ROW_CHARS ? text.slice(0, MAX_ROW_CHARS) : text;
  return { text: cut, norm: normalizeText(cut), words, height };
}

function splitTextRows(text: string): ReceiptRow[] {
  return text
    .slice(0, MAX_ROWS * MAX_ROW_CHARS)
    .split(/\r\n|\r|\n/)
    .slice(0, MAX_ROWS)
    .map((line) => line.replace(/[ \u00a0]+/g, ' ').trim())
    .filter((line) => line !== '')
    .map((line) => makeRow(line, [], 0));
}

/** A row's words, left to right, as text: a space between words, a tab across a column gap. */
function joinBand(words: readonly OcrWord[]): ReceiptRow {
  let text = '';
  const placed: PlacedWord[] = [];
  let previous: OcrWord | undefined;
  let height = 0;
  for (const word of words) {
    if (previous) {
      const gap = word.left - (previous.left + previous.width);
      // A wide gap is a column break, as OCR.space marks table cells with a tab.
      text += gap > Math.max(previous.height, word.height) * 1.5 ? '\t' : ' ';
    }
    const clean = /\s/.test(word.text) ? word.text.replace(/\s+/g, ' ').trim() : word.text;
    placed.push({ start: text.length, end: text.length + clean.length, box: word });
    text += clean;
    height = Math.max(height, word.height);
    previous = word;
  }
  return makeRow(text, placed, height);
}

/** Rebuilds visual rows from word boxes, so a label and its amount split into two OCR lines meet again. */
function buildWordRows(page: OcrPage): ReceiptRow[] {
  return groupWordsIntoRows(page).slice(0, MAX_ROWS).map(joinBand);
}

/** The receipt as visual rows, from word boxes when present, else from the text (rows by line, cells by tab). */
export function buildRows(page: OcrPage): ReceiptRow[] {
  const hasWords = Array.isArray(page.lines) && page.lines.some((line) => Array.isArray(line?.words) && line.words.length > 0);
  if (hasWords) {
    const rows = buildWordRows(page);
    if (rows.length > 0) return rows;
  }
  return typeof page.text === 'string' ? splitTextRows(page.text) : [];
}

/**
 * How sure an engine that says so (tesseract, 0 to 100) must be of a word for a field read from it to be sure. Under it,
 * a date on the on-device engine's reading of the many-countries photos is right 85% of the time; over it, 96.5%.
 */
export const ENGINE_SURE = 85;

/** The words of a row whose text overlaps text[start, end). */
const wordsOver = (row: ReceiptRow, start: number, end: number): PlacedWord[] => row.words.filter((word) => word.start < end && word.end > start);

/** The engine's lowest confidence among the words of a row that overlap text[start, end); undefined where it gives none. */
export function lowestWordConfidence(row: ReceiptRow, start: number, end: number): number | undefined {
  const confidences = wordsOver(row, start, end).flatMap((word) => (typeof word.box.confidence === 'number' ? [word.box.confidence] : []));
  return confidences.length === 0 ? undefined : Math.min(...confidences);
}

/** The box around the words of a row that overlap text[start, end), or undefined without boxes. */
export function findBox(row: ReceiptRow, start: number, end: number): FieldBox | undefined {
  const hit = wordsOver(row, start, end);
  if (hit.length === 0) return undefined;
  const left = Math.min(...hit.map((w) => w.box.left));
  const top = Math.min(...hit.map((w) => w.box.top));
  const right = Math.max(...hit.map((w) => w.box.left + w.box.width));
  const bottom = Math.max(...hit.map((w) => w.box.top + w.box.height));
  return { left, top, width: right - left, height: bottom - top };
}
