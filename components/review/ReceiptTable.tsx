import type { ReceiptSort, ReceiptSortKey } from '@/utils/storage/receipt-sort';
import type { ReceiptSummary } from '@/utils/storage/receipt-summary';
import { formatReceiptDate, formatTotal } from '@/utils/receipt-format';

interface Props {
  receipts: readonly ReceiptSummary[];
  sort: ReceiptSort;
  selectedId: string | null;
  locale: string;
  onSort: (sort: ReceiptSort) => void;
  onSelect: (id: string) => void;
}

const COLUMNS: { key: ReceiptSortKey; label: string; numeric?: boolean }[] = [
  { key: 'date', label: 'Date' },
  { key: 'merchant', label: 'Merchant' },
  { key: 'total', label: 'Total', numeric: true },
  { key: 'status', label: 'Status' },
  { key: 'category', label: 'Category' },
];

function statusText(receipt: ReceiptSummary): string {
  if (receipt.status === 'done') return receipt.needsReview ? 'Check' : 'Done';
  if (receipt.status === 'failed') return 'Failed';
  return 'Scanning';
}

/** The receipts as a table: a header click sorts by that column, a row click (or Enter on it) opens the receipt beside it. */
export function ReceiptTable({ receipts, sort, selectedId, locale, onSort, onSelect }: Props) {
  // The same column again turns the order round; another starts A to Z for words, newest or largest first otherwise.
  const sortBy = (key: ReceiptSortKey) => {
    if (key === sort.key) return onSort({ key, direction: sort.direction === 'ascending' ? 'descending' : 'ascending' });
    onSort({ key, direction: key === 'merchant' || key === 'category' || key === 'status' ? 'ascending' : 'descending' });
  };
  return (
    <table class="receipt-table">
      <caption class="visually-hidden">Receipts, sorted by {COLUMNS.find((column) => column.key === sort.key)?.label.toLowerCase()}</caption>
      <thead>
        <tr>
          {COLUMNS.map((column) => (
            <th key={column.key} scope="col" class={column.numeric ? 'numeric' : undefined} aria-sort={sort.key === column.key ? sort.direction : undefined}>
              <button type="button" class="sort-button" onClick={() => sortBy(column.key)}>
                {column.label}
                <span aria-hidden="true">{sort.key === column.key ? (sort.direction === 'ascending' ? ' ▲' : ' ▼') : ''}</span>
              </button>
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {receipts.map((receipt) => (
          <tr
            key={receipt.id}
            data-receipt-id={receipt.id}
            class={receipt.id === selectedId ? 'selected' : undefined}
            aria-selected={receipt.id === selectedId}
            tabIndex={0}
            onClick={() => onSelect(receipt.id)}
            onKeyDown={(event) => {
              if (event.key === 'Enter' || event.key === ' ') {
                event.preventDefault();
                onSelect(receipt.id);
              }
            }}
          >
            <td>{receipt.date ? formatReceiptDate(receipt.date, locale) : 'No date'}</td>
            <td class="merchant-cell">{receipt.merchant || 'Unknown merchant'}</td>
            <td class="numeric">{receipt.total === null ? '' : formatTotal(receipt.total, receipt.currency)}</td>
            <td>{statusText(receipt)}</td>
            <td>{receipt.category ?? ''}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
