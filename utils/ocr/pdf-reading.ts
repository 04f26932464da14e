import type { PDFDocumentProxy } from 'pdfjs-dist';
import { fitImageToLimit, type CanvasEnv } from '../image/downscale';
import type { OcrPage } from '../receipt';
import { ScanFailure, scanErrors } from '../scan-error';
import { hasReadableText, pageFromPdfText, type PlacedText } from './pdf-text';

/** Receipts run to a page or two; OCR.space's free key reads three. */
export const MAX_PDF_PAGES = 3;
/** Text boxes are given in the pixels of the pages drawn at this scale (144 dpi). */
const TEXT_SCALE = 2;
/** Pages are drawn this wide for OCR, then shrunk to fit the upload limit if need be. */
const DRAWN_WIDTH = 1700;

/** What a PDF gives: its own text (no OCR needed), or its first pages drawn as one JPEG for OCR. */
export type PdfReading =
  | { kind: 'text'; page: OcrPage; pageCount: number }
  | { kind: 'drawn'; jpeg: Uint8Array; width: number; height: number; pageCount: number };

export interface PdfEnv {
  /** pdf.js's getDocument, its worker set up by the caller. */
  open: (bytes: Uint8Array) => Promise<PDFDocumentProxy>;
  /** A DOM canvas: pdf.js draws on one. */
  createCanvas: () => HTMLCanvasElement;
  canvas: CanvasEnv;
}

async function readText(pdf: PDFDocumentProxy, pages: number): Promise<OcrPage> {
  const runs: PlacedText[] = [];
  let offset = 0;
  let width = 0;
  for (let number = 1; number <= pages; number++) {
    const page = await pdf.getPage(number);
    const viewport = page.getViewport({ scale: TEXT_SCALE });
    for (const item of (await page.getTextContent()).items) {
      if (!('str' in item)) continue;
      const [x = 0, y = 0] = viewport.convertToViewportPoint(item.transform[4] ?? 0, item.transform[5] ?? 0);
      const height = Math.abs(item.transform[3] ?? item.height) * TEXT_SCALE;
      runs.push({ text: item.str, left: x, top: offset + y - height, width: item.width * TEXT_SCALE, height });
    }
    offset += viewport.height;
    width = Math.max(width, viewport.width);
  }
  return pageFromPdfText(runs, width, offset);
}

async function drawPages(pdf: PDFDocumentProxy, pages: number, env: PdfEnv): Promise<Blob> {
  const drawn: HTMLCanvasElement[] = [];
  for (let number = 1; number <= pages; number++) {
    const page = await pdf.getPage(number);
    const viewport = page.getViewport({ scale: Math.min(4, DRAWN_WIDTH / page.getViewport({ scale: 1 }).width) });
    const canvas = env.createCanvas();
    canvas.width = Math.round(viewport.width);
    canvas.height = Math.round(viewport.height);
    const context = canvas.getContext('2d');
    if (!context) throw new ScanFailure(scanErrors.pdfUnreadable('no canvas to draw its pages on'));
    context.fillStyle = '#fff';
    context.fillRect(0, 0, canvas.width, canvas.height);
    // 'print': the display intent waits for animation frames, which an offscreen document never gets.
    await page.render({ canvas, canvasContext: context, viewport, intent: 'print' }).promise;
    drawn.push(canvas);
  }
  const sheet = env.createCanvas();
  sheet.width = Math.max(...drawn.map((canvas) => canvas.width));
  sheet.height = drawn.reduce((sum, canvas) => sum + canvas.height, 0);
  const context = sheet.getContext('2d');
  if (!context) throw new ScanFailure(scanErrors.pdfUnreadable('no canvas to draw its pages on'));
  context.fillStyle = '#fff';
  context.fillRect(0, 0, sheet.width, sheet.height);
  let top = 0;
  for (const canvas of drawn) {
    context.drawImage(canvas, 0, top);
    top += canvas.height;
  }
  return new Promise((resolve, reject) => sheet.toBlob((blob) => (blob ? resolve(blob) : reject(new ScanFailure(scanErrors.pdfUnreadable('its pages could not be drawn')))), 'image/png'));
}

function explain(error: unknown): never {
  if (error instanceof ScanFailure) throw error;
  const name = error instanceof Error ? error.name : '';
  if (name === 'PasswordException') throw new ScanFailure(scanErrors.pdfUnreadable('it is protected by a password. Save a copy without the password and add that.'));
  if (name === 'InvalidPDFException') throw new ScanFailure(scanErrors.pdfUnreadable('it is damaged or not a PDF.'));
  throw new ScanFailure(scanErrors.pdfUnreadable(error instanceof Error ? error.message : String(error)));
}

/** Reads a PDF receipt: its text layer when it has one, else its first pages drawn to one JPEG that fits `limitBytes`. */
export async function readPdf(bytes: Uint8Array, limitBytes: number, env: PdfEnv): Promise<PdfReading> {
  try {
    const pdf = await env.open(bytes);
    try {
      const pages = Math.min(MAX_PDF_PAGES, pdf.numPages);
      const text = await readText(pdf, pages);
      if (hasReadableText(text)) return { kind: 'text', page: text, pageCount: pdf.numPages };
      const fitted = await fitImageToLimit(await drawPages(pdf, pages, env), limitBytes, env.canvas);
      return { kind: 'drawn', jpeg: new Uint8Array(await fitted.blob.arrayBuffer()), width: fitted.width, height: fitted.height, pageCount: pdf.numPages };
    } finally {
      await pdf.destroy();
    }
  } catch (error) {
    explain(error);
  }
}
