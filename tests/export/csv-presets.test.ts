import { describe, expect, it } from 'vitest';
import { cleanItemLines, receiptsToPresetCsv } from '../../utils/export/csv-presets';
import { makeFields, makeReceipt } from '../receipt-fixtures';
import { parseCsv } from './csv-reader';

const lunch = makeReceipt({
  id: 'r-lunch',
  category: 'Meals',
  note: 'Client lunch',
  fields: makeFields({
    date: '2024-03-05',
    merchant: 'Café Müller',
    total: '23.40',
    currency: 'EUR',
    items: [
      { description: 'Flammkuchen', quantity: 1, amount: '14.50' },
      { description: '=== ** ::', quantity: null, amount: '1.00' },
      { description: 'Apfelschorle  0,5l', quantity: 2, amount: '8.90' },
    ],
  }),
});
const refund = makeReceipt({ id: 'r-refund', fields: makeFields({ date: '2024-12-31', merchant: 'Target', total: '-12.99', currency: 'USD' }) });
const unread = makeReceipt({ id: 'r-unread', status: 'failed', fields: null });
const zero = makeReceipt({ id: 'r-zero', fields: makeFields({ date: '2024-01-02', merchant: 'Free sample', total: '0.00' }) });

const rowsOf = (csv: string) => parseCsv(csv.slice(1));

describe('CSV presets', () => {
  it('Xero: day-first dates, spending negative, payee, a description from category, note and clean items, the receipt id as reference', () => {
    expect(rowsOf(receiptsToPresetCsv([lunch, refund, unread], 'xero'))).toEqual([
      ['Date', 'Amount', 'Payee', 'Description', 'Reference'],
      ['05/03/2024', '-23.40', 'Café Müller', 'Meals · Client lunch · Flammkuchen 14.50; 2 × Apfelschorle 0,5l 8.90', 'r-lunch'],
      ['31/12/2024', '12.99', 'Target', '', 'r-refund'],
    ]);
  });

  it('QuickBooks Online: three columns, month-first dates, spending negative', () => {
    expect(rowsOf(receiptsToPresetCsv([lunch, refund, zero], 'quickbooks'))).toEqual([
      ['Date', 'Description', 'Amount'],
      ['03/05/2024', 'Café Müller · Meals · Client lunch · Flammkuchen 14.50; 2 × Apfelschorle 0,5l 8.90', '-23.40'],
      ['12/31/2024', 'Target', '12.99'],
      ['01/02/2024', 'Free sample', '0.00'],
    ]);
  });

  it('YNAB: payee, category, memo, spending as outflow and a refund as inflow', () => {
    expect(rowsOf(receiptsToPresetCsv([lunch, refund], 'ynab'))).toEqual([
      ['Date', 'Payee', 'Category', 'Memo', 'Outflow', 'Inflow'],
      ['03/05/2024', 'Café Müller', 'Meals', 'Client lunch · Flammkuchen 14.50; 2 × Apfelschorle 0,5l 8.90', '23.40', ''],
      ['12/31/2024', 'Target', '', '', '', '12.99'],
    ]);
  });

  it.each(['xero', 'quickbooks', 'ynab'] as const)('%s: leaves out receipts without a total, and neutralises formulas', (preset) => {
    const hostile = makeReceipt({ id: 'r-evil', category: '=cmd', fields: makeFields({ date: '2024-03-05', merchant: '=HYPERLINK("x")', total: '1.00' }) });
    const rows = rowsOf(receiptsToPresetCsv([unread, hostile], preset));
    expect(rows).toHaveLength(2);
    expect(rows[1]?.some((cell) => /^[=+@]/.test(cell))).toBe(false);
    expect(rows[1]?.join('|')).toContain(`'=HYPERLINK("x")`);
  });

  it('keeps item lines that are words and drops OCR debris', () => {
    expect(
      cleanItemLines([
        { description: 'Coffee', quantity: 2, amount: '7.00' },
        { description: '~~ |:: ..', quantity: null, amount: null },
        { description: 'x', quantity: null, amount: '1.00' },
        { description: '2 % 5 $ TAX', quantity: null, amount: null },
        { description: 'Milk 2L 1%', quantity: 1, amount: '1.29' },
        { description: 'Bread  roll', quantity: null, amount: null },
      ]),
    ).toEqual(['2 × Coffee 7.00', 'Milk 2L 1% 1.29', 'Bread roll']);
  });
});
