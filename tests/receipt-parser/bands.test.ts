import { describe, expect, it } from 'vitest';
import type { OcrLine, OcrWord } from '../../utils/receipt';
import { groupWordsIntoRows } from '../../utils/receipt-parser/bands';

const word = (text: string, left: number, top: number): OcrWord => ({ text, left, top, width: text.length * 12, height: 30 });

/** A receipt of label/amount rows 40 px apart, photographed with the given rise per pixel to the right. */
function tiltedRows(rise: number, wordsPerLine: 'together' | 'apart'): OcrLine[] {
  const rows = [['TOTAL', '12.50'], ['CASH', '20.00'], ['CHANGE', '7.50'], ['VISA', '0.00']];
  const lines: OcrLine[] = [];
  rows.forEach(([label = '', amount = ''], index) => {
    const top = 100 + index * 40;
    const words = [word(label, 10, Math.round(top + 10 * rise)), word(amount, 600, Math.round(top + 600 * rise))];
    if (wordsPerLine === 'together') lines.push({ words });
    else lines.push(...words.map((single) => ({ words: [single] })));
  });
  return lines;
}

describe('groupWordsIntoRows', () => {
  it.each([
    ['level, one line per row', 0, 'together'],
    ['tilted 3° down, one line per row', 0.05, 'together'],
    ['tilted 3° up, one line per row', -0.05, 'together'],
    ['tilted 3° down, every word its own line', 0.05, 'apart'],
    ['tilted 3° up, every word its own line', -0.05, 'apart'],
  ] as const)('pairs each label with its amount on a page %s', (_name, rise, wordsPerLine) => {
    const rows = groupWordsIntoRows({ text: '', lines: tiltedRows(rise, wordsPerLine) });
    expect(rows.map((row) => row.map((w) => w.text).join(' '))).toEqual(['TOTAL 12.50', 'CASH 20.00', 'CHANGE 7.50', 'VISA 0.00']);
  });

  it('drops words without a usable box', () => {
    const rows = groupWordsIntoRows({ text: '', lines: [{ words: [word('OK', 10, 10), { text: 'X', left: 0, top: Number.NaN, width: 1, height: 1 }, { text: '', left: 0, top: 0, width: 1, height: 1 }] }] });
    expect(rows).toEqual([[word('OK', 10, 10)]]);
  });
});
