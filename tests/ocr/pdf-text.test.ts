import { describe, expect, it } from 'vitest';
import { hasReadableText, pageFromPdfText } from '../../utils/ocr/pdf-text';

describe('pageFromPdfText', () => {
  it('groups runs into lines by where they sit, top to bottom, left to right, and splits words with their share of the width', () => {
    const page = pageFromPdfText(
      [
        { text: '9.00', left: 300, top: 101, width: 40, height: 20 },
        { text: 'TOTAL', left: 20, top: 100, width: 50, height: 20 },
        { text: 'Corner Cafe', left: 20, top: 10, width: 110, height: 24 },
        { text: '   ', left: 0, top: 50, width: 30, height: 20 },
      ],
      400,
      600,
    );
    expect(page.text).toBe('Corner Cafe\nTOTAL 9.00');
    expect(page.lines[0]?.words).toEqual([
      { text: 'Corner', left: 20, top: 10, width: 60, height: 24 },
      { text: 'Cafe', left: 90, top: 10, width: 40, height: 24 },
    ]);
    expect(page.lines[1]?.words.map((word) => word.text)).toEqual(['TOTAL', '9.00']);
    expect({ width: page.imageWidth, height: page.imageHeight }).toEqual({ width: 400, height: 600 });
  });

  it.each([
    ['a receipt', 'Corner Cafe\nTOTAL 9.00', true],
    ['no digits (a scan with a stray title)', 'Scanned document', false],
    ['digits only', '0001 0002', false],
    ['nothing', '', false],
  ])('says whether the text layer is worth reading: %s', (_case, text, readable) => {
    expect(hasReadableText({ text, lines: [] })).toBe(readable);
  });
});
