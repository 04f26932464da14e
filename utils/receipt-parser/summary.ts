import { findAmounts, type Amount, type DecimalMark } from './amounts';
import { classifyLabel, type LabelKind } from './labels';
import type { ReceiptRow } from './rows';

/** An amount read on a labelled row. */
export interface SummaryAmount {
  kind: LabelKind;
  value: number;
  row: number;
  amount: Amount;
  /** Row the amount was read on (the label's next row when the amount sits under its label). */
  amountRow: number;
}

/** Only numbers written as money count: with decimals, or with a currency, or anything on receipts without decimals. */
const isMoney = (amount: Amount, mark: DecimalMark): boolean =>
  mark === 'none' || amount.decimals === 2 || amount.decimals === 3 || (amount.marker !== null && amount.decimals === 0);

/** Amounts of every row, money only. */
export function readRowAmounts(rows: readonly ReceiptRow[], mark: DecimalMark): Amount[][] {
  return rows.map((row) => findAmounts(row.text, mark).filter((amount) => isMoney(amount, mark)));
}

const ONLY_AMOUNTS = /^[\s\d.,'()\-−:*=$£€¥₹a-z]{0,12}$/i;

/** Each labelled row's amount (the rightmost), taking it from the next row when the label stands alone. */
export function readSummary(rows: readonly ReceiptRow[], rowAmounts: readonly Amount[][]): SummaryAmount[] {
  const summary: SummaryAmount[] = [];
  rows.forEach((row, index) => {
    const kind = classifyLabel(row.norm);
    if (kind === 'none') return;
    let amounts = rowAmounts[index] ?? [];
    let amountRow = index;
    if (amounts.length === 0) {
      const next = rows[index + 1];
      const nextAmounts = rowAmounts[index + 1] ?? [];
      const rest = next === undefined ? '' : nextAmounts.reduceRight((text, a) => text.slice(0, a.start) + text.slice(a.end), next.text);
      if (next === undefined || nextAmounts.length === 0 || !ONLY_AMOUNTS.test(rest)) return;
      amounts = nextAmounts;
      amountRow = index + 1;
    }
    const amount = amounts[amounts.length - 1];
    if (amount) summary.push({ kind, value: amount.value, row: index, amount, amountRow });
  });
  return summary;
}
