import type { CanvasEnv } from './downscale';
import { assertDecodable, makeThumbnail } from './downscale';
import { fetchOriginal } from './fetch-original';
import { readImageDimensions, sniffImageType } from './image-type';
import type { OcrRequest } from './ocr-space-client';
import type { ScanEvent } from './protocol';
import type { OcrPage, OriginalInfo, ReceiptRecord, ScanProgress } from './receipt';
import { keepCorrections } from './receipt-corrections';
import { parseReceipt } from './receipt-parser';
import type { ReceiptRepository } from './receipt-repository';
import { ScanFailure, scanErrors, toScanError, type ScanError } from './scan-error';
import type { Settings } from './settings';
import { sha256Hex } from './sha256';
import { prepareUploadFile } from './upload-file';

export interface ScanTarget {
  srcUrl: string;
  pageUrl: string | null;
  pageTitle: string | null;
  tabId: number | null;
  frameId: number;
}

export interface ScanEnv {
  repository: ReceiptRepository;
  loadSettings: () => Promise<Settings>;
  fetch: typeof fetch;
  /** Reads a page's blob: URL inside that page, where it lives. */
  readBlobUrl: (target: ScanTarget, limitBytes: number) => Promise<Uint8Array>;
  recognise: (request: OcrRequest) => Promise<OcrPage>;
  /** Absent where no canvas exists (unit tests); then no thumbnail and no downscaling. */
  canvas: CanvasEnv | null;
  broadcast: (event: ScanEvent) => void;
  newId: () => string;
  now: () => number;
  locale: string;
}

/** How a processed scan ended when it did not fail. */
export type ScanOutcome = { kind: 'done'; receipt: ReceiptRecord } | { kind: 'duplicate'; existing: ReceiptRecord };

const PROGRESS_INTERVAL_MS = 100;
/** data: addresses can be megabytes long; the receipt only needs to say where it came from. */
const MAX_STORED_URL = 500;

/** Images that exist only in the page (blob:) or only in the click (data:) are read at once. */
export function isReadAtCapture(srcUrl: string): boolean {
  return srcUrl.startsWith('blob:') || srcUrl.startsWith('data:');
}

function shortUrl(url: string): string {
  return url.length > MAX_STORED_URL ? `${url.slice(0, MAX_STORED_URL)}…` : url;
}

function copyBytes(bytes: Uint8Array): Uint8Array<ArrayBuffer> {
  const copy = new Uint8Array(bytes.byteLength);
  copy.set(bytes);
  return copy;
}

