import type { LineItem, ReceiptRecord } from '../receipt';
import { csvText, formatCsvAmount, isCleanItem, toCsv } from './csv-export';

/** What the popup offers: the full export, or the columns an accounting or budgeting app imports. */
export type CsvPreset = 'full' | 'xero' | 'quickbooks' | 'ynab';

export const CSV_PRESETS: readonly { preset: CsvPreset; label: string }[] = [
  { preset: 'full', label: 'All fields' },
  { preset: 'xero', label: 'Xero' },
  { preset: 'quickbooks', label: 'QuickBooks Online' },
  { preset: 'ynab', label: 'YNAB' },
];

/** "2 × Coffee 7.00" per item, debris left out: what a memo or description column shows. */
export function cleanItemLines(items: readonly LineItem[]): string[] {
  return items.filter(isCleanItem).map((item) => {
    const quantity = item.quantity !== null && item.quantity !== 1 ? `${item.quantity} × ` : '';
    return `${quantity}${item.description.trim().replace(/\s+/gu, ' ')}${item.amount === null ? '' : ` ${item.amount}`}`;
  });
}

/** "2024-03-05" as the app wants it: day first for Xero, month first for QuickBooks and YNAB. */
function formatDate(iso: string | null | undefined, order: 'dmy' | 'mdy'): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso ?? '');
  if (!match) return '';
  const [, year, month, day] = match;
  return order === 'dmy' ? `${day}/${month}/${year}` : `${month}/${day}/${year}`;
}

/** Money spent is negative in a bank-statement import; a refund (negative total) comes in. */
function negate(amount: string | null | undefined): string | null {
  if (!amount || !/^-?\d+(\.\d+)?$/.test(amount)) return null;
  if (/^-?0+(\.0+)?$/.test(amount)) return amount.replace(/^-/, '');
  return amount.startsWith('-') ? amount.slice(1) : `-${amount}`;
}

/** The parts that say something, joined: "Meals · Client lunch · Coffee 3.00". */
const joinParts = (...parts: (string | null | undefined)[]): string => parts.filter((part) => part !== null && part !== undefined && part.trim() !== '').join(' · ');

const itemLines = (receipt: ReceiptRecord): string => cleanItemLines(receipt.fields?.items ?? []).join('; ');

const describe = (receipt: ReceiptRecord): string => joinParts(receipt.category, receipt.note, itemLines(receipt));

const PRESETS: Record<Exclude<CsvPreset, 'full'>, { header: string[]; row: (receipt: ReceiptRecord) => string[] }> = {
  // Xero's bank statement import: Date (DD/MM/YYYY), Amount (spent is negative), Payee, Description, Reference.
  xero: {
    header: ['Date', 'Amount', 'Payee', 'Description', 'Reference'],
    row: (receipt) => [formatDate(receipt.fields?.date, 'dmy'), formatCsvAmount(negate(receipt.fields?.total)), csvText(receipt.fields?.merchant), csvText(describe(receipt)), csvText(receipt.id)],
  },
  // QuickBooks Online's three-column bank upload: Date (MM/DD/YYYY), Description, Amount (spent is negative).
  quickbooks: {
    header: ['Date', 'Description', 'Amount'],
    row: (receipt) => [
      formatDate(receipt.fields?.date, 'mdy'),
      csvText(joinParts(receipt.fields?.merchant, describe(receipt))),
      formatCsvAmount(negate(receipt.fields?.total)),
    ],
  },
  // YNAB's file import: Date, Payee, Category, Memo, Outflow, Inflow (a refund is an inflow).
  ynab: {
    header: ['Date', 'Payee', 'Category', 'Memo', 'Outflow', 'Inflow'],
    row: (receipt) => {
      const total = receipt.fields?.total ?? null;
      const refund = total?.startsWith('-') === true;
      const memo = joinParts(receipt.note, itemLines(receipt));
      return [
        formatDate(receipt.fields?.date, 'mdy'),
        csvText(receipt.fields?.merchant),
        csvText(receipt.category),
        csvText(memo),
        refund ? '' : formatCsvAmount(total),
        refund ? formatCsvAmount(negate(total)) : '',
      ];
    },
  },
};

/** The receipts in an app's import columns; only scanned receipts with a total, since an import row needs an amount. */
export function receiptsToPresetCsv(receipts: readonly ReceiptRecord[], preset: Exclude<CsvPreset, 'full'>): string {
  const { header, row } = PRESETS[preset];
  return toCsv(header, receipts.filter((receipt) => receipt.fields?.total != null).map(row));
}
