import { describe, expect, it } from 'vitest';
import { DEFAULT_SORT, sortSummaries, type ReceiptSort } from '../../utils/storage/receipt-sort';
import type { ReceiptSummary } from '../../utils/storage/receipt-summary';

const summary = (id: string, change: Partial<ReceiptSummary>): ReceiptSummary => ({
  id, capturedAt: 0, month: '2024-03', status: 'done', needsReview: false, merchant: '', total: null, currency: null, searchText: '', ...change,
});

const summaries = [
  summary('a', { capturedAt: 5, date: '2024-03-05', merchant: 'Café Müller', total: '12.50', category: 'Meals' }),
  summary('b', { capturedAt: 4, date: '2024-01-20', merchant: 'apple store', total: '999.00', category: 'Equipment' }),
  summary('c', { capturedAt: 3, date: null, merchant: '', total: null, status: 'failed' }),
  summary('d', { capturedAt: 6, date: '2024-03-05', merchant: 'Zara', total: '9.99', needsReview: true }),
  summary('e', { capturedAt: 2, merchant: 'Bakery 10', total: '2.5' }),
  summary('f', { capturedAt: 1, merchant: 'Bakery 9', total: '100' }),
];

describe('sortSummaries', () => {
  it.each<[ReceiptSort, string[]]>([
    [DEFAULT_SORT, ['d', 'a', 'b', 'c', 'e', 'f']],
    [{ key: 'date', direction: 'ascending' }, ['b', 'd', 'a', 'c', 'e', 'f']],
    [{ key: 'total', direction: 'descending' }, ['b', 'f', 'a', 'd', 'e', 'c']],
    [{ key: 'total', direction: 'ascending' }, ['e', 'd', 'a', 'f', 'b', 'c']],
    [{ key: 'merchant', direction: 'ascending' }, ['b', 'f', 'e', 'a', 'd', 'c']],
    [{ key: 'captured', direction: 'descending' }, ['d', 'a', 'b', 'c', 'e', 'f']],
    [{ key: 'category', direction: 'ascending' }, ['b', 'a', 'd', 'c', 'e', 'f']],
    [{ key: 'status', direction: 'ascending' }, ['a', 'b', 'e', 'f', 'd', 'c']],
  ])('%o', (sort, ids) => {
    expect(sortSummaries(summaries, sort).map((found) => found.id)).toEqual(ids);
  });

  it('leaves the list it was given as it was', () => {
    const before = summaries.map((found) => found.id);
    sortSummaries(summaries, { key: 'total', direction: 'ascending' });
    expect(summaries.map((found) => found.id)).toEqual(before);
  });
});