export function createScanner(env: ScanEnv) {
  const { repository } = env;

  function throttledProgress(receiptId: string) {
    let last = 0;
    return (progress: ScanProgress, force = false) => {
      const now = env.now();
      if (!force && now - last < PROGRESS_INTERVAL_MS) return;
      last = now;
      env.broadcast({ type: 'receipt-progress', receiptId, progress });
    };
  }

  async function setStatus(id: string, change: Partial<ReceiptRecord>): Promise<void> {
    await repository.update(id, (receipt) => ({ ...receipt, ...change }));
    env.broadcast({ type: 'receipt-changed', receiptId: id });
  }

  async function readImage(id: string, target: ScanTarget, settings: Settings): Promise<Uint8Array> {
    await setStatus(id, { status: 'downloading', progress: { phase: 'downloading', loaded: 0, total: null }, error: null });
    const report = throttledProgress(id);
    const onProgress = (loaded: number, total: number | null) => report({ phase: 'downloading', loaded, total });
    return target.srcUrl.startsWith('blob:')
      ? env.readBlobUrl(target, settings.downloadLimitBytes)
      : fetchOriginal({ url: target.srcUrl, fetch: env.fetch, limitBytes: settings.downloadLimitBytes, onProgress });
  }

  /** Validates and stores the original, unless the same image is already stored: then that receipt is the answer. */
  async function keepOriginal(id: string, bytes: Uint8Array): Promise<ReceiptRecord | null> {
    const type = sniffImageType(bytes);
    if (!type.ok) throw new ScanFailure(type.error);
    assertDecodable(readImageDimensions(bytes, type.mime));
    const info: OriginalInfo = { sha256: await sha256Hex(bytes), mime: type.mime, extension: type.extension, size: bytes.byteLength };
    const existing = (await repository.findBySha256(info.sha256)).find((receipt) => receipt.id !== id);
    if (existing) return existing;
    const blob = new Blob([copyBytes(bytes)], { type: type.mime });
    await repository.storeOriginal(id, blob, info, await makeListThumbnail(blob, info));
    return null;
  }

  async function makeListThumbnail(blob: Blob, info: OriginalInfo): Promise<Blob | null> {
    if (!env.canvas || info.mime === 'application/pdf') return null;
    // A missing thumbnail costs a picture in the list, never the scan.
    return makeThumbnail(blob, env.canvas).catch(() => null);
  }

  async function dropAsDuplicate(id: string, existing: ReceiptRecord): Promise<ScanOutcome> {
    await repository.delete(id);
    env.broadcast({ type: 'receipt-duplicate', receiptId: id, existingId: existing.id });
    return { kind: 'duplicate', existing };
  }

  async function recognise(id: string, settings: Settings): Promise<ReceiptRecord> {
    const receipt = await repository.get(id);
    const original = await repository.getOriginal(id);
    if (!receipt?.original || !original) throw new ScanFailure(scanErrors.originalMissing());
    const report = throttledProgress(id);
    let readingSaved: Promise<void> = Promise.resolve();
    const upload = await prepareUploadFile(id, original, receipt.original, settings.uploadLimitBytes, env.canvas);
    await setStatus(id, { status: 'uploading', progress: { phase: 'uploading', loaded: 0, total: upload.file.bytes.byteLength }, error: null });
    const page = await env.recognise({
      endpoint: settings.endpoint,
      apiKey: settings.apiKey,
      language: settings.language,
      engine: settings.engine,
      file: upload.file,
      onProgress: (progress) => {
        if ('indeterminate' in progress) report({ phase: 'uploading', loaded: 0, total: null }, true);
        else if (progress.loaded >= progress.total) {
          report({ phase: 'reading' }, true);
          readingSaved = setStatus(id, { status: 'reading', progress: { phase: 'reading' } });
        } else report({ phase: 'uploading', loaded: progress.loaded, total: progress.total });
      },
    });
    await readingSaved;
    // Word boxes are in the uploaded image's pixels; the detail view scales them onto the original.
    const reading: OcrPage = upload.width > 0 ? { ...page, imageWidth: upload.width, imageHeight: upload.height } : page;
    const parsed = parseReceipt(reading, { dateOrder: settings.dateOrder, defaultCurrency: settings.defaultCurrency, locale: env.locale, today: new Date(env.now()) });
    const done = await repository.saveReading(id, reading, (current) => {
      const fields = keepCorrections(parsed, current);
      return { ...current, status: 'done', progress: null, error: null, fields, receiptDate: fields.date ?? '' };
    });
    if (!done) throw new ScanFailure(scanErrors.originalMissing());
    env.broadcast({ type: 'receipt-changed', receiptId: id });
    return done;
  }

  async function markFailed(id: string, error: ScanError): Promise<void> {
    await setStatus(id, { status: 'failed', progress: null, error }).catch(() => undefined);
  }

  const scanner = {
    /**
     * Creates the queued receipt at once. Images that live only in the page or the click are read and
     * stored now; a failure there leaves the receipt failed, with nothing stored.
     */
    async capture(target: ScanTarget, batchId: string | null = null): Promise<ReceiptRecord> {
      const id = env.newId();
      const job = { srcUrl: shortUrl(target.srcUrl), tabId: target.tabId, frameId: target.frameId, attempts: 0, notBefore: 0, batchId };
      const receipt = await repository.create({ id, capturedAt: env.now(), job, source: { imageUrl: shortUrl(target.srcUrl), pageUrl: target.pageUrl, pageTitle: target.pageTitle } });
      env.broadcast({ type: 'receipt-changed', receiptId: id });
      if (!isReadAtCapture(target.srcUrl)) return receipt;
      try {
        const existing = await keepOriginal(id, await readImage(id, target, await env.loadSettings()));
        if (existing) await dropAsDuplicate(id, existing);
        else await setStatus(id, { status: 'queued', progress: null });
      } catch (error) {
        await markFailed(id, toScanError(error));
      }
      return (await repository.get(id)) ?? receipt;
    },

    /** Downloads (when not stored yet), uploads and reads one receipt. Throws ScanFailure; the caller decides what a failure means. */
    async process(id: string): Promise<ScanOutcome> {
      const receipt = await repository.get(id);
      if (!receipt) throw new ScanFailure(scanErrors.originalMissing());
      const settings = await env.loadSettings();
      if (!receipt.original) {
        const srcUrl = receipt.job?.srcUrl ?? receipt.source.imageUrl;
        if (isReadAtCapture(srcUrl)) throw new ScanFailure(scanErrors.blobGone());
        const target = { srcUrl, pageUrl: receipt.source.pageUrl, pageTitle: receipt.source.pageTitle, tabId: receipt.job?.tabId ?? null, frameId: receipt.job?.frameId ?? 0 };
        const existing = await keepOriginal(id, await readImage(id, target, settings));
        if (existing) return dropAsDuplicate(id, existing);
      }
      return { kind: 'done', receipt: await recognise(id, settings) };
    },

    markFailed,

    /** Back in the queue (a retry, a backoff, a restart), with the popup told. */
    async requeue(id: string, change: Partial<ReceiptRecord> = {}): Promise<void> {
      await setStatus(id, { status: 'queued', progress: null, ...change });
    },

    /** One scan from click to end, without a queue: what tests and simple callers need. */
    async scan(target: ScanTarget): Promise<string> {
      const receipt = await scanner.capture(target);
      if (receipt.status === 'queued') await scanner.process(receipt.id).catch((error: unknown) => markFailed(receipt.id, toScanError(error)));
      return receipt.id;
    },
  };
  return scanner;
}

export type Scanner = ReturnType<typeof createScanner>;
