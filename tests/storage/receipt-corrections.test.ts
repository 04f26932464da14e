import { describe, expect, it } from 'vitest';
import type { FieldName } from '../../utils/receipt';
import { checkCorrection } from '../../utils/storage/receipt-corrections';

describe('checkCorrection', () => {
  it.each<[FieldName, string, string | null]>([
    ['merchant', '  Café Müller ', 'Café Müller'],
    ['date', '2024-02-29', '2024-02-29'],
    ['time', '23:59', '23:59'],
    ['total', '12,50', '12.50'],
    ['total', '1,234.56', '1234.56'],
    ['total', '1.234,56', '1234.56'],
    ['tax', ' 0.5 ', '0.5'],
    ['tip', '-3.00', '-3.00'],
    ['currency', 'eur', 'EUR'],
    ['subtotal', '', null],
  ])('%s "%s" is stored as %s', (name, raw, value) => {
    expect(checkCorrection(name, raw)).toEqual({ ok: true, value });
  });

  it.each<[FieldName, string, string]>([
    ['date', '2023-02-29', 'Enter a real date as YYYY-MM-DD.'],
    ['date', '25/12/2018', 'Enter a real date as YYYY-MM-DD.'],
    ['time', '24:00', 'Enter a time as HH:MM (24-hour).'],
    ['total', 'twelve', 'Enter an amount such as 12.50.'],
    ['total', '12.5.0', 'Enter an amount such as 12.50.'],
    ['currency', 'EURO', 'Enter a three-letter currency code such as EUR.'],
    ['merchant', 'x'.repeat(201), 'Keep the merchant under 200 characters.'],
  ])('%s "%s" is refused', (name, raw, message) => {
    expect(checkCorrection(name, raw)).toEqual({ ok: false, message });
  });
});
