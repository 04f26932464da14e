import { describe, expect, it } from 'vitest';
import { readDateOrderCue } from '../../utils/receipt-parser/date-cues';
import { parseReceipt } from '../../utils/receipt-parser/index';
import { buildRows } from '../../utils/receipt-parser/rows';
import { pageFromText } from './pages';

const today = new Date(2025, 11, 1);
/** The browser's options: no currency of its own, the locale of the person scanning. */
const browserOptions = (locale: string) => ({ dateOrder: 'auto', defaultCurrency: '', locale, today }) as const;

/** Receipts printing an ambiguous date and no currency symbol, so only their words tell the order. */
const RECEIPTS = [
  {
    name: 'German Kassenbon with MwSt',
    receipt: 'Bäckerei Schmidt\nLindenstraße 4\n10115 Berlin\n03.04.2024 08:12\nBrötchen 6x  2,40\nSumme  2,40\nMwSt 7%  0,16',
    date: '2024-04-03',
  },
  {
    name: 'US store with sales tax',
    receipt: 'CORNER HARDWARE\n88 Elm Street\nSpringfield\n03/04/2024 4:10 PM\nHAMMER  12.99\nSUBTOTAL  12.99\nSales Tax  1.04\nTOTAL  14.03',
    date: '2024-03-04',
  },
  {
    name: 'Malaysian shop with GST',
    receipt: 'KEDAI JAYA ENTERPRISE\nNO. 5, JALAN BESAR\n11/01/2019\nBOLT  10.00\nTOTAL  10.60\nGST 6%  0.60',
    date: '2019-01-11',
  },
  {
    name: 'UK café with VAT and a Ltd company',
    receipt: 'The Old Mill Café\nOld Mill Cafe Ltd\n02/05/2024 12:30\nTea  2.50\nTotal  2.50\nVAT included  0.42',
    date: '2024-05-02',
  },
  {
    name: 'French bakery of an SAS on a rue',
    receipt: 'Boulangerie Martin\n8 rue des Lilas\nMartin Pains SAS\n05/06/2024 07:55\nBaguette  1,20\nTotal  1,20',
    date: '2024-06-05',
  },
  {
    name: 'US diner of an LLC with a ZIP code',
    receipt: "Sal's Diner LLC\n400 Main St\nAustin, TX 78701\n02/05/2024\nPancakes  8.00\nTotal  8.00",
    date: '2024-02-05',
  },
];

describe('day/month order from the receipt\'s own words', () => {
  it.each(RECEIPTS.flatMap((receipt) => ['en-US', 'en-GB'].map((locale) => ({ ...receipt, locale }))))(
    '$name reads as $date under $locale',
    ({ receipt, locale, date }) => {
      expect(parseReceipt(pageFromText(receipt), browserOptions(locale)).date).toBe(date);
    },
  );

  it.each([
    ['GST 6% 0.60', 'dmy'],
    ['TVA 20% 1.00', 'dmy'],
    ['ACME SDN BHD', 'dmy'],
    ['Acme Pte Ltd', 'dmy'],
    ['Acme Inc.', 'mdy'],
    ['Tel: 020 7946 0018', 'dmy'],
    ['Tel: +49 30 123456', 'dmy'],
    ['(512) 555-0199', 'mdy'],
    ['London SW1A 1AA', 'dmy'],
    ['San Francisco, CA 94103', 'mdy'],
    ['Kuala Lumpur, Malaysia', 'dmy'],
    ['GST 5%\nHST 13%', undefined],
    ['Acme Inc.\nVAT 20%', 'dmy'],
    ['THANK YOU', undefined],
  ] as const)('reads %j as %s', (text, order) => {
    expect(readDateOrderCue(buildRows(pageFromText(text)), null, false)).toBe(order);
  });

  it('lets dates that can only be read one way outweigh the words', () => {
    const receipt = 'Acme Pte Ltd\nGST 7%\n01/02/2024\nPaid on 12/25/2023\nTOTAL 5.00';
    expect(parseReceipt(pageFromText(receipt), browserOptions('en-GB')).date).toBe('2024-01-02');
  });

  it('falls back on the locale when the receipt names no country', () => {
    const receipt = 'SHOP\n03/04/2024\nTOTAL 5.00';
    expect([browserOptions('en-US'), browserOptions('en-GB')].map((options) => parseReceipt(pageFromText(receipt), options).date)).toEqual(['2024-03-04', '2024-04-03']);
  });
});
