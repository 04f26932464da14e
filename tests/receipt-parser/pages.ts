import type { OcrLine, OcrPage, OcrWord } from '../../utils/receipt';

const CHAR_WIDTH = 12;
const ROW_PITCH = 40;
const PAGE_WIDTH = 640;

/** Cells of a composed row: split where two or more spaces or a tab stand between words. */
const splitCells = (row: string): string[] => row.split(/\t| {2,}/).map((cell) => cell.trim()).filter((cell) => cell !== '');

function placeWords(cell: string, left: number, top: number): OcrWord[] {
  const words: OcrWord[] = [];
  let x = left;
  for (const text of cell.split(' ').filter((word) => word !== '')) {
    words.push({ text, left: x, top, width: text.length * CHAR_WIDTH, height: 30 });
    x += text.length * CHAR_WIDTH + CHAR_WIDTH;
  }
  return words;
}

/** A page as OCR.space gives it without the overlay: rows by line, cells by tab. */
export function pageFromText(receipt: string): OcrPage {
  return { text: receipt.split('\n').map((row) => splitCells(row).join('\t')).join('\r\n'), lines: [] };
}

/** The same page with only plain text, cells separated by runs of spaces as a photo OCR may give them. */
export function pageFromPlainText(receipt: string): OcrPage {
  return { text: receipt, lines: [] };
}

/**
 * A page with word boxes and no text, laid out like a printed receipt: the first cell left, the last cell
 * right-aligned, a few pixels lower, each cell its own OCR line, right-hand lines listed after all left-hand ones
 * (as OCR.space does for a column), so only the boxes tell which label an amount belongs to.
 */
export function pageFromBoxes(receipt: string): OcrPage {
  const left: OcrLine[] = [];
  const right: OcrLine[] = [];
  receipt.split('\n').forEach((row, index) => {
    const cells = splitCells(row);
    cells.forEach((cell, column) => {
      const top = 20 + index * ROW_PITCH + (column === 0 ? 0 : 4);
      const isLast = column === cells.length - 1 && column > 0;
      const x = column === 0 ? 10 : isLast ? PAGE_WIDTH - cell.length * CHAR_WIDTH : 260 + column * 40;
      (column === 0 ? left : right).push({ words: placeWords(cell, x, top) });
    });
  });
  return { text: '', lines: [...left, ...right], imageWidth: PAGE_WIDTH };
}

/** The box pageFromBoxes gives a word, to check where a field was read. */
export function findWordBox(page: OcrPage, text: string): OcrWord | undefined {
  return page.lines.flatMap((line) => line.words).find((word) => word.text === text);
}

/** The page as a photo taken askew: every word lowered in proportion to how far right it sits. */
export function tiltPage(page: OcrPage, degrees: number): OcrPage {
  const rise = Math.tan((degrees * Math.PI) / 180);
  return { ...page, lines: page.lines.map((line) => ({ words: line.words.map((word) => ({ ...word, top: Math.round(word.top + word.left * rise) })) })) };
}
