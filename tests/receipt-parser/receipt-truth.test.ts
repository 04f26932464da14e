import { describe, expect, it } from 'vitest';
import { isSameMerchant, textHolds, type ReceiptTruth } from './receipt-truth';

const truth = (change: Partial<ReceiptTruth>): ReceiptTruth => ({ merchant: null, date: [], total: null, ...change });

describe('how the bench judges a merchant', () => {
  it.each([
    ['real', 'real GmbH', true],
    ['IKEA Deutschland GmbH & Co. KG', 'IKEA Deutschland GmbH', true],
    ["DOMINO'S PIZZA", "DONINO'S PIZZA", true],
    ['BOOK TA .K (TAMAN DAYA) SDN BHD', 'BOOK TA.K (TAMAN DAYA) SDN BHD', true],
    ['AIK HUAT HARDWARE ENTERPRISE (SETIA ALAM) SDN BHD', 'ALAM) SDN BHD', false],
    ['THE ROTI MAN BAKERY', 'ROTI', false],
    ['XYZ TRADING SDN BHD', 'SDN BHD', false],
    ['CHOEUN KOREANRESTAURANT', 'RE', false],
    ['Walmart', null, false],
  ])('%s vs %s: %s', (expected, got, same) => {
    expect(isSameMerchant(expected, got)).toBe(same);
  });
});

describe('whether the OCR text holds the true value (the ceiling)', () => {
  it.each<[string, ReceiptTruth, string, boolean]>([
    ['a total with a decimal comma', truth({ total: '154.40' }), 'TOTAL Eur154,40', true],
    ['a total OCR split at the mark', truth({ total: '39.80' }), 'TOTAL 39. 80', true],
    ['a whole total printed without cents', truth({ total: '104.00' }), 'Total: 104', true],
    ['a total with thousands grouped', truth({ total: '1234.50' }), 'TOTAL 1,234.50', true],
    ['a total only inside a longer number', truth({ total: '4.50' }), 'REF 114.501', false],
    ['a day-first date', truth({ date: ['2018-12-25'] }), 'Date: 25/12/2018 10:21', true],
    ['a two-digit year with dots', truth({ date: ['2016-12-30'] }), '12.30.16 FRI', true],
    ['a month name glued to the day', truth({ date: ['2013-12-25'] }), '25Dec13 Docket:288352', true],
    ['a month name first', truth({ date: ['2017-03-05'] }), 'Date: Mar05,2017 Time: 08:40PM', true],
    ['another date', truth({ date: ['2017-03-05'] }), 'Date: 2017-03-06', false],
    ['a merchant over two rows', truth({ merchant: 'COSTCO WHOLESALE' }), 'COSTCO\r\nWHOLESALE\r\n#123', true],
    ['a merchant nowhere', truth({ merchant: 'COSTCO WHOLESALE' }), 'TARGET\r\nStore 42', false],
  ])('%s', (_name, labelled, text, held) => {
    const field = labelled.total !== null ? 'total' : labelled.date.length > 0 ? 'date' : 'merchant';
    expect(textHolds(field, labelled, text)).toBe(held);
  });

  it('says nothing of a field the data set does not label', () => {
    expect(textHolds('total', truth({}), 'TOTAL 9.00')).toBeUndefined();
  });
});
