import type { FieldName, OcrPage, ParsedReceipt } from '../receipt';
import type { DateOrder } from '../settings';
import { detectDecimalMark, formatAmount, sameAmount, type Amount, type DecimalMark } from './amounts';
import { detectCurrency } from './currency';
import { THREE_DECIMAL_CURRENCIES } from './currency-markers';
import { readDateOrderCue } from './date-cues';
import { pickDate } from './date-pick';
import { findItems, sumItems } from './items';
import { findMerchant } from './merchant';
import { NOISY_PAGE, readPageNoise } from './page-noise';
import { buildRows, findBox, type ReceiptRow } from './rows';
import { findWrittenTip, hasUnreadTip, readRowAmounts, readShiftedSummary, readSummary, type SummaryAmount } from './summary';
import { findColumnTotals } from './sums';
import { findTime } from './times';
import { pickTotal, type TotalPick } from './totals';

export interface ParseOptions {
  dateOrder: DateOrder;
  /** ISO 4217 code, or '' for none. */
  defaultCurrency: string;
  /** BCP 47 tag such as 'en-US'; the last word on day/month order. */
  locale: string;
  /** Dates after this day are misreadings and rejected. */
  today: Date;
}

function emptyReceipt(): ParsedReceipt {
  const confidence = { merchant: 0, date: 0, time: 0, total: 0, currency: 0, subtotal: 0, tax: 0, tip: 0 } satisfies Record<FieldName, number>;
  return { merchant: null, date: null, time: null, total: null, currency: null, subtotal: null, tax: null, tip: null, items: [], confidence };
}

/** Confidence as a share with two decimals. */
const share = (value: number): number => Math.round(Math.min(1, Math.max(0, value)) * 100) / 100;

function readOptions(options: Partial<ParseOptions> | undefined): ParseOptions {
  const today = options?.today instanceof Date && !Number.isNaN(options.today.getTime()) ? options.today : new Date();
  const dateOrder = options?.dateOrder && ['auto', 'dmy', 'mdy', 'ymd'].includes(options.dateOrder) ? options.dateOrder : 'auto';
  return {
    dateOrder,
    defaultCurrency: typeof options?.defaultCurrency === 'string' ? options.defaultCurrency : '',
    locale: typeof options?.locale === 'string' ? options.locale : '',
    today,
  };
}

const NOT_TOTALS = new Set(['subtotal', 'tax', 'tip', 'discount', 'rounding', 'tendered', 'change']);

/**
 * The largest positive amount `accepted` in the lower two thirds, where totals are printed, on no row that names another part.
 * Written with a currency, it is the guess at a total no row names; written as money, the last resort when nothing else is.
 */
function findLargestAmount(rowAmounts: readonly Amount[][], summary: readonly SummaryAmount[], accepted: (amount: Amount, row: number) => boolean): Amount | undefined {
  const labelled = new Set(summary.filter((entry) => NOT_TOTALS.has(entry.kind)).map((entry) => entry.amountRow));
  let largest: Amount | undefined;
  for (let index = Math.floor(rowAmounts.length / 3); index < rowAmounts.length; index++) {
    if (labelled.has(index)) continue;
    for (const amount of rowAmounts[index] ?? []) {
      if (accepted(amount, index) && amount.value > (largest?.value ?? 0)) largest = amount;
    }
  }
  return largest;
}

