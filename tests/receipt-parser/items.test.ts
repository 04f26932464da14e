import { describe, expect, it } from 'vitest';
import { parseReceipt } from '../../utils/receipt-parser/index';
import { pageFromText } from './pages';

const itemsOf = (body: string) => parseReceipt(pageFromText(`SHOP\n${body}`), {}).items;

describe('items', () => {
  it.each([
    ['Ribeye Steak  28.00\nCaesar Salad  7.00\nSubtotal  35.00\nTotal  35.00', [
      { description: 'Ribeye Steak', quantity: null, amount: '28.00' },
      { description: 'Caesar Salad', quantity: null, amount: '7.00' },
    ]],
    ['2 x Cappuccino  7,00\nCornetto  1,20\nSumme  8,20', [
      { description: 'Cappuccino', quantity: 2, amount: '7.00' },
      { description: 'Cornetto', quantity: null, amount: '1.20' },
    ]],
    ['KF MODELLING CLAY KIDDY FISH\n1 PC  *  9.000  0.00  9.00\nTOTAL:  9.00', [
      { description: 'KF MODELLING CLAY KIDDY FISH', quantity: 1, amount: '9.00' },
    ]],
    ['TOTAL  9.00\nCASH  10.00\nCHANGE  1.00', []],
    ['NO.53 55,57 & 59, JALAN SAGU 18,\nTAMAN DAYA,\nKF MODELLING CLAY KIDDY FISH\n1 PC  *  9.000  0.00  9.00\nTOTAL:  9.00', [
      { description: 'KF MODELLING CLAY KIDDY FISH', quantity: 1, amount: '9.00' },
    ]],
    ['Street Tacos  12.50\nMain Road Pie  4.00\nTotal  16.50', [
      { description: 'Street Tacos', quantity: null, amount: '12.50' },
      { description: 'Main Road Pie', quantity: null, amount: '4.00' },
    ]],
  ])('reads the items of %j', (body, items) => {
    expect(itemsOf(body)).toEqual(items);
  });
});
