import { describe, expect, it } from 'vitest';
import { csvBlob, receiptsToCsv } from '../../utils/export/csv-export';
import { makeFields, makeReceipt } from '../receipt-fixtures';
import { parseCsv } from './csv-reader';

const HEADER = ['Date', 'Merchant', 'Total', 'Currency', 'Subtotal', 'Tax', 'Tip', 'Time', 'Status', 'Items', 'Source page', 'Captured at', 'Receipt id', 'Category', 'Note'];

describe('receiptsToCsv', () => {
  it('writes the exact bytes of a tiny export: BOM, header, CRLF rows', async () => {
    const csv = receiptsToCsv([makeReceipt({ id: 'a', fields: makeFields({ date: '2024-03-05', merchant: 'Shop', total: '9.50', currency: 'EUR' }) })]);
    expect(csv).toBe(
      '\uFEFFDate,Merchant,Total,Currency,Subtotal,Tax,Tip,Time,Status,Items,Source page,Captured at,Receipt id,Category,Note\r\n' +
        '2024-03-05,Shop,9.50,EUR,,,,,done,,https://shop.example/orders,2024-03-05T14:07:09.000Z,a,,\r\n',
    );
    const bytes = new Uint8Array(await csvBlob(csv).arrayBuffer());
    expect(Array.from(bytes.subarray(0, 4))).toEqual([0xef, 0xbb, 0xbf, 0x44]);
    expect(csvBlob(csv).type).toBe('text/csv;charset=utf-8');
  });

  it('writes only the header for no receipts', () => {
    expect(receiptsToCsv([])).toBe(`\uFEFF${HEADER.join(',')}\r\n`);
  });

  it('quotes commas, quotes and line breaks so every cell parses back exactly', () => {
    const receipt = makeReceipt({
      id: 'r-2',
      status: 'done',
      category: 'Travel',
      note: 'Client lunch, "Q3"',
      source: { imageUrl: 'x', pageUrl: 'https://shop.example/?a=1,b="2"', pageTitle: null },
      fields: makeFields({
        date: '2024-01-31',
        merchant: 'Smith, Jones & "Sons"\r\nLtd',
        time: '18:05',
        total: '1234.50',
        currency: 'GBP',
        subtotal: '1000.00',
        tax: '234.50',
        tip: '0.00',
        items: [
          { description: 'Tea, green', quantity: 2, amount: '3.00' },
          { description: 'Scone "large"', quantity: null, amount: '2.50' },
          { description: 'Bag', quantity: 1, amount: null },
        ],
      }),
    });
    const rows = parseCsv(receiptsToCsv([receipt]).slice(1));
    expect(rows).toEqual([
      HEADER,
      [
        '2024-01-31',
        'Smith, Jones & "Sons"\r\nLtd',
        '1234.50',
        'GBP',
        '1000.00',
        '234.50',
        '0.00',
        '18:05',
        'done',
        'Tea, green × 2 = 3.00; Scone "large" = 2.50; Bag × 1',
        'https://shop.example/?a=1,b="2"',
        '2024-03-05T14:07:09.000Z',
        'r-2',
        'Travel',
        'Client lunch, "Q3"',
      ],
    ]);
  });

  it('leaves empty cells for a receipt not read yet', () => {
    const rows = parseCsv(receiptsToCsv([makeReceipt({ id: 'q', status: 'queued', source: { imageUrl: 'x', pageUrl: null, pageTitle: null } })]).slice(1));
    expect(rows[1]).toEqual(['', '', '', '', '', '', '', '', 'queued', '', '', '2024-03-05T14:07:09.000Z', 'q', '', '']);
  });

  it.each([
    ['=HYPERLINK("http://evil.example","Click")', "'=HYPERLINK(\"http://evil.example\",\"Click\")"],
    ['+1+cmd|/C calc!A0', "'+1+cmd|/C calc!A0"],
    ['-2+3', "'-2+3"],
    ['@SUM(A1:A2)', "'@SUM(A1:A2)"],
    ['\t=1', "'\t=1"],
    ['\r=1', "'\r=1"],
    ['＝1+1', "'＝1+1"],
    ['Shop = good', 'Shop = good'],
    ["'quoted", "'quoted"],
  ])('neutralises the merchant %j as %j', (merchant, expected) => {
    const rows = parseCsv(receiptsToCsv([makeReceipt({ fields: makeFields({ merchant, items: [{ description: merchant, quantity: null, amount: null }] }) })]).slice(1));
    expect(rows[1]?.[1]).toBe(expected);
    expect(rows[1]?.[9]).toBe(expected);
  });

  it.each([
    ['-3.00', '-3.00'],
    ['12', '12'],
    ['0.5', '0.5'],
    ['-3.00+cmd', "'-3.00+cmd"],
    ['=1+1', "'=1+1"],
    ['1,5', '1,5'],
  ])('keeps the amount %j as %j: plain numbers stay numbers, anything else is text', (total, expected) => {
    const rows = parseCsv(receiptsToCsv([makeReceipt({ fields: makeFields({ total, tax: total, subtotal: total, tip: total }) })]).slice(1));
    expect(rows[1]?.slice(2, 7)).toEqual([expected, '', expected, expected, expected]);
  });

  it('neutralises a hostile receipt id, page address, category and note the same way', () => {
    const rows = parseCsv(receiptsToCsv([makeReceipt({ id: '=id', category: '+cat', note: '-1+1', source: { imageUrl: 'x', pageUrl: '@page', pageTitle: null } })]).slice(1));
    expect([rows[1]?.[10], rows[1]?.[12], rows[1]?.[13], rows[1]?.[14]]).toEqual(["'@page", "'=id", "'+cat", "'-1+1"]);
  });
});
