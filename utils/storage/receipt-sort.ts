import type { ReceiptSummary } from './receipt-summary';

export type ReceiptSortKey = 'date' | 'merchant' | 'total' | 'status' | 'category' | 'captured';
export type SortDirection = 'ascending' | 'descending';

export interface ReceiptSort {
  key: ReceiptSortKey;
  direction: SortDirection;
}

/** Newest receipt date first: how an expense list is read. */
export const DEFAULT_SORT: ReceiptSort = { key: 'date', direction: 'descending' };

const collator = new Intl.Collator(undefined, { sensitivity: 'base', numeric: true });

/** The value a column sorts by; undefined sorts last whatever the direction (an undated receipt is not the oldest). */
function sortValue(summary: ReceiptSummary, key: ReceiptSortKey): string | number | undefined {
  switch (key) {
    case 'date':
      return summary.date ?? undefined;
    case 'merchant':
      return summary.merchant === '' ? undefined : summary.merchant;
    case 'total': {
      const total = summary.total === null ? Number.NaN : Number(summary.total);
      return Number.isFinite(total) ? total : undefined;
    }
    case 'status':
      return summary.needsReview ? `${summary.status} review` : summary.status;
    case 'category':
      return summary.category ? summary.category : undefined;
    case 'captured':
      return summary.capturedAt;
  }
}

function compareValues(a: string | number, b: string | number): number {
  return typeof a === 'number' && typeof b === 'number' ? a - b : collator.compare(String(a), String(b));
}

/** A sorted copy; ties keep the newest scan first, so the order never jumps between two equal rows. */
export function sortSummaries(summaries: readonly ReceiptSummary[], sort: ReceiptSort): ReceiptSummary[] {
  const sign = sort.direction === 'ascending' ? 1 : -1;
  return [...summaries].sort((a, b) => {
    const left = sortValue(a, sort.key);
    const right = sortValue(b, sort.key);
    if (left === undefined || right === undefined) {
      if (left !== right) return left === undefined ? 1 : -1;
    } else {
      const order = compareValues(left, right);
      if (order !== 0) return order * sign;
    }
    return b.capturedAt - a.capturedAt || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
  });
}
