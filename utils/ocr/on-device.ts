import type { OcrLine, OcrPage } from '../receipt';

/** The parts of Tesseract's answer the page is made from. */
export interface TesseractPage {
  text: string;
  blocks: { paragraphs: { lines: { words: { text: string; bbox: { x0: number; y0: number; x1: number; y1: number } }[] }[] }[] }[] | null;
}

/** Tesseract's answer as the page OCR.space would give: its lines and word boxes, in the pixels of the image it read. */
export function pageFromTesseract(answer: TesseractPage, width: number, height: number): OcrPage {
  const lines: OcrLine[] = (answer.blocks ?? []).flatMap((block) =>
    block.paragraphs.flatMap((paragraph) =>
      paragraph.lines.map((line) => ({
        words: line.words
          .filter((word) => word.text.trim() !== '')
          .map((word) => ({ text: word.text, left: word.bbox.x0, top: word.bbox.y0, width: word.bbox.x1 - word.bbox.x0, height: word.bbox.y1 - word.bbox.y0 })),
      })),
    ),
  ).filter((line) => line.words.length > 0);
  const text = lines.map((line) => line.words.map((word) => word.text).join(' ')).join('\n');
  return { text, lines, imageWidth: width, imageHeight: height };
}

/** Small images are enlarged before reading: Tesseract reads print about 30 px high best. */
export const MIN_LONG_SIDE = 1500;
const MAX_UPSCALE = 3;

/** The size to read an image at: small ones enlarged so their long side reaches MIN_LONG_SIDE, others as they are. */
export function readingSize(width: number, height: number): { width: number; height: number; scale: number } {
  const long = Math.max(width, height);
  const scale = long >= MIN_LONG_SIDE || long === 0 ? 1 : Math.min(MAX_UPSCALE, MIN_LONG_SIDE / long);
  return { width: Math.round(width * scale), height: Math.round(height * scale), scale };
}

export interface OnDeviceEnv {
  /** Starts Tesseract with the extension's own files; `onProgress` hears 0..1 while it recognises. */
  createWorker: (onProgress: (fraction: number) => void) => Promise<{ recognize(image: Blob, options: object, output: { blocks: true; text: true }): Promise<{ data: TesseractPage }>; terminate(): Promise<unknown> }>;
  decode: (image: Blob) => Promise<{ width: number; height: number; close(): void } & CanvasImageSource>;
  createCanvas: (width: number, height: number) => OffscreenCanvas;
}

/**
 * Reads receipts with Tesseract in this page: one engine, started at the first receipt and kept while receipts come
 * (the page itself is closed when idle). The browser decodes the image (a damaged JPEG cannot crash the engine) and
 * enlarges small ones; the engine gets a PNG.
 */
export function createOnDeviceReader(env: OnDeviceEnv) {
  let report: (fraction: number) => void = () => undefined;
  let engine: ReturnType<OnDeviceEnv['createWorker']> | null = null;
  let queue: Promise<unknown> = Promise.resolve();

  async function read(image: Blob, onProgress: (percent: number) => void): Promise<OcrPage> {
    const bitmap = await env.decode(image);
    const size = readingSize(bitmap.width, bitmap.height);
    const canvas = env.createCanvas(size.width, size.height);
    const context = canvas.getContext('2d');
    if (!context) throw new Error('no canvas to prepare the image');
    context.drawImage(bitmap, 0, 0, size.width, size.height);
    bitmap.close();
    const png = await canvas.convertToBlob({ type: 'image/png' });
    engine ??= env.createWorker((fraction) => report(fraction)).catch((error: unknown) => {
      engine = null;
      throw error;
    });
    const worker = await engine;
    report = (fraction) => onProgress(Math.round(fraction * 100));
    const { data } = await worker.recognize(png, {}, { blocks: true, text: true });
    return pageFromTesseract(data, size.width, size.height);
  }

  return {
    /** One receipt at a time: the engine's progress belongs to the receipt being read. */
    read(image: Blob, onProgress: (percent: number) => void): Promise<OcrPage> {
      const next = queue.then(() => read(image, onProgress));
      queue = next.catch(() => undefined);
      return next;
    },
  };
}
