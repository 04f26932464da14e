import { describe, expect, it } from 'vitest';
import { detectDecimalMark, findAmounts, formatAmount, type DecimalMark } from '../../utils/receipt-parser/amounts';

describe('detectDecimalMark', () => {
  it.each([
    [['TOTAL 12.50', 'CASH 20.00'], '.'],
    [['SUMME 12,50', 'Gegeben 20,00'], ','],
    [['Total 1,234.56'], '.'],
    [['Gesamt 1.234,56'], ','],
    [['合計 ¥1,200', 'お預り ¥2,000'], 'none'],
    [['Datum 11.02.18', 'Summe 3,50', 'Bar 5,00'], ','],
    [['2025.10.03 11:11', 'ÖSSZESEN 1158 Ft'], 'none'],
    [['18.08.25', 'TOPLAM 57'], 'none'],
    [['S RM1. 38', 'GST 6% RMO. 08', 'TOTAL RM1. 38'], '.'],
  ] as const)('reads %j as %s', (texts, mark) => {
    expect(detectDecimalMark(texts)).toBe(mark);
  });
});

describe('findAmounts', () => {
  it.each([
    ['TOTAL 1,234.56', '.', [[1234.56, null]]],
    ['Gesamt 1.234,56', ',', [[1234.56, null]]],
    ['Total 1 234,56', ',', [[1234.56, null]]],
    ['SUMME 12,50 EUR', ',', [[12.5, 'EUR']]],
    ['Total $12.50', '.', [[12.5, '$']]],
    ['TOTAL RM 9.00', '.', [[9, 'RM']]],
    ['TOTAL £7.90', '.', [[7.9, '£']]],
    ['NET AED105.00', '.', [[105, 'AED']]],
    ['Total CHF 1\'248.50', '.', [[1248.5, 'CHF']]],
    ['ROUNDING ADJUSTMENT -RM 0.02', '.', [[-0.02, 'RM']]],
    ['ROUNDING RM -0.02', '.', [[-0.02, 'RM']]],
    ['DISCOUNT (3.00)', '.', [[-3, null]]],
    ['Rabatt (€2,00)', ',', [[-2, '€']]],
    ['(TOTAL INCLUDED GST @ 6% : 1.42)', '.', [[1.42, null]]],
    ['Cash (tendered 20.00', '.', [[20, null]]],
    ['ROUNDING ADJUSTMENTS 0.02-', '.', [[-0.02, null]]],
    ['ADJ .02', '.', [[0.02, null]]],
    ['Att betala 104,80 kr', ',', [[104.8, 'kr']]],
    ['合計 ¥1,200', 'none', [[1200, '¥']]],
    ['TOTAL RM 12.5O', '.', [[12.5, 'RM']]],
    ['Total Incl. GST@6%\tRM 5,90', '.', [[5.9, 'RM']]],
    ['TOTAL (Including GST)\t79. 35', '.', [[79.35, null]]],
    ['Total Sales Incl. GST\t48, 93', '.', [[48.93, null]]],
    ['Gross Amount ;\t5500 .00', '.', [[5500, null]]],
    ['Amt Due £64 ,279.70', '.', [[64279.7, '£']]],
    ['Summe 1 .234,50 EUR', ',', [[1234.5, 'EUR']]],
    ['2 x 4 ,50', ',', [[4.5, null]]],
    ['Summe 39. 80', ',', [[39.8, null]]],
    ['Total a pagar 12, 40 EUR', ',', [[12.4, 'EUR']]],
    ['TOTAL 1,234.56 CASH 2,00', '.', [[1234.56, null], [2, null]]],
    ['Qty 1,250 g', '.', []],
    ['SUMME 7,OO EUR', ',', [[7, 'EUR']]],
    ['Total Rp 15.000', 'none', [[15000, 'Rp']]],
    ['TOTAL R41.48', '.', [[41.48, 'R']]],
    ['TOTAL......10.80', '.', [[10.8, null]]],
    ['Summe ____ 4,30', ',', [[4.3, null]]],
    ['TOTAL P470.00', '.', [[470, 'P']]],
    ['TABLE P2  ITEMS R3', '.', []],
    ['7-ELEVEN', 'none', []],
    ['3-PACK SOCKS  9.99', '.', [[9.99, null]]],
    ['總計  NT$55', 'none', [[55, 'NT$']]],
    ['ИТОГО 134,90 ₽', ',', [[134.9, '₽']]],
    ['СУММА 134,90 руб', ',', [[134.9, 'руб']]],
    ['РАЗОМ 57,50 грн', ',', [[57.5, 'грн']]],
    ['TOTAL\t§5.10', '.', [[55.1, null]]],
    ['Total Sales (Inclusive of GST) :\t§.30', '.', [[5.3, null]]],
    ['1 MILO DINO\t7.45 §', '.', [[7.45, null]]],
    ['Total Sales Incl GST@6% RM 8 60', '.', [[8.6, 'RM']]],
    ['Total Qty 8 60', '.', []],
    ['Total2.67', '.', [[2.67, null]]],
    ['CHANGE 38. 0D', '.', [[38, null]]],
    ['CASH20.00', '.', [[20, null]]],
    ['SKU4711.00', '.', []],
    ['Total S17.63', '.', [[17.63, '$']]],
    ['Total:\tS47.34()', '.', [[47.34, '$']]],
    ['SIZE S 12.50', '.', [[12.5, null]]],
    ['ITEM XS12.50', '.', []],
    ['Tota |\tPM7.00', '.', [[7, null]]],
    ['AGW SARSAPARILLA RH2.95', '.', [[2.95, null]]],
    ['CHANGE RN10.05', '.', [[10.05, null]]],
    ['TotalAmount\tE99.33', '.', [[99.33, null]]],
    ['ROOM E12', '.', []],
    ['SKU RH295', '.', []],
  ] as const)('reads %s', (text, mark, expected) => {
    expect(findAmounts(text, mark as DecimalMark).map((a) => [a.value, a.marker])).toEqual(expected);
  });

  it.each([
    ['DATE: 25/12/2018 8:13:39 PM', '.'],
    ['12-01-19 21:13 SH01 ZK09', '.'],
    ['DOC NO: CS00004040', '.'],
    ['TEL: 07-5547360', '.'],
    ['WAXCO CLEANER 120ML 1.5L', '.'],
    ['GST 6%', '.'],
    ['Datum 11.02.18', ','],
  ])('finds no amount of money in %s', (text, mark) => {
    expect(findAmounts(text, mark as DecimalMark).filter((a) => a.decimals === 2)).toEqual([]);
  });

  it.each([
    ['TOTAL 99999999999999999999.99', '.'],
    ['TOTAL 1e308', '.'],
    ['REF 123456789012345', 'none'],
  ])('finds no amount in a digit run longer than any price: %s', (text, mark) => {
    expect(findAmounts(text, mark as DecimalMark)).toEqual([]);
  });

  it('says where each amount is in the text', () => {
    const [amount] = findAmounts('TOTAL\t12.50', '.');
    expect([amount?.start, amount?.end]).toEqual([6, 11]);
  });

  it.each([
    ['TOTAL\t79. 35', [6, 12]],
    ['139. 05', [0, 7]],
  ])('says where a spaced amount is in the text as printed: %j', (text, span) => {
    const [amount] = findAmounts(text, '.');
    expect([amount?.start, amount?.end]).toEqual(span);
  });
});

describe('formatAmount', () => {
  it.each([
    [1234.5, 2, '1234.50'],
    [-0.02, 2, '-0.02'],
    [1200, 0, '1200'],
    [1.2345, 3, '1.234'],
    [-0.001, 2, '0.00'],
  ])('writes %d with %i decimals as %s', (value, decimals, text) => {
    expect(formatAmount(value, decimals)).toBe(text);
  });
});
