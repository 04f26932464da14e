import type { CanvasEnv } from './downscale';
import { assertDecodable, fitImageToLimit, makeThumbnail } from './downscale';
import { fetchOriginal } from './fetch-original';
import { readImageDimensions, sniffImageType } from './image-type';
import { ocrFiletype } from './ocr-space-client';
import type { OcrRequest } from './ocr-space-client';
import type { ScanEvent } from './protocol';
import type { OcrPage, OriginalInfo, ReceiptRecord, ScanProgress } from './receipt';
import { parseReceipt } from './receipt-parser';
import type { ReceiptRepository } from './receipt-repository';
import { ScanFailure, scanErrors, type ScanError } from './scan-error';
import type { Settings } from './settings';
import { sha256Hex } from './sha256';

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

const PROGRESS_INTERVAL_MS = 100;
/** data: addresses can be megabytes long; the receipt only needs to say where it came from. */
const MAX_STORED_URL = 500;

function toScanError(error: unknown): ScanError {
  if (error instanceof ScanFailure) return error.error;
  return scanErrors.unexpected(error instanceof Error ? error.message : String(error));
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

  async function download(receipt: ReceiptRecord, target: ScanTarget, settings: Settings): Promise<void> {
    const report = throttledProgress(receipt.id);
    const onProgress = (loaded: number, total: number | null) => report({ phase: 'downloading', loaded, total });
    const bytes = target.srcUrl.startsWith('blob:')
      ? await env.readBlobUrl(target, settings.downloadLimitBytes)
      : await fetchOriginal({ url: target.srcUrl, fetch: env.fetch, limitBytes: settings.downloadLimitBytes, onProgress });
    const type = sniffImageType(bytes);
    if (!type.ok) throw new ScanFailure(type.error);
    assertDecodable(readImageDimensions(bytes, type.mime));
    const blob = new Blob([copyBytes(bytes)], { type: type.mime });
    const info: OriginalInfo = { sha256: await sha256Hex(bytes), mime: type.mime, extension: type.extension, size: bytes.byteLength };
    const thumbnail = await makeListThumbnail(blob, info);
    await repository.storeOriginal(receipt.id, blob, info, thumbnail);
  }

  async function makeListThumbnail(blob: Blob, info: OriginalInfo): Promise<Blob | null> {
    if (!env.canvas || info.mime === 'application/pdf') return null;
    // A missing thumbnail costs a picture in the list, never the scan.
    return makeThumbnail(blob, env.canvas).catch(() => null);
  }

  async function recognise(id: string): Promise<void> {
    const receipt = await repository.get(id);
    const original = await repository.getOriginal(id);
    if (!receipt?.original || !original) throw new ScanFailure(scanErrors.originalMissing());
    const settings = await env.loadSettings();
    const report = throttledProgress(id);
    let readingSaved: Promise<void> = Promise.resolve();
    const upload = await fitForUpload(original, settings.uploadLimitBytes);
    await setStatus(id, { status: 'uploading', progress: { phase: 'uploading', loaded: 0, total: upload.size }, error: null });
    const page = await env.recognise({
      endpoint: settings.endpoint,
      apiKey: settings.apiKey,
      language: settings.language,
      engine: settings.engine,
      file: {
        bytes: new Uint8Array(await upload.arrayBuffer()),
        filename: `receipt-${id}.${upload.type === receipt.original.mime ? receipt.original.extension : 'jpg'}`,
        contentType: upload.type || receipt.original.mime,
        filetype: ocrFiletype(upload.type === receipt.original.mime ? receipt.original.mime : 'image/jpeg'),
      },
      onProgress: (progress) => {
        if ('indeterminate' in progress) report({ phase: 'uploading', loaded: 0, total: null }, true);
        else if (progress.loaded >= progress.total) {
          report({ phase: 'reading' }, true);
          readingSaved = setStatus(id, { status: 'reading', progress: { phase: 'reading' } });
        }
        else report({ phase: 'uploading', loaded: progress.loaded, total: progress.total });
      },
    });
    await readingSaved;
    const fields = parseReceipt(page, { dateOrder: settings.dateOrder, defaultCurrency: settings.defaultCurrency, locale: env.locale, today: new Date(env.now()) });
    await setStatus(id, { status: 'done', progress: null, error: null, ocr: page, fields, edited: [], receiptDate: fields.date ?? '' });
  }

  async function fitForUpload(original: Blob, limitBytes: number): Promise<Blob> {
    if (original.size <= limitBytes) return original;
    if (!env.canvas) throw new ScanFailure(scanErrors.stillTooLarge(limitBytes));
    return (await fitImageToLimit(original, limitBytes, env.canvas)).blob;
  }

  async function fail(id: string, error: unknown): Promise<void> {
    await setStatus(id, { status: 'failed', progress: null, error: toScanError(error) }).catch(() => undefined);
  }

  return {
    /** Creates the receipt at once, then downloads, stores and reads it; resolves when the scan ends either way. */
    async scan(target: ScanTarget): Promise<string> {
      const id = env.newId();
      const imageUrl = target.srcUrl.length > MAX_STORED_URL ? `${target.srcUrl.slice(0, MAX_STORED_URL)}…` : target.srcUrl;
      const receipt = await repository.create({ id, capturedAt: env.now(), source: { imageUrl, pageUrl: target.pageUrl, pageTitle: target.pageTitle } });
      env.broadcast({ type: 'receipt-changed', receiptId: id });
      try {
        const settings = await env.loadSettings();
        await download(receipt, target, settings);
        await recognise(id);
      } catch (error) {
        await fail(id, error);
      }
      return id;
    },

    /** Retries from the stored original, or downloads again when the first download failed. */
    async retry(id: string): Promise<void> {
      const receipt = await repository.get(id);
      if (!receipt || receipt.status !== 'failed') return;
      try {
        if (!receipt.original) {
          await setStatus(id, { status: 'downloading', progress: { phase: 'downloading', loaded: 0, total: null }, error: null });
          const settings = await env.loadSettings();
          await download(receipt, { srcUrl: receipt.source.imageUrl, pageUrl: receipt.source.pageUrl, pageTitle: receipt.source.pageTitle, tabId: null, frameId: 0 }, settings);
        }
        await recognise(id);
      } catch (error) {
        await fail(id, error);
      }
    },

    /** After the service worker restarts nothing is running: a scan still marked in flight was cut off. */
    async failInterrupted(receipts: ReceiptRecord[]): Promise<void> {
      for (const receipt of receipts) {
        if (receipt.status !== 'done' && receipt.status !== 'failed') await fail(receipt.id, new ScanFailure(scanErrors.interrupted()));
      }
    },
  };
}

export type Scanner = ReturnType<typeof createScanner>;
