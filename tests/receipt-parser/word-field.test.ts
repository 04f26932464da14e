import { describe, expect, it } from 'vitest';
import type { OcrLine, OcrPage } from '../../utils/receipt';
import { readFieldAtPoint, type WordFieldOptions } from '../../utils/receipt-parser/word-field';

/** Words as OCR places them: [text, left] on rows 40 px apart, each word 20 px high. */
function page(rows: [string, number][][]): OcrPage {
  const lines: OcrLine[] = rows.map((words, row) => ({ words: words.map(([text, left]) => ({ text, left, top: 10 + row * 40, width: text.length * 10, height: 20 })) }));
  return { text: rows.map((words) => words.map(([text]) => text).join(' ')).join('\r\n'), lines };
}

const receipt = page([
  [['CORNER', 10], ['CAFE', 90]],
  [['Date:', 10], ['04/03/2026', 70], ['12:41', 200]],
  [['Flat', 10], ['white', 60], ['6.40', 300]],
  [['TOTAL', 10], ['GBP', 250], ['15.10', 300]],
  [['Thank', 10], ['you', 70]],
]);
const gb: WordFieldOptions = { dateOrder: 'auto', locale: 'en-GB', today: new Date('2026-11-28') };

describe('reading a field from the word clicked on the original', () => {
  it.each<[string, { x: number; y: number }, Parameters<typeof readFieldAtPoint>[2], string | null]>([
    ['the total on its amount', { x: 320, y: 135 }, 'total', '15.10'],
    ['the total from its label, the amount after it on the row', { x: 20, y: 135 }, 'total', '15.10'],
    ['an item amount as the tax', { x: 310, y: 100 }, 'tax', '6.40'],
    ['a date, day first in en-GB', { x: 100, y: 55 }, 'date', '2026-03-04'],
    ['a date from its label', { x: 15, y: 55 }, 'date', '2026-03-04'],
    ['the merchant, the whole row', { x: 95, y: 15 }, 'merchant', 'CORNER CAFE'],
    ['no amount on a row of words', { x: 20, y: 175 }, 'total', null],
    ['no date on a row of words', { x: 20, y: 15 }, 'date', null],
    ['a click between rows, on no word', { x: 20, y: 200 + 40 }, 'merchant', null],
  ])('%s', (_name, point, field, value) => {
    expect(readFieldAtPoint(receipt, point, field, gb)?.value ?? null).toBe(value);
  });

  it('reads an ambiguous date month first where the browser is American', () => {
    expect(readFieldAtPoint(receipt, { x: 100, y: 55 }, 'date', { ...gb, locale: 'en-US' })?.value).toBe('2026-04-03');
  });

  it('reads a decimal comma receipt as the receipt writes it', () => {
    const euro = page([[['SUMME', 10], ['EUR', 200], ['12,50', 260]], [['Bar', 10], ['20,00', 260]], [['Zurück', 10], ['7,50', 260]]]);
    expect(readFieldAtPoint(euro, { x: 270, y: 15 }, 'total', gb)?.value).toBe('12.50');
  });

  it('says where the value was read, to mark it on the image', () => {
    expect(readFieldAtPoint(receipt, { x: 20, y: 135 }, 'total', gb)?.box).toEqual({ left: 300, top: 130, width: 50, height: 20 });
  });
});
