import { decodeImage, drawThumbnail, makeThumbnail, type CanvasEnv } from '../image/downscale';
import { readImageDimensions } from '../image/image-dimensions';
import { decodesInBrowser, imagePart, imageTypeName } from '../image/image-content';
import type { OcrRequest } from '../ocr/ocr-space-client';
import type { OcrPage, ReceiptRecord } from '../receipt';
import { keepCorrections } from '../storage/receipt-corrections';
import { parseReceipt } from '../receipt-parser';
import type { ReceiptRepository } from '../storage/receipt-repository';
import { ScanFailure, scanErrors } from '../scan-error';
import type { Settings } from '../settings';
import type { StatusReporter } from './status-reporter';
import { prepareUpload, type UploadFile } from '../ocr/upload-file';
import type { KeptOriginal } from './keep-original';
import type { OffscreenAnswer } from '../protocol';
import { decodeBase64 } from '../image/byte-reading';

/** Reads a PDF in the page that runs pdf.js: its text, or its first pages drawn as a JPEG. */
export type ReadPdf = (bytes: Uint8Array, limitBytes: number, options: { signal?: AbortSignal; deadlineMs: number }) => Promise<Extract<OffscreenAnswer, { ok: true }>>;

/** Reads an image with the on-device engine; its progress goes to the popup from the page that runs it. */
export type ReadOnDevice = (file: { bytes: Uint8Array; contentType: string }, receiptId: string, options: { signal?: AbortSignal; deadlineMs: number }) => Promise<OcrPage>;

export interface ReadReceiptEnv {
  repository: Pick<ReceiptRepository, 'get' | 'getOriginal' | 'saveReading' | 'update'>;
  recognise: (request: OcrRequest) => Promise<OcrPage>;
  canvas: CanvasEnv | null;
  status: StatusReporter;
  now: () => number;
  locale: string;
  /** Absent where no page can run pdf.js (unit tests): then a PDF goes to OCR.space as it is. */
  readPdf?: ReadPdf;
  /** Tesseract in the browser; absent where there is none (unit tests). */
  readOnDevice?: ReadOnDevice;
}

/** OCR.space failures that "read on this device" answers instead of waiting. */
const FALLBACK_CODES = new Set(['ocr-rate-limit', 'network', 'ocr-server', 'ocr-timeout', 'timeout']);

/** The receipt and original to read: the ones just stored (already marked uploading), or read back from the database. */
type Original = Pick<KeptOriginal, 'receipt' | 'bytes' | 'bitmap'> & { marked: boolean };

async function loadOriginal(repository: ReadReceiptEnv['repository'], id: string): Promise<Original> {
  const [receipt, original] = await Promise.all([repository.get(id), repository.getOriginal(id)]);
  if (!receipt?.original || !original) throw new ScanFailure(scanErrors.originalMissing());
  return { receipt, bytes: new Uint8Array(await original.arrayBuffer()), bitmap: null, marked: false };
}

/** The list thumbnail, made while the upload runs: from the pixels already decoded, else by decoding the image part. */
async function storeThumbnail(env: ReadReceiptEnv, id: string, original: Original): Promise<void> {
  const info = original.receipt.original;
  if (!env.canvas || !info || original.receipt.thumbnail || !decodesInBrowser(info.mime)) return;
  const thumbnail = await (original.bitmap
    ? drawThumbnail(original.bitmap, env.canvas)
    : makeThumbnail(new Blob([imagePart(original.bytes, info.mime)], { type: info.mime }), env.canvas)
  ).catch(() => null);
  if (!thumbnail) return;
  await env.repository.update(id, (receipt) => ({ ...receipt, thumbnail }));
  env.status.changed(id);
}

/** A PDF's own text needs no OCR; a PDF without text is drawn, and the drawing is what is uploaded. */
async function readPdfFirst(env: ReadReceiptEnv, id: string, bytes: Uint8Array, mime: string, settings: Settings, signal?: AbortSignal): Promise<OcrPage | UploadFile | null> {
  if (!env.readPdf || mime !== 'application/pdf') return null;
  await env.status.set(id, { status: 'reading', progress: { phase: 'reading' }, error: null });
  const pdf = await env.readPdf(bytes, settings.uploadLimitBytes, { signal, deadlineMs: settings.ocrDeadlineSeconds * 1000 });
  if (pdf.kind === 'text') return pdf.page;
  return { file: { bytes: decodeBase64(pdf.base64), filename: `receipt-${id}.jpg`, contentType: 'image/jpeg', filetype: 'JPG' }, width: pdf.width, height: pdf.height };
}

export interface ReadOptions {
  signal?: AbortSignal;
  /** The original just stored, which is not read back; its bitmap is closed here. */
  kept?: KeptOriginal;
  /** Told when the OCR service has answered, before the reading is parsed and stored. */
  onAnswered?: () => void;
}

