import { describe, expect, it } from 'vitest';
import { parseReceipt } from '../../utils/receipt-parser/index';
import { pageFromText } from './pages';

const today = new Date(2025, 11, 1);

describe('time', () => {
  it.each([
    ['25/12/2018 8:13:39 PM', '20:13'],
    ['25/12/2018 12:05 AM', '00:05'],
    ['25/12/2018 12:30 pm', '12:30'],
    ['Le 14/02/2025 à 12h31', '12:31'],
    ['15.03.2025 18:42', '18:42'],
    ['15.03.2025 9.05 Uhr', '09:05'],
    ['15.03.2025 Summe 18.42', null],
    ['06/01/18 12.17.26 PM', '12:17'],
    ['Date. 08-Aug-2015 2.31.17 PM', '14:31'],
    ['08/08/2015 12.05 am', '00:05'],
    ['08/08/2015 Total 13.50 pm', null],
  ])('reads %s as %s', (text, time) => {
    expect(parseReceipt(pageFromText(`SHOP\n${text}\nTOTAL 5.00`), { today }).time).toBe(time);
  });
});
