import { describe, expect, it } from 'vitest';
import { toOcrPage, upscaleFactor, type DeviceBlocks } from '../../utils/ocr/device-engine';

const word = (text: string, x0: number, y0: number, x1: number, y1: number, confidence?: number) => ({ text, bbox: { x0, y0, x1, y1 }, ...(confidence === undefined ? {} : { confidence }) });

describe('upscaleFactor', () => {
  it.each([
    [1000, 500, 1.5],
    [500, 1000, 1.5],
    [300, 200, 3],
    [1500, 900, 1],
    [4000, 3000, 1],
    [0, 0, 1],
  ])('an image of %i × %i px is read at %f times its size', (width, height, factor) => {
    expect(upscaleFactor(width, height)).toBeCloseTo(factor, 5);
  });
});

describe('toOcrPage', () => {
  const answer: DeviceBlocks = {
    blocks: [
      {
        paragraphs: [
          { lines: [{ words: [word('CORNER', 30, 60, 150, 90), word('CAFE', 165, 60, 240, 90)] }, { words: [word(' ', 0, 0, 1, 1)] }] },
          { lines: [{ words: [word('TOTAL', 30, 300, 120, 330, 96.4), word(' 15.10 ', 300, 300, 390, 330, 71.6)] }] },
        ],
      },
    ],
  };

  it('gives rows of words with boxes back in the pixels of the image handed over, how sure the engine was of each, and the text row by row', () => {
    const page = toOcrPage(answer, 1.5, 400, 300, 812);
    expect(page).toEqual({
      text: 'CORNER CAFE\nTOTAL 15.10',
      lines: [
        { words: [{ text: 'CORNER', left: 20, top: 40, width: 80, height: 20 }, { text: 'CAFE', left: 110, top: 40, width: 50, height: 20 }] },
        { words: [{ text: 'TOTAL', left: 20, top: 200, width: 60, height: 20, confidence: 96 }, { text: '15.10', left: 200, top: 200, width: 60, height: 20, confidence: 72 }] },
      ],
      imageWidth: 400,
      imageHeight: 300,
      processingMs: 812,
    });
  });

  it('reads an answer without blocks as an empty page', () => {
    expect(toOcrPage({ blocks: null }, 1, 10, 10)).toEqual({ text: '', lines: [], imageWidth: 10, imageHeight: 10 });
  });
});
