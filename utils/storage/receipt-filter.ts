import { foldForSearch, NO_DATE_MONTH, type ReceiptSummary } from './receipt-summary';

export type ReceiptShow = 'all' | 'review' | 'failed';

export interface ReceiptFilter {
  query: string;
  /** YYYY-MM, or '' for every month. */
  month: string;
  show: ReceiptShow;
  /** A category, or '' for every category. */
  category: string;
}

export const NO_FILTER: ReceiptFilter = { query: '', month: '', show: 'all', category: '' };

export function isFiltering(filter: ReceiptFilter): boolean {
  return filter.query.trim() !== '' || filter.month !== '' || filter.show !== 'all' || filter.category !== '';
}

/** Every word of the query must appear in the merchant, category, note or OCR text. */
export function filterSummaries(summaries: ReceiptSummary[], filter: ReceiptFilter): ReceiptSummary[] {
  const words = foldForSearch(filter.query).split(/\s+/u).filter(Boolean);
  return summaries.filter(
    (summary) =>
      (filter.month === '' || summary.month === filter.month) &&
      (filter.category === '' || summary.category === filter.category) &&
      (filter.show === 'all' || (filter.show === 'failed' ? summary.status === 'failed' : summary.needsReview)) &&
      words.every((word) => summary.searchText.includes(word)),
  );
}

/** Newest month first, the receipts without a date last. */
const newestMonthFirst = (a: string, b: string): number => (a === NO_DATE_MONTH ? 1 : b === NO_DATE_MONTH ? -1 : b.localeCompare(a));

/** The months that have receipts, newest first, "No date" last. */
export function listMonths(summaries: ReceiptSummary[]): string[] {
  return [...new Set(summaries.map((summary) => summary.month))].sort(newestMonthFirst);
}

export interface MonthTotal {
  month: string;
  totals: { currency: string; amount: string; count: number }[];
}

/** Amounts are summed in thousandths, so no float ever rounds a cent away. */
const SCALE = 1000;

function toThousandths(amount: string): number | null {
  const match = /^(-?)(\d+)(?:\.(\d{1,3}))?$/.exec(amount);
  if (!match) return null;
  const [, sign = '', whole = '0', fraction = ''] = match;
  const value = Number(whole) * SCALE + Number(fraction.padEnd(3, '0'));
  return sign === '-' ? -value : value;
}

function fromThousandths(value: number): string {
  const sign = value < 0 ? '-' : '';
  const absolute = Math.abs(value);
  const whole = Math.floor(absolute / SCALE);
  const fraction = String(absolute % SCALE).padStart(3, '0');
  return `${sign}${whole}.${fraction.endsWith('0') ? fraction.slice(0, 2) : fraction}`;
}

/** Totals of the scanned receipts per month and currency, newest month first. */
export function totalsByMonth(summaries: ReceiptSummary[]): MonthTotal[] {
  const months = new Map<string, Map<string, { sum: number; count: number }>>();
  for (const summary of summaries) {
    const value = summary.status === 'done' && summary.total !== null ? toThousandths(summary.total) : null;
    if (value === null) continue;
    const currencies = months.get(summary.month) ?? new Map<string, { sum: number; count: number }>();
    const currency = summary.currency ?? '';
    const running = currencies.get(currency) ?? { sum: 0, count: 0 };
    currencies.set(currency, { sum: running.sum + value, count: running.count + 1 });
    months.set(summary.month, currencies);
  }
  return [...months.entries()]
    .sort(([a], [b]) => newestMonthFirst(a, b))
    .map(([month, currencies]) => ({
      month,
      totals: [...currencies.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([currency, { sum, count }]) => ({ currency, amount: fromThousandths(sum), count })),
    }));
}
