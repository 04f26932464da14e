import { NO_DATE_MONTH } from '@/utils/storage/receipt-summary';
import type { ReceiptFilter, ReceiptShow } from '@/utils/storage/receipt-filter';

/** The popup's orders: newest receipt date (undated last), largest amount, newest scan. */
export type PopupSort = 'date' | 'total' | 'captured';

interface Props {
  filter: ReceiptFilter;
  months: string[];
  /** The categories the receipts have; a filter by category is offered once there are any. */
  categories?: readonly string[];
  sort: PopupSort;
  locale: string;
  onChange: (filter: ReceiptFilter) => void;
  onSort: (sort: PopupSort) => void;
}

export function formatMonth(month: string, locale: string): string {
  if (month === NO_DATE_MONTH) return 'No date';
  const [year, monthNumber] = month.split('-').map(Number);
  if (!year || !monthNumber) return month;
  return new Date(Date.UTC(year, monthNumber - 1, 1)).toLocaleDateString(locale, { year: 'numeric', month: 'long', timeZone: 'UTC' });
}

/** Search by merchant and OCR text, and narrow to a month or to receipts that need attention. */
/** Each control also names itself: a label wrapping a select would otherwise add the chosen option to its name ("Show All receipts"). */
export function ReceiptToolbar({ filter, months, categories = [], sort, locale, onChange, onSort }: Props) {
  return (
    <div class="toolbar" role="search">
      <label class="search">
        <span class="visually-hidden">Search</span>
        <input type="search" aria-label="Search" placeholder="Search" title="Search merchants and receipt text" value={filter.query} onInput={(event) => onChange({ ...filter, query: event.currentTarget.value })} />
      </label>
      <label>
        <span class="visually-hidden">Month</span>
        <select aria-label="Month" value={filter.month} onChange={(event) => onChange({ ...filter, month: event.currentTarget.value })}>
          <option value="">All months</option>
          {months.map((month) => (
            <option key={month} value={month}>
              {formatMonth(month, locale)}
            </option>
          ))}
        </select>
      </label>
      <label>
        <span class="visually-hidden">Show</span>
        <select aria-label="Show" value={filter.show} onChange={(event) => onChange({ ...filter, show: event.currentTarget.value as ReceiptShow })}>
          <option value="all">All receipts</option>
          <option value="review">Needs review</option>
          <option value="failed">Failed</option>
        </select>
      </label>
      {categories.length > 0 && (
        <label>
          <span class="visually-hidden">Category</span>
          <select aria-label="Category" value={filter.category} onChange={(event) => onChange({ ...filter, category: event.currentTarget.value })}>
            <option value="">All categories</option>
            {categories.map((category) => (
              <option key={category} value={category}>
                {category}
              </option>
            ))}
          </select>
        </label>
      )}
      <label>
        <span class="visually-hidden">Sort</span>
        <select aria-label="Sort" value={sort} onChange={(event) => onSort(event.currentTarget.value as PopupSort)}>
          <option value="date">Receipt date</option>
          <option value="total">Amount</option>
          <option value="captured">Scan time</option>
        </select>
      </label>
    </div>
  );
}
