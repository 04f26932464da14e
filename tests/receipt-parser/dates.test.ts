import { describe, expect, it } from 'vitest';
import { parseReceipt } from '../../utils/receipt-parser/index';
import type { DateOrder } from '../../utils/settings';
import { pageFromText } from './pages';

const today = new Date(2025, 11, 1);
const dateOf = (text: string, dateOrder: DateOrder = 'auto', locale = ''): string | null =>
  parseReceipt(pageFromText(`SHOP\n${text}\nTOTAL 5.00`), { today, dateOrder, locale }).date;

describe('dates', () => {
  it.each([
    ['25/12/2018', '2018-12-25'],
    ['12-01-19 21:13', '2019-01-12'],
    ['2018-03-23', '2018-03-23'],
    ['20180304', '2018-03-04'],
    ['11.02.18', '2018-02-11'],
    ['Datum: 15.03.2025', '2025-03-15'],
    ['05 MAR 2018 18:24', '2018-03-05'],
    ['Mar 5, 2018', '2018-03-05'],
    ['March 23rd 2018', '2018-03-23'],
    ['Mittwoch, 7. März 2025', '2025-03-07'],
    ['7. Feb. 2025', '2025-02-07'],
    ['mer. 5 févr. 2025 20:15', '2025-02-05'],
    ['3 de marzo de 2025', '2025-03-03'],
    ['lunedì 3 marzo 2025', '2025-03-03'],
    ['3 maart 2025', '2025-03-03'],
    ['3 de março de 2025', '2025-03-03'],
    ['2025年1月10日', '2025-01-10'],
    ['FRIDAY, 29-12-2017 TIME : 20:17', '2017-12-29'],
    ['24 listopada 2025', '2025-11-24'],
    ['24. listopadu 2025', '2025-11-24'],
    ['24 ноября 2025 г.', '2025-11-24'],
    ['24 KASIM 2025', '2025-11-24'],
    ['24 Kasım 2025', '2025-11-24'],
    ['2. joulukuuta 2024', '2024-12-02'],
    ['24 maj 2025', '2025-05-24'],
    ['3 marts 2025', '2025-03-03'],
    ['2025. március 3.', '2025-03-03'],
  ])('reads %s as %s', (text, iso) => {
    expect(dateOf(text)).toBe(iso);
  });

  it.each([
    ['31/02/2024', null],
    ['29/02/2023', null],
    ['29/02/2024', '2024-02-29'],
    ['15/13/2024', null],
    ['24/12/2026', null],
    ['INV 1234567890123', null],
  ])('rejects impossible and future dates: %s → %s', (text, iso) => {
    expect(dateOf(text)).toBe(iso);
  });

  it.each([
    ['03/04/2025', 'auto', '', '2025-04-03'],
    ['03/04/2025', 'mdy', '', '2025-03-04'],
    ['03/04/2025', 'dmy', '', '2025-04-03'],
    ['03/04/2025', 'auto', 'en-US', '2025-03-04'],
    ['03/04/2025', 'auto', 'de-DE', '2025-04-03'],
    ['25/03/18', 'ymd', '', '2025-03-18'],
    ['RECEIPT #: CS00251915 DATE: 29/10/2017', 'auto', 'en-US', '2017-10-29'],
  ] as const)('reads ambiguous %s with order %s and locale %s as %s', (text, order, locale, iso) => {
    expect(dateOf(text, order, locale)).toBe(iso);
  });

  it.each([
    ['Total $5.00\n03/04/2025\n03/05/2025', '2025-03-04'],
    ['Total $5.00\nChicago, IL 60606\n03/04/2025', '2025-03-04'],
    ['Total 5,00 €\n03/04/2025', '2025-04-03'],
    ['Issued 13/04/2025\nDate 03/04/2025', '2025-04-03'],
    ['Date 03/14/2025\nPrinted 03/04/2025', '2025-03-14'],
  ])('decides the order from the receipt itself: %j', (text, iso) => {
    expect(parseReceipt(pageFromText(`SHOP\n${text}`), { today }).date).toBe(iso);
  });

  it.each([
    ['Total 5,00 €\n03/04/2025', 'en-US', '2025-04-03'],
    ['TOTAL £5.00\n03/04/2025', 'en-US', '2025-04-03'],
    ['TOTAL 5.00\n03/04/2025', 'en-US', '2025-03-04'],
    ['TOTAL 5.00\n03/04/2025', 'en-GB', '2025-04-03'],
  ])('lets the receipt\'s currency outweigh the locale: %j in %s', (text, locale, iso) => {
    expect(parseReceipt(pageFromText(`SHOP\n${text}`), { today, locale, defaultCurrency: 'USD' }).date).toBe(iso);
  });

  it('prefers the date labelled as such over an expiry date', () => {
    const parsed = parseReceipt(pageFromText('SHOP\nVoucher valid until 01/06/2025\nDate: 02/03/2025\nTOTAL 5.00'), { today });
    expect(parsed.date).toBe('2025-03-02');
  });

  it.each([
    ['Date: 2O/O3/2018', '2018-03-20'],
    ['DATUM 15.O3.2O18', '2018-03-15'],
    ['Fecha: 1S/03/2018', '2018-03-15'],
    ['Date 2l/03/2018 14:05', '2018-03-21'],
    ['Date: 12/0B/2018', '2018-08-12'],
    ['Date: 15//03/2018', '2018-03-15'],
    ['Datum: 15.03..2018', '2018-03-15'],
    ['Date: 11/09/2@17', '2017-09-11'],
    ['INVOICE SO/2018/12', null],
  ])('mends digits OCR read as letters, and doubled separators, in a date: %s → %s', (text, iso) => {
    expect(dateOf(text, 'auto', 'en-GB')).toBe(iso);
  });

  it.each([
    ['06/01/18 12.17.26 PM', '2018-01-06'],
    ['06/01/18 12.17.26', '2018-01-06'],
    ['Date. 08-01-2015 2.31.17 PM', '2015-01-08'],
    ['02.03.2025 11/04/25', '2025-03-02'],
  ])('reads a dotted time beside a date as the time, not a date that flips the order: %s → %s', (text, iso) => {
    expect(dateOf(text, 'auto', 'en-GB')).toBe(iso);
  });

  it.each([
    ['12:44 Friday2Mar2018', '2018-03-02'],
    ['25Dec13Docket', '2013-12-25'],
    ['Jan 2017 12:41pm\n05/01/2017', '2017-01-05'],
    ['Mar2018 Receipt 3', null],
    ['Opened Nov 17 12:19', null],
    ['5 Mar 12:30 Table 4', null],
    ['S#1 Jul.30\'11 (Sat) 07:27', '2011-07-30'],
    ['#001JAN.06’07REG0001', '2007-01-06'],
    ['=---3 CLOSED 23 Nov 17 12:19:48---', '2017-11-23'],
    ['Table 3 opened 5 mars 2025', '2025-03-05'],
    ['27Dec´16 20:15', '2016-12-27'],
    ['Pump 6.60.00 C\n06/04/18 17:36', '2018-04-06'],
    ['Date: 05/88/2017\nDD: 05/08/2017 11:00', '2017-08-05'],
  ])('reads dates glued to words, and no date from a month and year or an impossible day: %j → %s', (text, iso) => {
    expect(dateOf(text, 'auto', 'en-GB')).toBe(iso);
  });

  it.each([
    ['Datum: 62.07.2020', '2020-07-02'],
    ['Date: 18/64/2017', '2017-04-18'],
    ['63/68/2015', '2015-08-03'],
    ['95/02/16 12:30', '2016-02-05'],
    ['Datum: 17.84.2022', '2022-04-17'],
    ['VERSION 91.1.15_C', null],
    ['Date: 75/03/2018', null],
    ['Date: 60/03/2018', null],
    ['Date: 18/6/2017 Ref 64/12', '2017-06-18'],
  ])('reads a day or month no date has as the 0 OCR read for a 6, 8 or 9 in it, when both are printed with two digits: %j → %s', (text, iso) => {
    expect(dateOf(text, 'auto', 'en-GB')).toBe(iso);
  });

  it.each([
    ['Date: 28/03/2018\nThank you\n25/03/2018 14:36\n25/03/2018', '2018-03-25'],
    ['Date: 29/09/2017\nDatum: 25/09/2017', '2017-09-29'],
    ['GSTNO:20150526C\n21/02/18(WED) 12:08', '2018-02-21'],
    ['Fri 03/04/2025\nRef 04/03/2025', '2025-03-04'],
    ['03/04/2025 (Thu)', '2025-04-03'],
  ])('lets copies, weekday names and clean edges vote between dates: %j → %s', (text, iso) => {
    expect(dateOf(text, 'auto', 'en-GB')).toBe(iso);
  });

  it.each([
    ['Date: 23/05/2078', '2018-05-23'],
    ['14 Mar 2048 18:40', '2018-03-14'],
    ['Datum: 30.09.2617', '2017-09-30'],
    ['Fecha 15/03/2027', '2025-03-15'],
    ['24/12/2026', null],
    ['Date: 15/03/29', null],
  ])('reads a four-digit year in the future as the latest year one digit away: %s → %s', (text, iso) => {
    expect(dateOf(text, 'auto', 'en-GB')).toBe(iso);
  });

  it.each([
    ['Date 06/08-2013 Dine In', '2013-08-06'],
    ['Datum: 19,09, 2014', '2014-09-19'],
    ['Fecha: 15.03/2018 10:00', '2018-03-15'],
    ['Milk 1,50,2014', null],
    ['2,50 3,00, 2018', null],
  ])('mends separators OCR changed before a full year, commas only on a date row: %s → %s', (text, iso) => {
    expect(dateOf(text, 'auto', 'en-GB')).toBe(iso);
  });

  it.each([
    ['Filiale 12 04.03.2025\nRechnungsdatum: 03.04.2025', '2025-04-03'],
    ['Kase 04.03.2025\nDatums: 03.04.2025', '2025-04-03'],
    ['Tsekk 04.03.2025\nKuupäev 03.04.2025', '2025-04-03'],
    ['Beleg 04.03.2025\nMindesthaltbarkeitsdatum: 03.04.2025', '2025-03-04'],
    ['Beleg 04.03.2025\nFälligkeitsdatum 03.04.2025', '2025-03-04'],
  ])('prefers the date labelled in other languages: %j → %s', (text, iso) => {
    expect(dateOf(text, 'auto', 'de-DE')).toBe(iso);
  });
});
