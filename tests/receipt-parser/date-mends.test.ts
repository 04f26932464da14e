import { describe, expect, it } from 'vitest';
import { mendDateDigits, mendDateSeparators, mendFutureYear } from '../../utils/receipt-parser/date-mends';

describe('mending what OCR does to dates', () => {
  it.each([
    ['Date: 2O/O3/2018', 'Date: 20/03/2018'],
    ['1S.03.2O18 14:05', '15.03.2018 14:05'],
    ['l2-0B-2018', '12-08-2018'],
    ['11/09/2@17', '11/09/2017'],
    ['15//03/2018', '15/ 03/2018'],
    ['Date: 15/03/2018', 'Date: 15/03/2018'],
    ['SO/2018/12 BOX', 'SO/2018/12 BOX'],
    ['OO/OS/2O18', 'OO/OS/2O18'],
    ['TOTAL 12.50 SB', 'TOTAL 12.50 SB'],
  ])('reads letters as digits only in a date-shaped word: %s → %s', (text, mended) => {
    expect(mendDateDigits(text)).toBe(mended);
    expect(mendDateDigits(text)).toHaveLength(text.length);
  });

  it.each([
    ['06/08-2013', false, '06/08/2013'],
    ['15.03/2018 10:00', false, '15.03.2018 10:00'],
    ['19,09, 2014', true, '19.09. 2014'],
    ['19,09, 2014', false, '19,09, 2014'],
    ['1,50 2,00 2014', true, '1,50 2,00 2014'],
  ] as const)('mends separators before a full year: %s (date row: %s) → %s', (text, labelled, mended) => {
    expect(mendDateSeparators(text, () => labelled)).toBe(mended);
  });

  it.each([
    [2078, 2025, 2018],
    [2048, 2026, 2018],
    [2617, 2025, 2017],
    [2027, 2025, 2025],
    [2099, 2025, 2019],
    [3456, 2025, undefined],
  ])('reads future year %s in %s as %s', (year, latest, mended) => {
    expect(mendFutureYear(year, latest)).toBe(mended);
  });
});
