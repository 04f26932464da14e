import { useState } from 'preact/hooks';
import type { MonthTotal } from '@/utils/storage/receipt-filter';
import { formatMonth } from './ReceiptToolbar';

/** Spending per month, one sum per currency: amounts in different currencies are never added together. The newest first; every month on request. */
export function MonthTotals({ months, locale, limit = 3 }: { months: MonthTotal[]; locale: string; limit?: number }) {
  const [all, setAll] = useState(false);
  if (months.length === 0) return null;
  return (
    <table class="month-totals" aria-label="Totals per month">
      <caption>
        Spent per month
        {months.length > limit && (
          <button type="button" class="link" aria-expanded={all} onClick={() => setAll(!all)}>
            {all ? 'Fewer months' : `All ${months.length} months`}
          </button>
        )}
      </caption>
      <tbody>
        {(all ? months : months.slice(0, limit)).map(({ month, totals }) => (
          <tr key={month}>
            <th scope="row">{formatMonth(month, locale)}</th>
            <td>{totals.map(({ currency, amount }) => (currency ? `${currency} ${amount}` : amount)).join(' · ')}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
