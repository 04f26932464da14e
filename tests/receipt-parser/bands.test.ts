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

  it('keeps a label whose box swelled over the row below beside its amount, as the engine read them', () => {
    const box = (text: string, left: number, top: number, height: number): OcrWord => ({ text, left, top, width: 36, height });
    const lines: OcrLine[] = [
      { words: [box('Wax', 175, 252, 11), box('54.00', 297, 248, 13)] },
      // "Total" took in the smudge under it: 31 px against the amount's 14
      { words: [box('Total', 60, 285, 31), box('$85.00', 299, 273, 14)] },
      { words: [box('06.00', 301, 295, 15)] },
    ];
    const rows = groupWordsIntoRows({ text: '', lines });
    expect(rows.map((row) => row.map((w) => w.text).join(' '))).toEqual(['Wax 54.00', 'Total $85.00', '06.00']);
  });

  it("leaves a logo's large letters on a row of their own", () => {
    const box = (text: string, left: number, top: number, height: number): OcrWord => ({ text, left, top, width: 60, height });
    const lines: OcrLine[] = [{ words: [box('CHO', 40, 20, 60), box('EUN', 120, 20, 60), box('KOREAN', 200, 62, 14), box('RESTAURANT', 280, 62, 14)] }];
    const rows = groupWordsIntoRows({ text: '', lines });
    expect(rows.map((row) => row.map((w) => w.text).join(' '))).toEqual(['CHO EUN', 'KOREAN RESTAURANT']);
  });

  it('drops words without a usable box', () => {
    const rows = groupWordsIntoRows({ text: '', lines: [{ words: [word('OK', 10, 10), { text: 'X', left: 0, top: Number.NaN, width: 1, height: 1 }, { text: '', left: 0, top: 0, width: 1, height: 1 }] }] });
    expect(rows).toEqual([[word('OK', 10, 10)]]);
  });
});
