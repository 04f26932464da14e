import type { LineItem, ReceiptRecord } from '../receipt';

const BOM = '\uFEFF';
const LINE_END = '\r\n';
const HEADER = ['Date', 'Merchant', 'Total', 'Currency', 'Subtotal', 'Tax', 'Tip', 'Time', 'Status', 'Items', 'Source page', 'Captured at', 'Receipt id'];
/** A plain decimal holds no formula, so amounts like -3.00 stay numbers a spreadsheet can sum. */
const PLAIN_AMOUNT = /^-?\d+(\.\d+)?$/;
/** What makes Excel, LibreOffice or Sheets read a cell as a formula; full-width forms included, which some locales convert. */
const FORMULA_START = /^[=+\-@\t\r＝＋－＠]/;
const NEEDS_QUOTES = /[",\r\n]/;

/** Text that would start a formula gets a leading apostrophe, so "=HYPERLINK(...)" from a hostile receipt shows as text. */
function neutraliseFormula(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}

function formatAmount(amount: string | null): string {
  if (amount === null) return '';
  return PLAIN_AMOUNT.test(amount) ? amount : neutraliseFormula(amount);
}

/** RFC 4180: quoted when it holds a comma, quote, CR or LF, with quotes doubled. */
function quoteCell(cell: string): string {
  return NEEDS_QUOTES.test(cell) ? `"${cell.replaceAll('"', '""')}"` : cell;
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

function receiptRow(receipt: ReceiptRecord): string[] {
  const fields = receipt.fields;
  const text = (value: string | null | undefined) => neutraliseFormula(value ?? '');
  return [
    text(fields?.date),
    text(fields?.merchant),
    formatAmount(fields?.total ?? null),
    text(fields?.currency),
    formatAmount(fields?.subtotal ?? null),
    formatAmount(fields?.tax ?? null),
    formatAmount(fields?.tip ?? null),
    text(fields?.time),
    text(receipt.status),
    text((fields?.items ?? []).map(formatItem).join('; ')),
    text(receipt.source.pageUrl),
    formatCapturedAt(receipt.capturedAt),
    text(receipt.id),
  ];
}

/** The receipts as RFC 4180 CSV with a UTF-8 byte order mark, so spreadsheet apps open accents and € correctly. */
export function receiptsToCsv(receipts: ReceiptRecord[]): string {
  const rows = [HEADER, ...receipts.map(receiptRow)];
  return BOM + rows.map((row) => row.map(quoteCell).join(',') + LINE_END).join('');
}

export function csvBlob(csv: string): Blob {
  return new Blob([csv], { type: 'text/csv;charset=utf-8' });
}
