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
  ])('reads %s as %s', (text, time) => {
    expect(parseReceipt(pageFromText(`SHOP\n${text}\nTOTAL 5.00`), { today }).time).toBe(time);
  });
});
