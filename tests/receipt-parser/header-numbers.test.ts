import { describe, expect, it } from 'vitest';
import { parseReceipt } from '../../utils/receipt-parser/index';
import { pageFromPlainText, pageFromText } from './pages';

const today = new Date(2025, 11, 1);

/** A store's number printed after the name and a comma is no price: that row is still the shop's name, number and all. */
const CASES: ReadonlyArray<{ name: string; receipt: string; merchant: string; total: string }> = [
  {
    name: 'gas station numbered after a comma, decimals lost by OCR',
    receipt: `HATOFF'S GAS, 4\n3448\nWASHINGTON ST\n617-318-1141\nJAMAICA PLAIN, MA\n09/26/2018 8:47:16 PM\nPUMP# 3\nREGULAR CA 2.516G\nPRICE/GAL $2.659\nFUEL TOTAL 669\nTOTAL 669`,
    merchant: "HATOFF'S GAS, 4",
    total: '669',
  },
  {
    name: 'diner numbered after a comma, with prices',
    receipt: `MOLLY'S DINER, 12\n88 Elm Street\nSpringfield, IL 62701\n1 BURGER  9.50\n1 SODA  2.25\nTOTAL  11.75`,
    merchant: "MOLLY'S DINER, 12",
    total: '11.75',
  },
];

describe('parseReceipt with a store number after the name', () => {
  it.each(CASES.flatMap((c) => [pageFromText, pageFromPlainText].map((build, i) => ({ ...c, build, layout: i === 0 ? 'tabs' : 'plain' }))))(
    '$name ($layout)',
    ({ receipt, merchant, build }) => {
      expect(parseReceipt(build(receipt), { today }).merchant).toBe(merchant);
    },
  );
});
