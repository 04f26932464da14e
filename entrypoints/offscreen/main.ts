import { getDocument, GlobalWorkerOptions } from 'pdfjs-dist';
import workerUrl from 'pdfjs-dist/build/pdf.worker.min.mjs?url';
import { browser } from 'wxt/browser';
import { createOnDeviceReader } from '@/utils/ocr/on-device';
import { DEVICE_CORE_FILE, DEVICE_FILES_DIR, DEVICE_LANGUAGE, DEVICE_OEM, DEVICE_PARAMETERS, DEVICE_WORKER_FILE } from '@/utils/ocr/device-engine';
import { answerPdfTask } from '@/utils/ocr/pdf-task';
import { decodeBase64 } from '@/utils/image/byte-reading';
import { isOffscreenRequest, type OffscreenAnswer, type ScanEvent } from '@/utils/protocol';
import { toScanError } from '@/utils/scan-error';

// pdf.js's own worker, shipped with the extension: nothing is fetched from elsewhere.
GlobalWorkerOptions.workerSrc = workerUrl;

const pdfEnv = {
  // No eval (the extension's policy forbids it) and no fonts or maps from a network.
  open: (bytes: Uint8Array) => getDocument({ data: bytes, isEvalSupported: false, useSystemFonts: true }).promise,
  createCanvas: () => document.createElement('canvas'),
  canvas: { createImageBitmap: (blob: Blob) => createImageBitmap(blob), createCanvas: (width: number, height: number) => new OffscreenCanvas(width, height) },
};

/** Files copied into the build from the tesseract packages (wxt.config.ts), outside WXT's typed public paths. */
const extensionFile = (path: string) => new URL(path, location.origin).href;

const onDevice = createOnDeviceReader({
  // Tesseract loads only when a receipt is read on this device, from the extension's own files.
  createWorker: async (onProgress) => {
    const { createWorker } = await import('tesseract.js');
    // Options third: given second, tesseract.js quietly fetches its files from a CDN.
    const worker = await createWorker(DEVICE_LANGUAGE, DEVICE_OEM, {
      workerPath: extensionFile(`/${DEVICE_FILES_DIR}/${DEVICE_WORKER_FILE}`),
      corePath: extensionFile(`/${DEVICE_FILES_DIR}/${DEVICE_CORE_FILE}`),
      langPath: extensionFile(`/${DEVICE_FILES_DIR}`),
      workerBlobURL: false,
      cacheMethod: 'none',
      logger: (message) => {
        if (message.status === 'recognizing text') onProgress(message.progress);
      },
    });
    await worker.setParameters(DEVICE_PARAMETERS as unknown as Parameters<typeof worker.setParameters>[0]);
    return worker;
  },
  decode: (image) => createImageBitmap(image),
  createCanvas: (width, height) => new OffscreenCanvas(width, height),
});

async function readOnDevice(base64: string, mime: string, receiptId: string): Promise<OffscreenAnswer> {
  let shown = -1;
  try {
    const page = await onDevice.read(receiptId, new Blob([decodeBase64(base64)], { type: mime }), (percent) => {
      if (percent < shown + 5 && percent < 100) return;
      shown = percent;
      const event: ScanEvent = { type: 'receipt-progress', receiptId, progress: { phase: 'reading', onDevice: true, percent } };
      void browser.runtime.sendMessage(event).catch(() => undefined);
    });
    return { ok: true, kind: 'text', page, pageCount: 1 };
  } catch (error) {
    return { ok: false, error: toScanError(error) };
  }
}

browser.runtime.onMessage.addListener((message) => {
  if (!isOffscreenRequest(message)) return;
  if (message.task === 'read-pdf') return answerPdfTask(message, pdfEnv);
  if (message.task === 'stop-on-device') return void onDevice.stop(message.receiptId);
  return readOnDevice(message.base64, message.mime, message.receiptId);
});
