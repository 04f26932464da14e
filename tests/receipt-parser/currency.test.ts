import { describe, expect, it } from 'vitest';
import { parseReceipt } from '../../utils/receipt-parser/index';
import { pageFromText } from './pages';

const currencyOf = (text: string, defaultCurrency = '', locale = ''): string | null =>
  parseReceipt(pageFromText(`SHOP\n${text}`), { defaultCurrency, locale }).currency;

describe('currency', () => {
  it.each([
    ['TOTAL RM 9.00', 'MYR'],
    ['Total Rp 15.000', 'IDR'],
    ['SUMME EUR 12,50', 'EUR'],
    ['TOTAL TTC 23,40 €', 'EUR'],
    ['TOTAL £7.10', 'GBP'],
    ['Total $45.10', 'USD'],
    ['Total CHF 48.50', 'CHF'],
    ['Razem 48,50 zł', 'PLN'],
    ['Grand Total ₹168.00', 'INR'],
    ['合計 ¥290', 'JPY'],
    ['NET AED105.00', 'AED'],
    ['Celkem 120,00 Kč', 'CZK'],
    ['Att betala 104,80 kr\nMoms 25% 20,96', 'SEK'],
    ['Å betale 104,80 kr\nMVA 25% 20,96', 'NOK'],
    ['I alt 104,80 kr\nCVR 12345678', 'DKK'],
    ['Total $45.10\nABN 12 345 678 901\nGST 4.10', 'AUD'],
    ['Total $45.10\nHST 13% 5.19', 'CAD'],
    ['AMOUNT (RM)\nTOTAL 9.00', 'MYR'],
  ])('reads %j as %s', (text, code) => {
    expect(currencyOf(text)).toBe(code);
  });

  it.each([
    ['TOTAL 9.00', 'EUR', 'EUR'],
    ['TOTAL 9.00', '', null],
    ['Total $9.00', 'CAD', 'CAD'],
    ['TOTAL £9.00', 'EUR', 'GBP'],
    ['SDN BHD\nTOTAL 9.00', '', null],
  ])('falls back to the default only when the receipt names none: %j with %s', (text, fallback, code) => {
    expect(currencyOf(text, fallback)).toBe(code);
  });
});
