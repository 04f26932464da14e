import type { OcrLine, OcrPage, OcrWord } from '../receipt';

/** A run of text from a PDF's text layer, placed in the pixels of the page drawn at the reading's scale. */
export interface PlacedText {
  text: string;
  left: number;
  /** The top of the run's box. */
  top: number;
  width: number;
  height: number;
}

/** Runs whose middles are closer than this share of their height are on one line. */
const SAME_LINE = 0.5;

/** The run cut at its spaces, each word given its share of the run's width by its characters. */
function splitWords(run: PlacedText): OcrWord[] {
  const words: OcrWord[] = [];
  const perChar = run.text.length > 0 ? run.width / run.text.length : 0;
  for (const match of run.text.matchAll(/\S+/g)) {
    const left = run.left + (match.index ?? 0) * perChar;
    words.push({ text: match[0], left: Math.round(left), top: Math.round(run.top), width: Math.max(1, Math.round(match[0].length * perChar)), height: Math.max(1, Math.round(run.height)) });
  }
  return words;
}

/**
 * The page an OCR engine would have read, from a PDF's own text: runs grouped into lines by where they sit, lines
 * top to bottom, words left to right, boxes in the pixels of the page as drawn.
 */
export function pageFromPdfText(runs: readonly PlacedText[], width: number, height: number): OcrPage {
  const lines: { middle: number; height: number; words: OcrWord[] }[] = [];
  for (const run of [...runs].filter((candidate) => candidate.text.trim() !== '').sort((a, b) => a.top - b.top || a.left - b.left)) {
    const middle = run.top + run.height / 2;
    const line = lines.find((candidate) => Math.abs(candidate.middle - middle) < Math.max(candidate.height, run.height) * SAME_LINE);
    if (line) line.words.push(...splitWords(run));
    else lines.push({ middle, height: run.height, words: splitWords(run) });
  }
  const ordered: OcrLine[] = lines.sort((a, b) => a.middle - b.middle).map((line) => ({ words: line.words.sort((a, b) => a.left - b.left) }));
  const text = ordered.map((line) => line.words.map((word) => word.text).join(' ')).join('\n');
  return { text, lines: ordered, imageWidth: Math.round(width), imageHeight: Math.round(height) };
}

/** A text layer worth reading: some letters and at least one digit (an amount, a date); else the pages are drawn for OCR. */
export function hasReadableText(page: OcrPage): boolean {
  return /\d/.test(page.text) && (page.text.match(/\p{L}/gu)?.length ?? 0) >= 3;
}
