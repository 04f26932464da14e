import { describe, expect, it } from 'vitest';
import { parseReceipt } from '../../utils/receipt-parser/index';
import { findWordBox, pageFromBoxes, pageFromPlainText, pageFromText, tiltPage } from './pages';
import { COMPOSED_RECEIPTS } from './receipts';

const LAYOUTS = [
  ['text with tabs', pageFromText],
  ['plain text', pageFromPlainText],
  ['word boxes', pageFromBoxes],
  ['word boxes of a photo tilted 3°', (receipt: string) => tiltPage(pageFromBoxes(receipt), 3)],
  ['word boxes of a photo tilted -3°', (receipt: string) => tiltPage(pageFromBoxes(receipt), -3)],
] as const;

const cases = COMPOSED_RECEIPTS.flatMap((receipt) => LAYOUTS.map(([layout, build]) => ({ ...receipt, layout, build })));

describe('parseReceipt on receipts from many countries', () => {
  it.each(cases)('$name, from $layout', ({ receipt, options, expected, build }) => {
    const parsed = parseReceipt(build(receipt), options);
    const picked = Object.fromEntries(Object.keys(expected).map((field) => [field, parsed[field as keyof typeof expected]]));
    expect(picked).toEqual(expected);
  });

  it('points at the word the total was read from', () => {
    const page = pageFromBoxes(COMPOSED_RECEIPTS[4]?.receipt ?? '');
    const parsed = parseReceipt(page, { today: new Date(2025, 11, 1) });
    const word = findWordBox(page, '23,40');
    expect(parsed.total).toBe('23.40');
    expect(parsed.boxes?.total).toEqual({ left: word?.left, top: word?.top, width: word?.width, height: word?.height });
    expect(parsed.boxes?.date?.top).toBe(findWordBox(page, '14/02/2025')?.top);
  });

  it('confirms subtotal, tax and tip that add up to the total', () => {
    const parsed = parseReceipt(pageFromText(COMPOSED_RECEIPTS[0]?.receipt ?? ''), { today: new Date(2025, 11, 1) });
    expect([parsed.confidence.subtotal, parsed.confidence.tax, parsed.confidence.tip]).toEqual([0.9, 0.9, 0.9]);
  });

  it('points at the merchant\'s row', () => {
    const page = pageFromBoxes(COMPOSED_RECEIPTS[4]?.receipt ?? '');
    const parsed = parseReceipt(page, { today: new Date(2025, 11, 1) });
    const first = findWordBox(page, 'CARREFOUR');
    expect(parsed.boxes?.merchant?.left).toBe(first?.left);
    expect(parsed.boxes?.merchant?.top).toBe(first?.top);
  });

  it('gives confident fields on a clear receipt and low confidence on guesses', () => {
    const clear = parseReceipt(pageFromText(COMPOSED_RECEIPTS[0]?.receipt ?? ''), { today: new Date(2025, 11, 1) });
    expect(clear.confidence.total).toBeGreaterThanOrEqual(0.8);
    expect(clear.confidence.date).toBeGreaterThanOrEqual(0.8);
    const guess = parseReceipt(pageFromText('SOME SHOP\n12.00\n3.50'), {});
    expect(guess.total).toBe('12.00');
    expect(guess.confidence.total).toBe(0.2);
  });
});
