/** The receipt's own arithmetic: what its parts add up to, what was paid, which tax line fits. */
import { sameAmount, type Amount } from './amounts';
import type { LabelKind } from './labels';
import { countSubstitutions } from './misread-words';
import type { SummaryAmount } from './summary';

export const ofKind = (summary: readonly SummaryAmount[], ...kinds: LabelKind[]): SummaryAmount[] =>
  summary.filter((entry) => kinds.includes(entry.kind));

/** Totals the receipt's own arithmetic points at: cash − change, subtotal + tax (+ tip, rounding, − discount). */
export function findImpliedTotals(summary: readonly SummaryAmount[]): { paid: number[]; summed: number[] } {
  const tendered = ofKind(summary, 'tendered').filter((e) => e.value > 0);
  const change = ofKind(summary, 'change').filter((e) => e.value >= 0);
  const paid: number[] = [];
  for (const t of tendered) {
    for (const c of change) if (c.row > t.row && t.value - c.value > 0) paid.push(t.value - c.value);
  }
  const summed: number[] = [];
  const extras = ofKind(summary, 'tip', 'rounding', 'discount').reduce((sum, e) => sum + (e.kind === 'discount' ? -Math.abs(e.value) : e.value), 0);
  // OCR often drops a rounding's minus sign ("Round 0.01" for -0.01): the parts are summed with it either way.
  const rounding = ofKind(summary, 'rounding').reduce((sum, e) => sum + e.value, 0);
  const extrasEither = rounding === 0 ? [extras] : [extras, extras - 2 * rounding];
  const taxes = ofKind(summary, 'tax').filter((e) => e.value > 0);
  const taxSum = taxes.reduce((sum, e) => sum + e.value, 0);
  // A taxable amount printed as a tax line ("TAX AMT (S) 6% 13.30") and the tax it comes to at that rate ("GST 6% 0.80"):
  // the two make the total.
  for (const base of taxes) {
    const rate = base.rate;
    if (rate === undefined || rate <= 0) continue;
    const due = base.value * (rate / 100);
    const tax = taxes.find((e) => e !== base && e.value < base.value && Math.abs(e.value - due) <= 0.011);
    if (tax) summed.push(base.value + tax.value);
  }
  for (const sub of ofKind(summary, 'subtotal').filter((e) => e.value > 0)) {
    for (const extra of extrasEither) if (extra !== 0) summed.push(sub.value + extra);
    for (const tax of [...taxes.map((e) => e.value), taxSum].filter((value) => value > 0 && value < sub.value / 2)) {
      summed.push(sub.value + tax, ...extrasEither.map((extra) => sub.value + tax + extra));
    }
  }
  return { paid, summed };
}

/** Rows after a subtotal that may still be its parts, before the amount they make. */
const PART_ROWS = 5;

/**
 * The amount under a subtotal that it and the amounts between make, whatever their labels read: "SUBTOTAL $16.80",
 * "10% SVC CHG $1.68", "ST $1.29", "ots ee $19.77". A column of parts OCR left unlabelled still adds up.
 */
export function findColumnTotals(rowAmounts: readonly Amount[][], summary: readonly SummaryAmount[]): number[] {
  const totals: number[] = [];
  for (const sub of ofKind(summary, 'subtotal').filter((e) => e.value > 0)) {
    let running = sub.value;
    let parts = 0;
    for (let index = sub.amountRow + 1; index <= Math.min(rowAmounts.length - 1, sub.amountRow + PART_ROWS); index++) {
      const amount = rowAmounts[index]?.at(-1);
      if (!amount) continue;
      if (parts > 0 && sameAmount(amount.value, running)) {
        totals.push(roundLater(rowAmounts, summary, index, running));
        break;
      }
      running += amount.value;
      parts++;
    }
  }
  return totals;
}

/** Largest adjustment a till's rounding makes: half a rupee, half a krone. */
const MAX_ROUNDING = 0.5;

/** Two amounts a till's rounding tells apart: a few cents, up to MAX_ROUNDING, and not the same. */
export const isRounding = (unrounded: number, rounded: number): boolean => !sameAmount(unrounded, rounded) && Math.abs(unrounded - rounded) <= MAX_ROUNDING;

/**
 * The total after the rounding under it: the rounded total printed below ("0.01", "TOTAL 102.40"; "Round Off -0.50", "Net
 * Amount 430.00"), else what a labelled rounding makes ("Total 31.02", "Rounding Adj: -0,02": 31.00 was paid); the total
 * itself when nothing rounds it.
 */
function roundLater(rowAmounts: readonly Amount[][], summary: readonly SummaryAmount[], totalRow: number, total: number): number {
  let next = totalRow + 1;
  while (next < rowAmounts.length && rowAmounts[next]?.length === 0) next++;
  const adjustment = rowAmounts[next]?.at(-1)?.value;
  if (adjustment === undefined || adjustment === 0 || Math.abs(adjustment) > MAX_ROUNDING) return total;
  // The rounded total printed under it settles the sign OCR may have lost; a rounding's label, its sign as read.
  const printed = rowAmounts.slice(next + 1, next + 3).flat().find((amount) => sameAmount(amount.value, total + adjustment) || sameAmount(amount.value, total - adjustment));
  if (printed) return printed.value;
  return summary.some((e) => e.amountRow === next && e.kind === 'rounding') ? total + adjustment : total;
}

/** Each amount with either sign. */
export const bothSigns = (entries: readonly SummaryAmount[]): number[] => entries.flatMap((e) => [e.value, -e.value]);

/** A multiple of 5 cents: what a rounding to the nearest 5 cents leaves as it is. */
export const isRound = (value: number): boolean => Math.abs(Math.round(value * 20) - value * 20) < 1e-6;

/** The same number of digits, all but one the same: one amount, one digit misread. */
export const isOneDigitApart = (a: number, b: number): boolean => countSubstitutions(Math.abs(a).toFixed(2), Math.abs(b).toFixed(2)) === 1;

/** The tax that makes subtotal + tax = total, else one line per distinct rate added up, else the first tax line under half the total. */
export function pickTax(summary: readonly SummaryAmount[], total: number | undefined, subtotal: number | undefined): number | undefined {
  const lines = ofKind(summary, 'tax').filter((e) => e.value > 0);
  const taxes = lines.map((e) => e.value);
  if (taxes.length === 0) return undefined;
  if (total !== undefined && subtotal !== undefined) {
    const fit = taxes.find((value) => sameAmount(subtotal + value, total));
    if (fit !== undefined) return fit;
    const sum = taxes.reduce((a, b) => a + b, 0);
    if (sameAmount(subtotal + sum, total)) return sum;
  }
  // "VAT 10% 9.18" and "VAT 20% 7.00" are two parts of the tax; a rate printed twice (a tax table) counts once.
  const byRate = new Map<number, number>();
  for (const line of lines) if (line.rate !== undefined && line.rate > 0 && !byRate.has(line.rate)) byRate.set(line.rate, line.value);
  const rated = [...byRate.values()].reduce((a, b) => a + b, 0);
  if (byRate.size >= 2 && (total === undefined || rated < total / 2)) return rated;
  const below = taxes.filter((value) => total === undefined || value < total / 2);
  return below[0];
}
