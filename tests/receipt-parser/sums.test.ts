import { describe, expect, it } from 'vitest';
import type { LabelKind } from '../../utils/receipt-parser/labels';
import { detectDecimalMark } from '../../utils/receipt-parser/amounts';
import { buildRows } from '../../utils/receipt-parser/rows';
import { findColumnTotals, findImpliedTotals, isOneDigitApart, isRound, pickTax } from '../../utils/receipt-parser/sums';
import { readRowAmounts, readSummary, type SummaryAmount } from '../../utils/receipt-parser/summary';
import { pageFromText } from './pages';

/** A summary of labelled amounts, one a row, in the order given: [kind, value, rate]. */
const summaryOf = (entries: ReadonlyArray<readonly [LabelKind, number, number?]>): SummaryAmount[] =>
  entries.map(([kind, value, rate], row) => ({
    kind,
    value,
    row,
    amount: { value, decimals: 2, start: 0, end: 0, marker: null },
    amountRow: row,
    rate,
  }));

describe('isOneDigitApart', () => {
  it.each([
    [118.0, 118.07, true],
    [345.95, 343.95, true],
    [9.45, 9.55, true],
    [12.0, 12.0, false],
    [9.28, 39.28, false],
    [42.95, 40.05, false],
  ])('%d and %d: %s', (a, b, apart) => {
    expect(isOneDigitApart(a, b)).toBe(apart);
  });
});

describe('isRound', () => {
  it.each([
    [12.0, true],
    [11.95, true],
    [11.98, false],
  ])('%d: %s', (value, round) => {
    expect(isRound(value)).toBe(round);
  });
});

describe('findImpliedTotals', () => {
  it('pays cash − change, counting only a change below the cash', () => {
    expect(findImpliedTotals(summaryOf([['change', 1.0], ['tendered', 20.0], ['change', 7.5]])).paid).toEqual([12.5]);
  });

  it('adds the subtotal, each tax, all taxes, and the service, rounding and discount', () => {
    const { summed } = findImpliedTotals(summaryOf([['subtotal', 42.69], ['tip', 4.27], ['tax', 3.29]]));
    expect(summed.map((value) => value.toFixed(2))).toEqual(['46.96', '45.98', '50.25', '45.98', '50.25']);
  });

  it('adds a rounding either way, as OCR drops its minus sign', () => {
    const { summed } = findImpliedTotals(summaryOf([['subtotal', 10.34], ['tax', 0.92], ['rounding', 0.01]]));
    expect(summed.map((value) => value.toFixed(2))).toEqual(['10.35', '10.33', '11.26', '11.27', '11.25', '11.26', '11.27', '11.25']);
  });

  it('adds a taxable amount printed as a tax line and the tax it comes to at its rate, not another tax', () => {
    expect(findImpliedTotals(summaryOf([['tax', 13.3, 6], ['tax', 0.8, 6]])).summed.map((value) => value.toFixed(2))).toEqual(['14.10']);
    expect(findImpliedTotals(summaryOf([['tax', 13.3, 6], ['tax', 1.5, 6]])).summed).toEqual([]);
  });
});

describe('readSummary', () => {
  const summaryOfText = (text: string): Array<[string, number]> => {
    const rows = buildRows(pageFromText(text));
    return readSummary(rows, readRowAmounts(rows, detectDecimalMark(rows.map((row) => row.text)))).map((e) => [e.kind, e.value]);
  };

  it('reads what is due a row below its amount, as OCR may set a label lower; not a tax table\'s plain total', () => {
    expect(summaryOfText('139. 05\nDue\nThank you')).toEqual([['grand', 139.05]]);
    expect(summaryOfText('7.00\t0.42\nTOTAL:\nTHANK YOU')).toEqual([]);
    expect(summaryOfText('12.00\nAmount Due\tX\nTHANK YOU')).toEqual([]);
  });
});

describe('pickTax', () => {
  it.each<[string, ReadonlyArray<readonly [LabelKind, number, number?]>, number | undefined, number | undefined, string | undefined]>([
    ['the line that makes subtotal + tax = total', [['tax', 0.5], ['tax', 2.0]], 12.0, 10.0, '2.00'],
    ['all lines when only their sum fits', [['tax', 0.7, 7], ['tax', 1.9, 19]], 12.6, 10.0, '2.60'],
    ['one line a rate, a rate printed twice counted once', [['tax', 9.18, 10], ['tax', 7.0, 20], ['tax', 9.18, 10]], 121.0, undefined, '16.18'],
    ['no line as large as half the total', [['tax', 152.0]], 152.0, undefined, undefined],
  ])('%s', (_name, entries, total, subtotal, tax) => {
    expect(pickTax(summaryOf(entries), total, subtotal)?.toFixed(2)).toBe(tax);
  });
});

describe('findColumnTotals', () => {
  const columnTotalsOf = (text: string): number[] => {
    const rows = buildRows(pageFromText(text));
    const rowAmounts = readRowAmounts(rows, detectDecimalMark(rows.map((row) => row.text)));
    return findColumnTotals(rowAmounts, readSummary(rows, rowAmounts));
  };

  it.each([
    ['parts whose labels OCR lost', 'SUBTOTAL $16.80\n10% SVC CHG $1.68\nST $1.29\nots ee $19.77', [19.77]],
    ['a labelled total', 'Subtotal 10.00\nTax 0.80\nTotal 10.80', [10.8]],
    ['a rounding under it', 'Total (Excluding GST): 26.60\nServ. Charge (10%): 2.66\nGST Payable: 1.76\nTotal (Inclusive of GST): 31.02\nRounding Adj: -0,02\nCASH : 31.00', [31]],
    ['an unlabelled cent and the rounded total under it', 'SUBTOTAL 87.80\n10% SRV CHG 8.78\nGST @6% 5.81\nTOTAL: 102.39\n0.01\nTOTAL 102.40', [102.4]],
    ['a cent nothing rounds to', 'SUBTOTAL 87.80\n10% SRV CHG 8.78\nGST @6% 5.81\nTOTAL: 102.39\n0.01\nTHANK YOU', [102.39]],
  ])('finds what %s make', (_name, text, totals) => {
    expect(columnTotalsOf(text).map((value) => Math.round(value * 100) / 100)).toEqual(totals);
  });

  it.each([
    ['no subtotal', 'Coffee 3.00\nCake 4.50\n7.50'],
    ['the subtotal printed again right under it', 'Subtotal 10.00\nTotal 10.00'],
    ['amounts that add up to nothing printed', 'Subtotal 10.00\nTax 0.80\nCash 20.00\nChange 9.20'],
    ['parts too far below', 'Subtotal 10.00\nA 1.00\nB 1.00\nC 1.00\nD 1.00\nE 1.00\nF 15.00'],
  ])('finds none with %s', (_name, text) => {
    expect(columnTotalsOf(text)).toEqual([]);
  });
});
