import type { CanvasEnv } from '../image/downscale';
import type { OcrRequest } from '../ocr/ocr-space-client';
import type { OcrPage, ReceiptRecord } from '../receipt';
import { keepCorrections } from '../storage/receipt-corrections';
import { parseReceipt } from '../receipt-parser';
import type { ReceiptRepository } from '../storage/receipt-repository';
import { ScanFailure, scanErrors } from '../scan-error';
import type { Settings } from '../settings';
import type { StatusReporter } from './status-reporter';
import { prepareUploadFile, type UploadFile } from '../ocr/upload-file';
import type { OffscreenAnswer } from '../protocol';
import { decodeBase64 } from '../capture/disk-files';

/** Reads a PDF in the page that runs pdf.js: its text, or its first pages drawn as a JPEG. */
export type ReadPdf = (bytes: Uint8Array, limitBytes: number, options: { signal?: AbortSignal; deadlineMs: number }) => Promise<Extract<OffscreenAnswer, { ok: true }>>;

export interface ReadReceiptEnv {
  repository: Pick<ReceiptRepository, 'get' | 'getOriginal' | 'saveReading'>;
  recognise: (request: OcrRequest) => Promise<OcrPage>;
  canvas: CanvasEnv | null;
  status: StatusReporter;
  now: () => number;
  locale: string;
  /** Absent where no page can run pdf.js (unit tests): then a PDF goes to OCR.space as it is. */
  readPdf?: ReadPdf;
}

/** A PDF's own text needs no OCR; a PDF without text is drawn, and the drawing is what is uploaded. */
async function readPdfFirst(env: ReadReceiptEnv, id: string, original: Blob, mime: string, settings: Settings, signal?: AbortSignal): Promise<OcrPage | UploadFile | null> {
  if (!env.readPdf || mime !== 'application/pdf') return null;
  await env.status.set(id, { status: 'reading', progress: { phase: 'reading' }, error: null });
  const pdf = await env.readPdf(new Uint8Array(await original.arrayBuffer()), settings.uploadLimitBytes, { signal, deadlineMs: settings.ocrDeadlineSeconds * 1000 });
  if (pdf.kind === 'text') return pdf.page;
  return { file: { bytes: decodeBase64(pdf.base64), filename: `receipt-${id}.jpg`, contentType: 'image/jpeg', filetype: 'JPG' }, width: pdf.width, height: pdf.height };
}

/** Uploads a stored original to the OCR service and stores what it read, parsed into fields; what the user corrected stays. */
export async function readReceipt(env: ReadReceiptEnv, id: string, settings: Settings, signal?: AbortSignal): Promise<ReceiptRecord> {
  const { repository, status } = env;
  const receipt = await repository.get(id);
  const original = await repository.getOriginal(id);
  if (!receipt?.original || !original) throw new ScanFailure(scanErrors.originalMissing());
  const fromPdf = await readPdfFirst(env, id, original, receipt.original.mime, settings, signal);
  const reading = fromPdf && 'lines' in fromPdf ? fromPdf : await recognise(env, id, fromPdf ?? (await prepareUploadFile(id, original, receipt.original, settings.uploadLimitBytes, env.canvas)), settings, signal);
  const parsed = parseReceipt(reading, { dateOrder: settings.dateOrder, defaultCurrency: settings.defaultCurrency, locale: env.locale, today: new Date(env.now()) });
  const done = await repository.saveReading(id, reading, (current) => {
    const fields = keepCorrections(parsed, current);
    return { ...current, status: 'done', progress: null, error: null, fields, receiptDate: fields.date ?? '' };
  });
  if (!done) throw new ScanFailure(scanErrors.originalMissing());
  status.changed(id);
  return done;
}

/** Uploads the file to the OCR service with progress; the page's word boxes are in the uploaded image's pixels. */
async function recognise(env: ReadReceiptEnv, id: string, upload: UploadFile, settings: Settings, signal?: AbortSignal): Promise<OcrPage> {
  const { status } = env;
  const report = status.progress(id);
  let readingSaved: Promise<void> = Promise.resolve();
  signal?.throwIfAborted();
  await status.set(id, { status: 'uploading', progress: { phase: 'uploading', loaded: 0, total: upload.file.bytes.byteLength }, error: null });
  const page = await env.recognise({
    endpoint: settings.endpoint,
    apiKey: settings.apiKey,
    language: settings.language,
    engine: settings.engine,
    file: upload.file,
    signal,
    deadlineMs: settings.ocrDeadlineSeconds * 1000,
    onProgress: (progress) => {
      if ('indeterminate' in progress) report({ phase: 'uploading', loaded: 0, total: null }, true);
      else if (progress.loaded >= progress.total) {
        report({ phase: 'reading' }, true);
        readingSaved = status.set(id, { status: 'reading', progress: { phase: 'reading' } });
      } else report({ phase: 'uploading', loaded: progress.loaded, total: progress.total });
    },
  });
  await readingSaved;
  // Word boxes are in the uploaded image's pixels; the detail view scales them onto the original.
  return upload.width > 0 ? { ...page, imageWidth: upload.width, imageHeight: upload.height } : page;
}
