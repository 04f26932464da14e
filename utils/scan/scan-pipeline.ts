import type { CanvasEnv } from '../image/downscale';
import { fetchOriginal } from '../capture/fetch-original';
import { addressToStore, isCutAddress, isTooLongToDownload, MAX_IMAGE_ADDRESS } from '../capture/image-address';
import { keepOriginal, type KeptOriginal } from './keep-original';
import type { OcrRequest } from '../ocr/ocr-space-client';
import type { ScanEvent, ScanTarget } from '../protocol';
import { readReceipt, type ReadOnDevice, type ReadPdf } from './read-receipt';
import type { OcrPage, ReceiptRecord } from '../receipt';
import type { ReceiptRepository } from '../storage/receipt-repository';
import { ScanFailure, scanErrors, toScanError, type ScanError } from '../scan-error';
import type { Settings } from '../settings';
import { createStatusReporter } from './status-reporter';
import { capturedSource } from '../receipt-format';

export interface ScanEnv {
  repository: ReceiptRepository;
  loadSettings: () => Promise<Settings>;
  fetch: typeof fetch;
  /** Reads a page's blob: URL inside that page, where it lives. */
  readBlobUrl: (target: ScanTarget, limitBytes: number) => Promise<Uint8Array>;
  recognise: (request: OcrRequest) => Promise<OcrPage>;
  /** Reads PDFs with pdf.js in a page of their own; absent where there is none (unit tests). */
  readPdf?: ReadPdf;
  /** Tesseract in a page of its own; absent where there is none (unit tests). */
  readOnDevice?: ReadOnDevice;
  /** Absent where no canvas exists (unit tests); then no thumbnail and no downscaling. */
  canvas: CanvasEnv | null;
  broadcast: (event: ScanEvent) => void;
  newId: () => string;
  now: () => number;
  locale: string;
}

interface DownloadedImage {
  bytes: Uint8Array;
  whole: boolean;
}

/** How a processed scan ended when it did not fail. */
export type ScanOutcome = { kind: 'done'; receipt: ReceiptRecord } | { kind: 'duplicate'; existing: ReceiptRecord };

/** Images that exist only in the page (blob:), only in the click (data:), in a capture (an area) or in a file handed over are read at once. */
export function isReadAtCapture(srcUrl: string): boolean {
  return srcUrl.startsWith('blob:') || srcUrl.startsWith('data:') || capturedSource(srcUrl) !== undefined;
}

const DOWNLOADING = { status: 'downloading', progress: { phase: 'downloading', loaded: 0, total: null }, error: null } as const;
/** Stored with the original, in its write: the upload follows at once. */
const UPLOADING = { status: 'uploading', progress: { phase: 'uploading', loaded: 0, total: null }, error: null } as const;