/** Reads an original (OCR.space, this device, or a PDF's own text) and stores what it read, parsed into fields; what the user corrected stays. */
export async function readReceipt(env: ReadReceiptEnv, id: string, settings: Settings, { signal, kept, onAnswered }: ReadOptions = {}): Promise<ReceiptRecord> {
  const original: Original = kept ? { ...kept, marked: true } : await loadOriginal(env.repository, id);
  let thumbnailStored: Promise<void> | null = null;
  try {
    const { status } = env;
    const info = original.receipt.original;
    if (!info) throw new ScanFailure(scanErrors.originalMissing());
    const part = imagePart(original.bytes, info.mime);
    const fromPdf = await readPdfFirst(env, id, part, info.mime, settings, signal);
    let reading: OcrPage;
    if (fromPdf && 'lines' in fromPdf) reading = fromPdf;
    else {
      // The on-device engine reads what the browser decodes: a TIFF would fail there without a word of why.
      const deviceCanRead = fromPdf !== null || decodesInBrowser(info.mime);
      const onDeviceChosen = settings.reader === 'on-device' && env.readOnDevice !== undefined;
      if (onDeviceChosen && !deviceCanRead) throw new ScanFailure(scanErrors.deviceCannotRead(imageTypeName(info.mime)));
      // An original read back that must shrink is decoded once here, for the shrinking and the thumbnail.
      if (!fromPdf && !original.bitmap && env.canvas && part.byteLength > settings.uploadLimitBytes && decodesInBrowser(info.mime)) {
        original.bitmap = await decodeImage(new Blob([part], { type: info.mime }), info.mime, readImageDimensions(part, info.mime), env.canvas);
      }
      const upload = fromPdf ?? (await prepareUpload(id, part, info, settings.uploadLimitBytes, env.canvas, original.bitmap));
      signal?.throwIfAborted();
      // An original just stored was marked uploading in that write; the client's progress tells the bytes.
      if ((!original.marked || fromPdf) && !onDeviceChosen) await status.set(id, { status: 'uploading', progress: { phase: 'uploading', loaded: 0, total: upload.file.bytes.byteLength }, error: null });
      const recognised = recognise(env, id, upload, settings, signal, deviceCanRead);
      // The upload has started: the thumbnail is off its path.
      thumbnailStored = storeThumbnail(env, id, original).catch(() => undefined);
      reading = await recognised;
    }
    onAnswered?.();
    const parsed = parseReceipt(reading, { dateOrder: settings.dateOrder, defaultCurrency: settings.defaultCurrency, locale: env.locale, today: new Date(env.now()) });
    await thumbnailStored;
    const done = await env.repository.saveReading(id, reading, (current) => {
      const fields = keepCorrections(parsed, current);
      return { ...current, status: 'done', progress: null, error: null, fields, receiptDate: fields.date ?? '' };
    });
    if (!done) throw new ScanFailure(scanErrors.originalMissing());
    status.changed(id);
    return done;
  } finally {
    // A scan that fails before its upload still gets its picture in the list.
    await (thumbnailStored ?? storeThumbnail(env, id, original).catch(() => undefined));
    original.bitmap?.close();
  }
}

/**
 * The engine the user chose reads the file; OCR.space failing as the fallback setting names hands it to this device,
 * when the device can read it (`deviceCanRead`).
 */
function recognise(env: ReadReceiptEnv, id: string, upload: UploadFile, settings: Settings, signal: AbortSignal | undefined, deviceCanRead: boolean): Promise<OcrPage> {
  const onDevice = env.readOnDevice;
  if (settings.reader === 'on-device' && onDevice) return readHere(env, onDevice, id, upload, settings, signal);
  return uploadToOcrSpace(env, id, upload, settings, signal).catch((error: unknown) => {
    const fallsBack = settings.fallback === 'on-device' && onDevice && deviceCanRead && error instanceof ScanFailure && FALLBACK_CODES.has(error.error.code);
    if (!fallsBack || signal?.aborted) throw error;
    return readHere(env, onDevice, id, upload, settings, signal);
  });
}

async function readHere(env: ReadReceiptEnv, onDevice: ReadOnDevice, id: string, upload: UploadFile, settings: Settings, signal?: AbortSignal): Promise<OcrPage> {
  await env.status.set(id, { status: 'reading', progress: { phase: 'reading', onDevice: true }, error: null });
  const page = await onDevice({ bytes: upload.file.bytes, contentType: upload.file.contentType }, id, { signal, deadlineMs: settings.ocrDeadlineSeconds * 1000 });
  return page;
}

/** Uploads the file to OCR.space with progress; the page's word boxes are in the uploaded image's pixels. */
async function uploadToOcrSpace(env: ReadReceiptEnv, id: string, upload: UploadFile, settings: Settings, signal?: AbortSignal): Promise<OcrPage> {
  const { status } = env;
  const report = status.progress(id);
  let readingSaved: Promise<void> = Promise.resolve();
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
