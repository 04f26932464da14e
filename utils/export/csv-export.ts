import type { LineItem, ReceiptRecord } from '../receipt';

const BOM = '\uFEFF';
const LINE_END = '\r\n';
const HEADER = ['Date', 'Merchant', 'Total', 'Currency', 'Subtotal', 'Tax', 'Tip', 'Time', 'Status', 'Items', 'Source page', 'Captured at', 'Receipt id', 'Category', 'Note'];
/** A plain decimal holds no formula, so amounts like -3.00 stay numbers a spreadsheet can sum. */
const PLAIN_AMOUNT = /^-?\d+(\.\d+)?$/;
/** What makes Excel, LibreOffice or Sheets read a cell as a formula; full-width forms included, which some locales convert. */
const FORMULA_START = /^[=+\-@\t\r＝＋－＠]/;
const NEEDS_QUOTES = /[",\r\n]/;

/** Text that would start a formula gets a leading apostrophe, so "=HYPERLINK(...)" from a hostile receipt shows as text. */
function neutraliseFormula(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}

/** An amount as a spreadsheet sums it; anything else as neutralised text. */
export function formatCsvAmount(amount: string | null | undefined): string {
  if (amount === null || amount === undefined) return '';
  return PLAIN_AMOUNT.test(amount) ? amount : neutraliseFormula(amount);
}

/** RFC 4180: quoted when it holds a comma, quote, CR or LF, with quotes doubled. */
function quoteCell(cell: string): string {
  return NEEDS_QUOTES.test(cell) ? `"${cell.replaceAll('"', '""')}"` : cell;
}

/** An item line that is mostly letters is a purchase; OCR debris ("==== ** ::") is not. */
export function isCleanItem(item: LineItem): boolean {
  const letters = item.description.match(/\p{L}/gu)?.length ?? 0;
  const visible = item.description.replace(/\s/gu, '').length;
  return letters >= 2 && letters >= visible / 2;
}

/** "Coffee × 2 = 7.00"; the quantity or amount is left out when the receipt did not say. */
function formatItem(item: LineItem): string {
  const quantity = item.quantity === null ? '' : ` × ${item.quantity}`;
  const amount = item.amount === null ? '' : ` = ${item.amount}`;
  return `${item.description}${quantity}${amount}`;
}

function formatCapturedAt(capturedAt: number): string {
  const date = new Date(capturedAt);
  return Number.isNaN(date.getTime()) ? '' : date.toISOString();
}

/** Text for a cell, safe from formulas. */
export const csvText = (value: string | null | undefined): string => neutraliseFormula(value ?? '');

function receiptRow(receipt: ReceiptRecord): string[] {
  const fields = receipt.fields;
  return [
    csvText(fields?.date),
    csvText(fields?.merchant),
    formatCsvAmount(fields?.total),
    csvText(fields?.currency),
    formatCsvAmount(fields?.subtotal),
    formatCsvAmount(fields?.tax),
    formatCsvAmount(fields?.tip),
    csvText(fields?.time),
    csvText(receipt.status),
    csvText((fields?.items ?? []).map(formatItem).join('; ')),
    csvText(receipt.source.pageUrl),
    formatCapturedAt(receipt.capturedAt),
    csvText(receipt.id),
    csvText(receipt.category),
    csvText(receipt.note),
  ];
}

/** Rows as RFC 4180 CSV with a UTF-8 byte order mark, so spreadsheet apps open accents and € correctly. */
export function toCsv(header: readonly string[], rows: readonly (readonly string[])[]): string {
  return BOM + [header, ...rows].map((row) => row.map(quoteCell).join(',') + LINE_END).join('');
}

/** Every field of every receipt. */
export function receiptsToCsv(receipts: ReceiptRecord[]): string {
  return toCsv(HEADER, receipts.map(receiptRow));
}

export function csvBlob(csv: string): Blob {
  return new Blob([csv], { type: 'text/csv;charset=utf-8' });
}
