import type { OcrPage } from '../receipt';
import { toOcrPage, upscaleFactor, type DeviceBlocks } from './device-engine';

export interface OnDeviceEnv {
  /** Starts Tesseract with the extension's own files and DEVICE_PARAMETERS; `onProgress` hears 0..1 while it recognises. */
  createWorker: (onProgress: (fraction: number) => void) => Promise<{ recognize(image: Blob, options: object, output: { blocks: true; text: false }): Promise<{ data: DeviceBlocks }>; terminate(): Promise<unknown> }>;
  decode: (image: Blob) => Promise<{ width: number; height: number; close(): void } & CanvasImageSource>;
  createCanvas: (width: number, height: number) => OffscreenCanvas;
}

/**
 * Reads receipts with Tesseract in this page: one engine, started at the first receipt and kept while receipts come
 * (the page itself is closed when idle). The browser decodes the image (a damaged JPEG cannot crash the engine) and
 * enlarges small ones (device-engine.ts, shared with `npm run ocr-local`); the engine gets a PNG. Word boxes come back
 * in the pixels of the image handed over.
 */
export function createOnDeviceReader(env: OnDeviceEnv) {
  let report: (fraction: number) => void = () => undefined;
  let engine: ReturnType<OnDeviceEnv['createWorker']> | null = null;
  let queue: Promise<unknown> = Promise.resolve();
  /** The receipt being read, and the ones stopped before their turn came. */
  let reading: string | null = null;
  let stopReading: () => void = () => undefined;
  const stopped = new Set<string>();

  async function read(receiptId: string, image: Blob, onProgress: (percent: number) => void): Promise<OcrPage> {
    if (stopped.delete(receiptId)) throw new Error('stopped');
    reading = receiptId;
    const started = performance.now();
    const bitmap = await env.decode(image);
    const { width, height } = bitmap;
    const scale = upscaleFactor(width, height);
    const canvas = env.createCanvas(Math.round(width * scale), Math.round(height * scale));
    const context = canvas.getContext('2d');
    if (!context) throw new Error('no canvas to prepare the image');
    context.imageSmoothingQuality = 'high';
    context.drawImage(bitmap, 0, 0, canvas.width, canvas.height);
    bitmap.close();
    const png = await canvas.convertToBlob({ type: 'image/png' });
    engine ??= env.createWorker((fraction) => report(fraction)).catch((error: unknown) => {
      engine = null;
      throw error;
    });
    const worker = await engine;
    report = (fraction) => onProgress(Math.round(fraction * 100));
    // A stopped engine may never answer: the read ends at the stop, not when the engine does.
    const stoppedNow = new Promise<never>((_, reject) => (stopReading = () => reject(new Error('stopped'))));
    const { data } = await Promise.race([worker.recognize(png, {}, { blocks: true, text: false }), stoppedNow]);
    return toOcrPage(data, canvas.width / width, width, height, Math.round(performance.now() - started));
  }

  function finished<T>(result: Promise<T>): Promise<T> {
    return result.finally(() => {
      reading = null;
      stopReading = () => undefined;
    });
  }

  return {
    /** One receipt at a time: the engine's progress belongs to the receipt being read. */
    read(receiptId: string, image: Blob, onProgress: (percent: number) => void): Promise<OcrPage> {
      const next = queue.then(() => finished(read(receiptId, image, onProgress)));
      queue = next.catch(() => undefined);
      return next;
    },
    /** A cancelled scan stops the engine mid-page (it starts afresh for the next receipt), or never starts. */
    stop(receiptId: string): void {
      if (reading !== receiptId) return void stopped.add(receiptId);
      const running = engine;
      engine = null;
      stopReading();
      void running?.then((worker) => worker.terminate()).catch(() => undefined);
    },
  };
}
