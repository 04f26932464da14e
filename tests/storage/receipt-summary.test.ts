import { describe, expect, it } from 'vitest';
import { foldForSearch, NO_DATE_MONTH, needsReview, summariseReceipt } from '../../utils/storage/receipt-summary';
import { makeReceipt, parsedReceipt } from '../components/receipt-fixtures';

describe('receipt summaries', () => {
  it.each([
    ['Café MÜLLER', 'cafe muller'],
    ['ＴＯＴＡＬ', 'total'],
    ['Ærø Æble', 'ærø æble'],
  ])('folds %s to %s', (text, folded) => {
    expect(foldForSearch(text)).toBe(folded);
  });

  it('sums a receipt up in a few fields, with each search word once', () => {
    const receipt = makeReceipt({ ocr: { text: 'BOOK TA .K\r\nTOTAL:\t9.00\r\nTOTAL:\t9.00', lines: [] } });
    expect(summariseReceipt(receipt)).toEqual({
      id: 'r1',
      capturedAt: receipt.capturedAt,
      month: '2018-12',
      date: '2018-12-25',
      status: 'done',
      needsReview: false,
      merchant: 'Book Ta .K (Taman Daya) Sdn Bhd',
      total: '9.00',
      currency: 'MYR',
      searchText: 'book ta .k (taman daya) sdn bhd total: 9.00',
    });
  });

  it('keeps the category, and finds the category and note words first', () => {
    const text = Array.from({ length: 5000 }, (_, n) => `word${n}`).join(' ');
    const summary = summariseReceipt(makeReceipt({ category: 'Client meals', note: 'Lunch with Acme', ocr: { text, lines: [] } }));
    expect(summary.category).toBe('Client meals');
    expect(summary.searchText).toContain('client meals lunch with acme');
  });

  it('files a receipt without a date under "No date", not the month it was scanned', () => {
    expect(summariseReceipt(makeReceipt({ fields: null, status: 'failed', capturedAt: new Date(2024, 6, 3).getTime() })).month).toBe(NO_DATE_MONTH);
  });

  it('caps the search text of a huge OCR text', () => {
    const text = Array.from({ length: 5000 }, (_, n) => `word${n}`).join(' ');
    expect(summariseReceipt(makeReceipt({ ocr: { text, lines: [] } })).searchText.length).toBeLessThanOrEqual(800);
  });

  it.each([
    ['certain fields', {}, [], false],
    ['an unsure total', { confidence: { ...parsedReceipt.confidence, total: 0.2 } }, [], true],
    ['a date just under sure (0.79)', { confidence: { ...parsedReceipt.confidence, date: 0.79 } }, [], true],
    ['a merchant between the old flag (0.6) and sure', { confidence: { ...parsedReceipt.confidence, merchant: 0.7 } }, [], true],
    ['a total exactly sure (0.8)', { confidence: { ...parsedReceipt.confidence, total: 0.8 } }, [], false],
    ['an unsure total the user corrected', { confidence: { ...parsedReceipt.confidence, total: 0.2 } }, ['total'], false],
    ['no date at all', { date: null }, [], true],
  ] as const)('%s → needs review: %s', (_name, change, edited, expected) => {
    expect(needsReview(makeReceipt({ fields: { ...parsedReceipt, ...change }, edited: [...edited] }))).toBe(expected);
  });

  it('does not ask to review a scan that is not done', () => {
    expect(needsReview(makeReceipt({ status: 'failed' }))).toBe(false);
  });
});
