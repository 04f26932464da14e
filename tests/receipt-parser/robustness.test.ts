import { describe, expect, it } from 'vitest';
import type { OcrPage } from '../../utils/receipt';
import { parseReceipt } from '../../utils/receipt-parser/index';

const EMPTY = { merchant: null, date: null, time: null, total: null, currency: null, subtotal: null, tax: null, tip: null, items: [] };

describe('parseReceipt on broken input', () => {
  it.each([
    ['an empty page', { text: '', lines: [] }],
    ['a page without text or lines', {}],
    ['null', null],
    ['a number', 42],
    ['lines that are not arrays', { text: '', lines: 'nope' }],
    ['words without boxes', { text: '', lines: [{ words: [{ text: 'TOTAL' }, null, { text: 9 }] }] }],
    ['a line of nulls', { text: '', lines: [null, { words: null }] }],
    ['only whitespace', { text: ' \r\n\t\r\n ', lines: [] }],
  ])('gives empty fields for %s', (_name, page) => {
    const parsed = parseReceipt(page as unknown as OcrPage, {});
    expect({ ...parsed, confidence: undefined, boxes: undefined }).toEqual({ ...EMPTY, confidence: undefined, boxes: undefined });
    expect(Object.values(parsed.confidence).every((value) => value === 0)).toBe(true);
  });

  it.each([
    ['no options', undefined],
    ['nonsense options', { dateOrder: 'xyz', today: new Date('nope'), defaultCurrency: 7, locale: null }],
  ])('reads a receipt with %s', (_name, options) => {
    const parsed = parseReceipt({ text: 'SHOP\r\nTOTAL\t9.00\r\n25/12/2018', lines: [] }, options as never);
    expect([parsed.total, parsed.date]).toEqual(['9.00', '2018-12-25']);
  });

  it.each([
    ['digits and separators', '1.2,3 '.repeat(50_000)],
    ['one long row of letters', 'TOTAL '.repeat(50_000)],
    ['many short rows', 'TOTAL 1.00\n'.repeat(20_000)],
    ['dates and times glued together', '12/12/12 12:12 '.repeat(30_000)],
    ['month names and digits', 'mar 12 2020 '.repeat(30_000)],
  ])('stays fast on adversarial text: %s', (_name, text) => {
    const started = performance.now();
    const parsed = parseReceipt({ text, lines: [] }, {});
    expect(performance.now() - started).toBeLessThan(3000);
    expect(typeof parsed.confidence.total).toBe('number');
  });
});