export function createScanner(env: ScanEnv) {
  const { repository } = env;
  const status = createStatusReporter(env);

  /** The bytes, and whether they are all the source has: a page's blob, a data: address, or a body as long as announced. */
  async function readImage(id: string, target: ScanTarget, settings: Settings, signal?: AbortSignal): Promise<DownloadedImage> {
    const report = status.progress(id);
    const onProgress = (loaded: number, total: number | null) => report({ phase: 'downloading', loaded, total });
    if (target.srcUrl.startsWith('blob:')) return { bytes: await env.readBlobUrl(target, settings.downloadLimitBytes), whole: true };
    let declared: number | null = null;
    const onDeclaredLength = (length: number | null) => void (declared = length);
    const bytes = await fetchOriginal({
      url: target.srcUrl,
      fetch: env.fetch,
      limitBytes: settings.downloadLimitBytes,
      deadlineMs: settings.downloadDeadlineSeconds * 1000,
      onProgress,
      onDeclaredLength,
      signal,
    });
    return { bytes, whole: target.srcUrl.startsWith('data:') || declared === bytes.length };
  }

  async function dropAsDuplicate(id: string, existing: ReceiptRecord): Promise<ScanOutcome> {
    await repository.delete(id);
    env.broadcast({ type: 'receipt-duplicate', receiptId: id, existingId: existing.id });
    return { kind: 'duplicate', existing };
  }

  async function markFailed(id: string, error: ScanError): Promise<void> {
    await status.set(id, { status: 'failed', progress: null, error }).catch(() => undefined);
  }

  const scanner = {
    /**
     * Creates the queued receipt at once. Images that live only in the page or the click are read and
     * stored now; a failure there leaves the receipt failed, with nothing stored. `captured` are bytes already in
     * hand (a selected area of a page, a file from disk): they are the original.
     */
    async capture(target: ScanTarget, batchId: string | null = null, captured?: Uint8Array): Promise<ReceiptRecord> {
      const id = env.newId();
      const job = { srcUrl: addressToStore(target.srcUrl), tabId: target.tabId, frameId: target.frameId, attempts: 0, notBefore: 0, batchId };
      const readNow = captured !== undefined || isReadAtCapture(target.srcUrl);
      const source = { imageUrl: addressToStore(target.srcUrl), pageUrl: target.pageUrl, pageTitle: target.pageTitle };
      // Read at the click: out of the queue from the start, so a pump meanwhile cannot start a receipt whose original is being kept.
      const receipt = await repository.create({ id, capturedAt: env.now(), job, source, status: readNow ? 'downloading' : 'queued' });
      status.changed(id);
      // Only the start of an address too long to download is kept: it is refused now, never requested.
      if (isTooLongToDownload(target.srcUrl)) {
        await markFailed(id, scanErrors.addressTooLong(MAX_IMAGE_ADDRESS));
        return (await repository.get(id)) ?? receipt;
      }
      if (!readNow) return receipt;
      try {
        await status.set(id, captured ? { ...DOWNLOADING, progress: { phase: 'downloading', loaded: captured.byteLength, total: captured.byteLength } } : DOWNLOADING);
        const settings = await env.loadSettings();
        if (captured && captured.byteLength > settings.downloadLimitBytes) throw new ScanFailure(scanErrors.tooLarge(captured.byteLength, settings.downloadLimitBytes));
        const image = captured ? { bytes: captured, whole: true } : await readImage(id, target, settings);
        const kept = await keepOriginal(env, id, image.bytes, { whole: image.whole }, (current) => ({ ...current, status: 'queued', progress: null }));
        if (kept.kind === 'duplicate') await dropAsDuplicate(id, kept.existing);
        else {
          // The queue reads it later, from the database.
          kept.bitmap?.close();
          status.changed(id);
        }
      } catch (error) {
        await markFailed(id, toScanError(error));
      }
      return (await repository.get(id)) ?? receipt;
    },

    /**
     * Downloads (when not stored yet), uploads and reads one receipt. Throws ScanFailure; the caller decides what a failure means.
     * The signal stops it (Cancel, delete): the download or the OCR request in progress is aborted at once.
     * `onAnswered` is told when the OCR service has answered, before the reading is stored.
     */
    async process(id: string, signal?: AbortSignal, onAnswered?: () => void): Promise<ScanOutcome> {
      // One write reads the receipt and, when its image is still to download, marks it downloading.
      const [receipt, settings] = await Promise.all([repository.update(id, (current) => (current.original ? current : { ...current, ...DOWNLOADING })), env.loadSettings()]);
      if (!receipt) throw new ScanFailure(scanErrors.originalMissing());
      let kept: KeptOriginal | undefined;
      if (!receipt.original) {
        status.changed(id);
        const srcUrl = receipt.job?.srcUrl ?? receipt.source.imageUrl;
        const captured = capturedSource(srcUrl);
        if (captured !== undefined) throw new ScanFailure(scanErrors.notKept(captured));
        if (isReadAtCapture(srcUrl)) throw new ScanFailure(scanErrors.blobGone());
        if (isCutAddress(srcUrl)) throw new ScanFailure(scanErrors.addressTooLong(MAX_IMAGE_ADDRESS));
        const target = { srcUrl, pageUrl: receipt.source.pageUrl, pageTitle: receipt.source.pageTitle, tabId: receipt.job?.tabId ?? null, frameId: receipt.job?.frameId ?? 0 };
        const image = await readImage(id, target, settings, signal);
        signal?.throwIfAborted();
        const outcome = await keepOriginal(env, id, image.bytes, { whole: image.whole }, (current) => ({ ...current, ...UPLOADING }));
        if (outcome.kind === 'duplicate') return dropAsDuplicate(id, outcome.existing);
        kept = outcome;
        status.changed(id);
      }
      // The original just stored goes up as it is in memory, its pixels decoded once; nothing is read back.
      return { kind: 'done', receipt: await readReceipt({ ...env, status }, id, settings, { signal, kept, onAnswered }) };
    },

    markFailed,

    /** Back in the queue (a retry, a backoff, a restart), with the popup told. */
    async requeue(id: string, change: Partial<ReceiptRecord> = {}): Promise<void> {
      await status.set(id, { status: 'queued', progress: null, ...change });
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