/** Money in a currency without cents is written in thousands ("134,999", "54.000"): a number so grouped, not a code. */
const GROUPED = /^\D{0,4}\d{1,3}(?:[.,' ]\d{3})+\D{0,4}$/;

/**
 * The total as the rows read; when its arithmetic does not hold there, and does with every label's amount a row above or
 * below it (labels and amounts read as two columns a row apart), as that reads.
 */
function readTotal(rows: readonly ReceiptRow[], rowAmounts: readonly Amount[][], summary: readonly SummaryAmount[], itemsSum: number | undefined, mark: DecimalMark): TotalPick {
  const marked = findLargestAmount(rowAmounts, summary, (amount) => amount.marker !== null);
  const asMoney = findLargestAmount(rowAmounts, summary, (amount) => amount.decimals === 2)?.value;
  // A whole number beside a currency sign, below an amount written as money, is a price in a name or a misread mark
  // ("1 $4 Stella 4.00", "1 Ft"), not the guess; in whole currencies ("¥1,200") nothing is written with cents.
  const inCurrency = marked && !(marked.decimals === 0 && asMoney !== undefined && asMoney > marked.value) ? marked.value : undefined;
  // On a receipt without cents, money is what is written in thousands: looked for only when nothing is written with cents.
  const inThousands = asMoney === undefined && mark === 'none' ? findLargestAmount(rowAmounts, summary, (amount, row) => GROUPED.test(rows[row]?.text.slice(amount.start, amount.end) ?? ''))?.value : undefined;
  const pick = pickTotal(summary, { inCurrency, asMoney: asMoney ?? inThousands, columns: findColumnTotals(rowAmounts, summary) }, itemsSum);
  if (pick.balanced) return pick;
  for (const offset of [-1, 1] as const) {
    const shifted = readShiftedSummary(rows, rowAmounts, offset);
    const kinds = new Set(shifted.map((entry) => entry.kind));
    // Enough labelled rows to tell: a total and at least two of its parts or payments.
    if (!(kinds.has('total') || kinds.has('grand')) || shifted.filter((entry) => entry.kind !== 'total' && entry.kind !== 'grand').length < 2) continue;
    const alternative = pickTotal(shifted, {}, itemsSum);
    if (alternative.balanced && alternative.total) return alternative;
  }
  return pick;
}

/** Most a total is sure of under a tip written by hand that OCR could not read: never sure. */
const TIP_UNREAD = 0.6;

function parseRows(page: OcrPage, options: ParseOptions): ParsedReceipt {
  const rows = buildRows(page);
  if (rows.length === 0) return emptyReceipt();
  const mark = detectDecimalMark(rows.map((row) => row.text));
  const rowAmounts = readRowAmounts(rows, mark);
  const { currency, confidence: currencyConfidence, fromReceipt } = detectCurrency(rows, rowAmounts.flat(), options.defaultCurrency);
  const decimals = currency !== null && THREE_DECIMAL_CURRENCIES.has(currency) ? 3 : mark === 'none' ? 0 : 2;
  const summary = readSummary(rows, rowAmounts);
  const noisy = readPageNoise(rows) > NOISY_PAGE;
  const date = pickDate(rows, options.dateOrder, options.locale, options.today, options.dateOrder === 'auto' ? readDateOrderCue(rows, currency, fromReceipt) : undefined, noisy);
  // A whole number after a comma or a # is a store's number ("HATOFF'S GAS, 4", "STORE #12"), not a price.
  const merchant = findMerchant(rows, rowAmounts.map((amounts, index) => amounts.some((amount) => amount.decimals > 0 || amount.marker !== null || !/[,#]\s*$/.test(rows[index]?.text.slice(0, amount.start) ?? ''))));
  const summaryStart = summary.find((entry) => ['grand', 'total', 'subtotal', 'tendered'].includes(entry.kind))?.row ?? rows.length;
  const items = findItems(rows, rowAmounts, (merchant.row ?? -1) + 1, summaryStart, decimals);
  const pick = readTotal(rows, rowAmounts, summary, sumItems(items), mark);
  // A tip written by hand beside a printed total that OCR could not read: what was paid is more than printed, so check it.
  const tipUnread = pick.total !== undefined && hasUnreadTip(rows, rowAmounts, pick.total.amountRow);
  // A tip written by hand and read, under the printed amount, with the total written beside it unread ("Tip: 24.00",
  // "Total: 5 LL a"): what was paid is the two together, to check.
  const tipAdded = pick.total === undefined ? undefined : findWrittenTip(rows, rowAmounts, summary, pick.total.amountRow);
  const totalValue = tipAdded !== undefined && pick.total ? pick.total.value + tipAdded : (pick.total?.value ?? pick.derived);
  const totalRow = pick.total ? rows[pick.total.amountRow] : undefined;
  // A total made with a written tip is printed nowhere: no box to point at.
  const totalBox = pick.total && totalRow && tipAdded === undefined ? findBox(totalRow, pick.total.amount.start, pick.total.amount.end) : undefined;
  const time = findTime(rows, date.row);
  const format = (value: number | undefined): string | null => (value === undefined ? null : formatAmount(value, decimals));
  const boxes: ParsedReceipt['boxes'] = {};
  if (totalBox) boxes.total = totalBox;
  if (date.box) boxes.date = date.box;
  const merchantRow = merchant.row === undefined ? undefined : rows[merchant.row];
  const merchantBox = merchantRow ? findBox(merchantRow, 0, merchantRow.text.length) : undefined;
  if (merchantBox) boxes.merchant = merchantBox;
  // Parts that add up to the total confirm each other.
  const parts = [pick.subtotal?.value, pick.tax, pick.tip?.value];
  const adds = totalValue !== undefined && pick.subtotal !== undefined && sameAmount(parts.reduce<number>((sum, value) => sum + (value ?? 0), 0), totalValue);
  const partConfidence = (value: unknown): number => (value === undefined ? 0 : adds ? 0.9 : 0.6);
  return {
    merchant: merchant.merchant,
    date: date.date,
    time,
    total: format(totalValue),
    currency,
    subtotal: format(pick.subtotal?.value),
    tax: format(pick.tax),
    tip: format(pick.tip?.value),
    items,
    confidence: {
      merchant: share(merchant.confidence),
      date: share(date.confidence),
      time: time === null ? 0 : 0.8,
      total: share(tipUnread || tipAdded !== undefined ? Math.min(pick.confidence, TIP_UNREAD) : pick.confidence),
      currency: share(currencyConfidence),
      subtotal: partConfidence(pick.subtotal),
      tax: partConfidence(pick.tax),
      tip: partConfidence(pick.tip),
    },
    ...(Object.keys(boxes).length > 0 ? { boxes } : {}),
  };
}

/** Structured receipt fields from an OCR page; never throws, a page it cannot read gives empty fields. */
export function parseReceipt(page: OcrPage, options?: Partial<ParseOptions>): ParsedReceipt {
  try {
    if (typeof page !== 'object' || page === null) return emptyReceipt();
    const safePage: OcrPage = { ...page, text: typeof page.text === 'string' ? page.text : '', lines: Array.isArray(page.lines) ? page.lines : [] };
    return parseRows(safePage, readOptions(options));
  } catch {
    return emptyReceipt();
  }
}
