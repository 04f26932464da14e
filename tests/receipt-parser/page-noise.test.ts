import { describe, expect, it } from 'vitest';
import { NOISY_PAGE, readPageNoise } from '../../utils/receipt-parser/page-noise';
import { buildRows } from '../../utils/receipt-parser/rows';
import { pageFromText } from './pages';

const noiseOf = (text: string): number => readPageNoise(buildRows(pageFromText(text)));

describe('readPageNoise', () => {
  it('finds none in a clean transcription, prices, dates, codes and ordinals included', () => {
    expect(noiseOf("TESCO STORES LTD\n12/03/2024 14:05\n2 x MILK 1.5L  £2.30\nA4 PAPER  4.99\nOn the 2nd visit: 10% off!\nTOTAL  €7.29")).toBe(0);
  });

  it('counts the debris a photo leaves: odd marks and letters shuffled with digits', () => {
    const noise = noiseOf('Cashie1r ‘~ «© TOTAL 5.00\nTHANK YOU');
    expect(noise).toBeCloseTo(3 / 7, 5);
    expect(noise).toBeGreaterThan(NOISY_PAGE);
  });

  it('is 0 for a page without words', () => {
    expect(readPageNoise([])).toBe(0);
  });
});
