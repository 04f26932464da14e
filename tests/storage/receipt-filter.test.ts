import { describe, expect, it } from 'vitest';
import { filterSummaries, isFiltering, listMonths, NO_FILTER, totalsByMonth, type ReceiptFilter } from '../../utils/storage/receipt-filter';
import type { ReceiptSummary } from '../../utils/storage/receipt-summary';

const summary = (id: string, change: Partial<ReceiptSummary>): ReceiptSummary => ({
  id,
  capturedAt: 0,
  month: '2024-03',
  status: 'done',
  needsReview: false,
  merchant: '',
  total: null,
  currency: null,
  searchText: '',
  ...change,
});

const summaries = [
  summary('a', { month: '2024-03', merchant: 'Café Müller', searchText: 'cafe muller summe 12,50', total: '12.50', currency: 'EUR', category: 'Meals' }),
  summary('b', { month: '2024-03', merchant: 'Tesco', searchText: 'tesco total vat', total: '7.90', currency: 'GBP', needsReview: true }),
  summary('c', { month: '2024-02', merchant: 'Café Central', searchText: 'cafe central total', total: '0.10', currency: 'EUR' }),
  summary('d', { month: '2024-02', status: 'failed', searchText: '' }),
  summary('e', { month: '2024-03', merchant: 'Rewe', searchText: 'rewe summe', total: '0.20', currency: 'EUR', category: 'Groceries' }),
];

describe('filterSummaries', () => {
  it.each<[Partial<ReceiptFilter>, string[]]>([
    [{}, ['a', 'b', 'c', 'd', 'e']],
    [{ query: 'café' }, ['a', 'c']],
    [{ query: 'CAFE summe' }, ['a']],
    [{ query: 'muller' }, ['a']],
    [{ query: 'nothing' }, []],
    [{ month: '2024-02' }, ['c', 'd']],
    [{ show: 'failed' }, ['d']],
    [{ show: 'review' }, ['b']],
    [{ query: 'cafe', month: '2024-02' }, ['c']],
    [{ category: 'Meals' }, ['a']],
    [{ category: 'Groceries', month: '2024-03' }, ['e']],
    [{ category: 'Travel' }, []],
  ])('%o finds %o', (filter, ids) => {
    expect(filterSummaries(summaries, { ...NO_FILTER, ...filter }).map((found) => found.id)).toEqual(ids);
  });

  it('knows when a filter is on', () => {
    expect(isFiltering(NO_FILTER)).toBe(false);
    expect(isFiltering({ ...NO_FILTER, query: '  ' })).toBe(false);
    expect(isFiltering({ ...NO_FILTER, show: 'failed' })).toBe(true);
    expect(isFiltering({ ...NO_FILTER, category: 'Meals' })).toBe(true);
  });
});

describe('months and totals', () => {
  it('lists months newest first, once each', () => {
    expect(listMonths(summaries)).toEqual(['2024-03', '2024-02']);
  });

  it('totals scanned receipts per month and currency without float drift', () => {
    const many = Array.from({ length: 10 }, (_, n) => summary(`x${n}`, { month: '2024-01', total: '0.10', currency: 'EUR' }));
    expect(totalsByMonth([...summaries, ...many, summary('k', { month: '2024-01', total: '1.005', currency: 'KWD' }), summary('n', { month: '2024-01', total: '-3.00', currency: 'EUR' })])).toEqual([
      { month: '2024-03', totals: [{ currency: 'EUR', amount: '12.70', count: 2 }, { currency: 'GBP', amount: '7.90', count: 1 }] },
      { month: '2024-02', totals: [{ currency: 'EUR', amount: '0.10', count: 1 }] },
      { month: '2024-01', totals: [{ currency: 'EUR', amount: '-2.00', count: 11 }, { currency: 'KWD', amount: '1.005', count: 1 }] },
    ]);
  });
});
