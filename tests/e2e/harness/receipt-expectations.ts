import { expect } from 'vitest';
import type { StoredReceipt } from './background-driver';
import { isCloseMerchant } from './receipts-dev';
import type { ReceiptTruth } from './receipts-dev';

/** Date and total exact; the merchant by letters and digits, close spellings allowed. Soft, so one run reports every receipt. */
export function expectReceiptMatchesTruth(receipt: StoredReceipt, truth: ReceiptTruth, label: string): void {
  expect(receipt.status, `${label}: status (error ${JSON.stringify(receipt.error)})`).toBe('done');
  const fields = receipt.fields;
  expect(fields, `${label}: fields`).not.toBeNull();
  if (!fields) return;
  expect.soft(truth.date, `${label}: date`).toContain(fields.date);
  expect.soft(fields.total, `${label}: total`).toBe(truth.total);
  expect.soft(isCloseMerchant(fields.merchant, truth.merchant), `${label}: merchant "${fields.merchant}" should be close to "${truth.merchant}"`).toBe(true);
}

/** How the popup writes a receipt date for its locale, worked out independently of the extension's code. */
export function displayedDate(isoDate: string, locale: string): string {
  const [year, month, day] = isoDate.split('-').map(Number);
  return new Date(Date.UTC(year ?? 0, (month ?? 1) - 1, day ?? 1)).toLocaleDateString(locale, {
    year: 'numeric',
    month: 'short',
    day: 'numeric',
    timeZone: 'UTC',
  });
}

/** "MYR 9.00", or the bare amount when no currency was read. */
export const displayedTotal = (total: string, currency: string | null): string => (currency ? `${currency} ${total}` : total);

/** The popup's default order, as its list reads it from the receipt-date index: newest date first, undated last, equal dates by id, descending. */
export function byReceiptDate(receipts: readonly { id: string; receiptDate: string }[]): string[] {
  return [...receipts].sort((a, b) => (a.receiptDate !== b.receiptDate ? (a.receiptDate < b.receiptDate ? 1 : -1) : a.id < b.id ? 1 : -1)).map((receipt) => receipt.id);
}
