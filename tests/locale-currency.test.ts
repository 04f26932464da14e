import { describe, expect, it } from 'vitest';
import { currencyForLocale } from '../utils/locale-currency';

describe('the default currency from the browser locale', () => {
  it.each([
    ['en-US', 'USD'],
    ['en-GB', 'GBP'],
    ['de-DE', 'EUR'],
    ['de-AT', 'EUR'],
    ['de-CH', 'CHF'],
    ['fr-CA', 'CAD'],
    ['ja-JP', 'JPY'],
    ['ms-MY', 'MYR'],
    ['lv-LV', 'EUR'],
    ['pt-BR', 'BRL'],
    ['zh-Hant-TW', 'TWD'],
    ['de', 'EUR'],
    ['en', ''],
    ['es-419', ''],
    ['', ''],
    ['not a locale!', ''],
  ])('%s → %s', (locale, currency) => {
    expect(currencyForLocale(locale)).toBe(currency);
  });
});
