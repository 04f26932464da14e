import { describe, expect, it } from 'vitest';
import type { OcrPage, OcrWord } from '../../utils/receipt';
import { buildRows, findBox, MAX_ROW_CHARS, normalizeText } from '../../utils/receipt-parser/rows';

const word = (text: string, left: number, top: number, height = 30): OcrWord => ({ text, left, top, width: text.length * 12, height });

describe('buildRows', () => {
  it('pairs a label and an amount that OCR read as two lines on the same visual row', () => {
    const page: OcrPage = {
      text: '',
      lines: [
        { words: [word('TOTAL', 10, 100)] },
        { words: [word('CASH', 10, 140)] },
        { words: [word('12.50', 500, 104)] },
        { words: [word('20.00', 500, 143)] },
      ],
    };
    expect(buildRows(page).map((row) => row.text)).toEqual(['TOTAL\t12.50', 'CASH\t20.00']);
  });

  it.each([
    ['slightly tilted words stay on one row', [word('SUMME', 10, 100), word('EUR', 100, 103), word('12,50', 500, 108)], ['SUMME EUR\t12,50']],
    ['a row tilted across the page is followed word by word', [word('TOTAL', 10, 100), word('EUR', 200, 110), word('12,50', 400, 120), word('BAR', 10, 140)], ['TOTAL\tEUR\t12,50', 'BAR']],
    ['rows one line apart stay apart', [word('A', 10, 100), word('B', 10, 131)], ['A', 'B']],
    ['words are read left to right', [word('9.00', 500, 50), word('TOTAL', 10, 50)], ['TOTAL\t9.00']],
    ['empty and broken words are dropped', [word('', 10, 10), word('OK', 10, 50), { text: 'X', left: Number.NaN, top: 0, width: 1, height: 1 }], ['OK']],
  ])('%s', (_name, words, rows) => {
    expect(buildRows({ text: '', lines: [{ words }] }).map((row) => row.text)).toEqual(rows);
  });

  it.each([
    ['TOTAL\t9.00\r\nCASH\t10.00\r\n', ['TOTAL\t9.00', 'CASH\t10.00']],
    ['A\nB\n\n  C  ', ['A', 'B', 'C']],
    ['', []],
  ])('falls back to the text without word boxes: %j', (text, rows) => {
    expect(buildRows({ text, lines: [] }).map((row) => row.text)).toEqual(rows);
  });

  it('cuts very long rows', () => {
    const [row] = buildRows({ text: 'x'.repeat(10_000), lines: [] });
    expect(row?.text.length).toBe(MAX_ROW_CHARS);
  });

  it('finds the box around the words of a span of the row', () => {
    const [row] = buildRows({ text: '', lines: [{ words: [word('TOTAL', 10, 100), word('RM', 400, 100), word('9.00', 450, 102)] }] });
    expect(row && findBox(row, row.text.indexOf('RM'), row.text.length)).toEqual({ left: 400, top: 100, width: 98, height: 32 });
  });
});

describe('normalizeText', () => {
  it.each([
    ['Rückgeld', 'ruckgeld'],
    ['Net à payer', 'net a payer'],
    ['Straße', 'strasse'],
    ['TOTAL TTC', 'total ttc'],
    ['합계', '합계'],
    ['ガソリン', 'ガソリン'],
    ['ΣΎΝΟΛΟ', 'συνολο'],
  ])('%s → %s', (text, norm) => {
    expect(normalizeText(text)).toBe(norm);
  });
});
