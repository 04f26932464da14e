/**
 * The on-device engine in Node, with the extension's settings and preprocessing (utils/ocr/device-engine.ts):
 * decoded first (here by @napi-rs/canvas, in the extension by the browser), enlarged when small, read by tesseract.js 7
 * LSTM-only with the English best_int data shipped in the extension. Used by `ocr-local` and `bench:ocr`.
 */
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { createCanvas, loadImage } from '@napi-rs/canvas';
import { createWorker, type Worker } from 'tesseract.js';
import { DEVICE_LANGUAGE, DEVICE_OEM, DEVICE_PARAMETERS, toOcrPage, upscaleFactor } from '../utils/ocr/device-engine';
import type { OcrPage } from '../utils/receipt';

const require = createRequire(import.meta.url);
const LANG_DIR = join(dirname(require.resolve('@tesseract.js-data/eng/package.json')), '4.0.0_best_int');

export interface LocalEngine {
  read(image: Uint8Array): Promise<{ page: OcrPage; engineMs: number }>;
  stop(): Promise<void>;
}

/** Grey, with the darkest and lightest 1% of pixels stretched to black and white: a preprocessing measured, not shipped. */
function greyStretched(context: ReturnType<ReturnType<typeof createCanvas>['getContext']>, width: number, height: number): void {
  const pixels = context.getImageData(0, 0, width, height);
  const data = pixels.data;
  const histogram = new Array<number>(256).fill(0);
  for (let i = 0; i < data.length; i += 4) {
    const grey = Math.round(0.299 * (data[i] ?? 0) + 0.587 * (data[i + 1] ?? 0) + 0.114 * (data[i + 2] ?? 0));
    data[i] = grey;
    histogram[grey] = (histogram[grey] ?? 0) + 1;
  }
  const count = width * height;
  let low = 0;
  for (let seen = 0; low < 255 && (seen += histogram[low] ?? 0) < count * 0.01; ) low++;
  let high = 255;
  for (let seen = 0; high > 0 && (seen += histogram[high] ?? 0) < count * 0.01; ) high--;
  const range = Math.max(1, high - low);
  for (let i = 0; i < data.length; i += 4) {
    const value = Math.max(0, Math.min(255, Math.round((((data[i] ?? 0) - low) * 255) / range)));
    data[i] = value;
    data[i + 1] = value;
    data[i + 2] = value;
  }
  context.putImageData(pixels, 0, 0);
}

/**
 * `upscale: false` reads images as they are, `grey` greys and stretches them, `parameters` override the engine's: only
 * to measure what each gives.
 */
export async function startLocalEngine(options: { upscale?: boolean; grey?: boolean; parameters?: Record<string, string> } = {}): Promise<LocalEngine> {
  // Options third, files local, nothing cached or fetched: as in the extension.
  const worker: Worker = await createWorker(DEVICE_LANGUAGE, DEVICE_OEM, { langPath: LANG_DIR, cacheMethod: 'none', gzip: true });
  await worker.setParameters({ ...DEVICE_PARAMETERS, ...options.parameters } as unknown as Parameters<Worker['setParameters']>[0]);
  return {
    async read(bytes) {
      const started = performance.now();
      const image = await loadImage(Buffer.from(bytes));
      const scale = options.upscale === false ? 1 : upscaleFactor(image.width, image.height);
      const canvas = createCanvas(Math.round(image.width * scale), Math.round(image.height * scale));
      const context = canvas.getContext('2d');
      context.imageSmoothingQuality = 'high';
      context.drawImage(image, 0, 0, canvas.width, canvas.height);
      if (options.grey) greyStretched(context, canvas.width, canvas.height);
      const png = canvas.toBuffer('image/png');
      const result = await worker.recognize(png, {}, { text: false, blocks: true });
      const engineMs = performance.now() - started;
      return { page: toOcrPage(result.data, canvas.width / image.width, image.width, image.height, Math.round(engineMs)), engineMs };
    },
    stop: async () => void (await worker.terminate()),
  };
}

/** The page as OCR.space would have answered it (`isOverlayRequired=true`), for `parse-ocr` and the benchmarks. */
export function ocrSpaceAnswer(page: OcrPage) {
  const Lines = page.lines.map((line) => ({
    LineText: line.words.map((word) => word.text).join(' '),
    Words: line.words.map((word) => ({ WordText: word.text, Left: word.left, Top: word.top, Width: word.width, Height: word.height, ...(word.confidence === undefined ? {} : { Confidence: word.confidence }) })),
    MaxHeight: Math.max(...line.words.map((word) => word.height)),
    MinTop: Math.min(...line.words.map((word) => word.top)),
  }));
  return {
    ParsedResults: [{ TextOverlay: { Lines, HasOverlay: true }, FileParseExitCode: 1, ParsedText: page.text.replace(/\n/g, '\r\n'), ErrorMessage: '', ErrorDetails: '' }],
    OCRExitCode: 1,
    IsErroredOnProcessing: false,
    ProcessingTimeInMilliseconds: String(page.processingMs ?? 0),
  };
}
