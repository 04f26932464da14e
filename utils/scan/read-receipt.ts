import { decodeImage, drawThumbnail, makeThumbnail, type CanvasEnv } from '../image/downscale';
import { readImageDimensions } from '../image/image-dimensions';
import { decodesInBrowser, imagePart } from '../image/image-content';
import type { OcrRequest } from '../ocr/ocr-space-client';
import type { OcrPage, ReceiptRecord } from '../receipt';
import { keepCorrections } from '../storage/receipt-corrections';
import { parseReceipt } from '../receipt-parser';
import type { ReceiptRepository } from '../storage/receipt-repository';
import { ScanFailure, scanErrors } from '../scan-error';
import type { Settings } from '../settings';
import type { StatusReporter } from './status-reporter';
import { prepareUpload } from '../ocr/upload-file';
import type { KeptOriginal } from './keep-original';

export interface ReadReceiptEnv {
  repository: Pick<ReceiptRepository, 'get' | 'getOriginal' | 'saveReading' | 'update'>;
  recognise: (request: OcrRequest) => Promise<OcrPage>;
  canvas: CanvasEnv | null;
  status: StatusReporter;
  now: () => number;
  locale: string;
}

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

export interface ReadOptions {
  signal?: AbortSignal;
  /** The original just stored, which is not read back; its bitmap is closed here. */
  kept?: KeptOriginal;
  /** Told when the OCR service has answered, before the reading is parsed and stored. */
  onAnswered?: () => void;
}

/** Uploads an original to the OCR service and stores what it read, parsed into fields; what the user corrected stays. */
export async function readReceipt(env: ReadReceiptEnv, id: string, settings: Settings, { signal, kept, onAnswered }: ReadOptions = {}): Promise<ReceiptRecord> {
  const original: Original = kept ? { ...kept, marked: true } : await loadOriginal(env.repository, id);
  let thumbnailStored: Promise<void> | null = null;
  try {
    const { status } = env;
    const info = original.receipt.original;
    if (!info) throw new ScanFailure(scanErrors.originalMissing());
    const report = status.progress(id);
    let readingSaved: Promise<void> = Promise.resolve();
    const part = imagePart(original.bytes, info.mime);
    // An original read back that must shrink is decoded once here, for the shrinking and the thumbnail.
    if (!original.bitmap && env.canvas && part.byteLength > settings.uploadLimitBytes && decodesInBrowser(info.mime)) {
      original.bitmap = await decodeImage(new Blob([part], { type: info.mime }), info.mime, readImageDimensions(part, info.mime), env.canvas);
    }
    const upload = await prepareUpload(id, part, info, settings.uploadLimitBytes, env.canvas, original.bitmap);
    signal?.throwIfAborted();
    // An original just stored was marked uploading in that write; the client's progress tells the bytes.
    if (!original.marked) await status.set(id, { status: 'uploading', progress: { phase: 'uploading', loaded: 0, total: upload.file.bytes.byteLength }, error: null });
    const recognised = env.recognise({
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
    // The upload has started: the thumbnail is off its path.
    thumbnailStored = storeThumbnail(env, id, original).catch(() => undefined);
    const page = await recognised;
    onAnswered?.();
    await readingSaved;
    // Word boxes are in the uploaded image's pixels; the detail view scales them onto the original.
    const reading: OcrPage = upload.width > 0 ? { ...page, imageWidth: upload.width, imageHeight: upload.height } : page;
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
