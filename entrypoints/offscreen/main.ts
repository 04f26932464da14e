import { getDocument, GlobalWorkerOptions } from 'pdfjs-dist';
import workerUrl from 'pdfjs-dist/build/pdf.worker.min.mjs?url';
import { browser } from 'wxt/browser';
import { answerPdfTask } from '@/utils/ocr/pdf-task';
import { isOffscreenRequest } from '@/utils/protocol';

// pdf.js's own worker, shipped with the extension: nothing is fetched from elsewhere.
GlobalWorkerOptions.workerSrc = workerUrl;

const env = {
  // No eval (the extension's policy forbids it) and no fonts or maps from a network.
  open: (bytes: Uint8Array) => getDocument({ data: bytes, isEvalSupported: false, useSystemFonts: true, disableFontFace: false }).promise,
  createCanvas: () => document.createElement('canvas'),
  canvas: { createImageBitmap: (blob: Blob) => createImageBitmap(blob), createCanvas: (width: number, height: number) => new OffscreenCanvas(width, height) },
};

browser.runtime.onMessage.addListener((message) => {
  if (isOffscreenRequest(message)) return answerPdfTask(message, env);
});
