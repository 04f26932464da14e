import type { OcrLine, OcrPage } from '../receipt';

/**
 * The on-device engine's settings, shared by the extension's reading page and `npm run ocr-local` so a benchmark
 * measures what users get. tesseract.js 7, LSTM only (OEM 1), English `best_int` data.
 */
export const DEVICE_LANGUAGE = 'eng';
export const DEVICE_OEM = 1;
/** Where the engine's files sit in the extension (copied there at build time, see wxt.config.ts). */
export const DEVICE_FILES_DIR = 'tesseract';
export const DEVICE_WORKER_FILE = 'worker.min.js';
export const DEVICE_CORE_FILE = 'tesseract-core-simd-lstm.js';
/**
 * One uniform block of text (PSM 6), tesseract.js's default: totals +19 points over automatic segmentation (PSM 3) on 50
 * many-countries photos, merchants -8 (`npm run bench:ocr`).
 */
export const DEVICE_PARAMETERS = { tessedit_pageseg_mode: '6', preserve_interword_spaces: '1' } as const;
/** Small images are read larger: tesseract's LSTM wants letters about 30 px tall, which a 1500 px long side gives a receipt. */
export const UPSCALE_BELOW_LONG_SIDE = 1500;
const MAX_UPSCALE = 3;

/** How much to enlarge an image before reading it (1: as it is). */
export function upscaleFactor(width: number, height: number): number {
  const longSide = Math.max(width, height);
  if (longSide <= 0 || longSide >= UPSCALE_BELOW_LONG_SIDE) return 1;
  return Math.min(MAX_UPSCALE, UPSCALE_BELOW_LONG_SIDE / longSide);
}

/** The part of tesseract.js's result this reads (its `blocks` output). */
export interface DeviceBox {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}
export interface DeviceBlocks {
  blocks: { paragraphs: { lines: { words: { text: string; confidence?: number; bbox: DeviceBox }[] }[] }[] }[] | null;
}

/**
 * tesseract's rows and words as the page OCR.space gives: text row by row, word boxes in the pixels of the image
 * as it was handed over (`scale` is how much it was enlarged for reading), so the parser and highlights need no change.
 */
export function toOcrPage(result: DeviceBlocks, scale: number, width: number, height: number, processingMs?: number): OcrPage {
  const lines: OcrLine[] = [];
  for (const block of result.blocks ?? [])
    for (const paragraph of block.paragraphs)
      for (const line of paragraph.lines) {
        const words = line.words
          .map((word) => ({ text: word.text.trim(), box: word.bbox, confidence: word.confidence }))
          .filter((word) => word.text !== '')
          .map(({ text, box, confidence }) => ({
            text,
            left: Math.round(box.x0 / scale),
            top: Math.round(box.y0 / scale),
            width: Math.round((box.x1 - box.x0) / scale),
            height: Math.round((box.y1 - box.y0) / scale),
            ...(confidence === undefined ? {} : { confidence: Math.round(confidence) }),
          }));
        if (words.length > 0) lines.push({ words });
      }
  const text = lines.map((line) => line.words.map((word) => word.text).join(' ')).join('\n');
  return { text, lines, imageWidth: width, imageHeight: height, ...(processingMs === undefined ? {} : { processingMs }) };
}
