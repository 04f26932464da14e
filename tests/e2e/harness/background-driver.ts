import type { Worker } from 'playwright-core';
import type { OcrPage, ReceiptRecord, ScanStatus } from '../../../utils/receipt';
import type { Settings } from '../../../utils/settings';
import { inExtensionDatabase, isBlobCopy } from './worker-database';

/** The slice of the extension APIs these helpers call inside the service worker. */
interface WorkerTab {
  id?: number;
  url?: string;
}
interface DownloadItem {
  id: number;
  filename: string;
  state: string;
  mime: string;
  fileSize: number;
  error?: string;
}
interface WorkerChrome {
  storage: { local: { get(key: string): Promise<Record<string, unknown>>; set(items: object): Promise<void>; remove(key: string): Promise<void>; clear(): Promise<void> } };
  tabs: { query(query: object): Promise<WorkerTab[]> };
  contextMenus: { onClicked: { dispatch(info: object, tab: WorkerTab): void } };
  downloads: { search(query: object): Promise<DownloadItem[]>; erase(query: object): Promise<number[]> };
}
// Only ever evaluated inside the service worker, where `chrome` exists.
declare const chrome: WorkerChrome;

/** The receipt's thumbnail comes back as its size and type. */
export interface BlobSummary {
  size: number;
  type: string;
}
export type StoredReceipt = Omit<ReceiptRecord, 'thumbnail'> & { thumbnail: BlobSummary | null };

export interface StoredOriginal {
  id: string;
  type: string;
  bytes: Buffer;
}

export interface CompletedDownload {
  filename: string;
  mime: string;
  fileSize: number;
}

export const SCAN_MENU_ID = 'scan-receipt';
const TERMINAL: readonly ScanStatus[] = ['done', 'failed'];

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** Drives the real background service worker: settings, the context-menu listener, and the IndexedDB records. */
export function createBackgroundDriver(getWorker: () => Promise<Worker>) {
  // Chrome may stop and restart the worker between calls; one retry on a fresh handle covers it.
  async function withWorker<R>(run: (worker: Worker) => Promise<R>): Promise<R> {
    try {
      return await run(await getWorker());
    } catch (error) {
      if (!/Target (page, context or browser )?(has been )?closed|Execution context was destroyed/i.test(String(error))) throw error;
      return run(await getWorker());
    }
  }

  const readReceipts = async (): Promise<StoredReceipt[]> =>
    (await withWorker((worker) => inExtensionDatabase(worker, { kind: 'read-all', store: 'receipts' }))).map((record) => {
      const receipt = record as Omit<StoredReceipt, 'thumbnail'> & { thumbnail: unknown };
      const thumbnail = isBlobCopy(receipt.thumbnail) ? { size: receipt.thumbnail.size, type: receipt.thumbnail.blobType } : null;
      return { ...receipt, thumbnail };
    });

  const readOriginals = async (): Promise<StoredOriginal[]> =>
    (await withWorker((worker) => inExtensionDatabase(worker, { kind: 'read-all', store: 'originals' }))).map((record) => {
      const { id, blob } = record as { id: string; blob: unknown };
      if (!isBlobCopy(blob)) throw new Error(`The original of ${id} is not a Blob`);
      return { id, type: blob.blobType, bytes: Buffer.from(blob.base64, 'base64') };
    });

  /** The receipts' statuses from their small summaries: a cheap poll while many scans run (no images copied over). */
  const readStatuses = async (): Promise<ScanStatus[]> =>
    (await withWorker((worker) => inExtensionDatabase(worker, { kind: 'read-all', store: 'summaries' }))).map((summary) => (summary as { status: ScanStatus }).status);

  async function readReceipt(id: string): Promise<StoredReceipt | undefined> {
    return (await readReceipts()).find((receipt) => receipt.id === id);
  }

  /** Waits until the stored receipt passes `check` and returns it. */
  async function waitForReceiptMatching(id: string, check: (receipt: StoredReceipt) => boolean, what: string, timeoutMs = 30_000): Promise<StoredReceipt> {
    const deadline = Date.now() + timeoutMs;
    let last: StoredReceipt | undefined;
    while (Date.now() < deadline) {
      last = await readReceipt(id);
      if (last && check(last)) return last;
      await sleep(100);
    }
    const seen = last ? JSON.stringify({ status: last.status, progress: last.progress, error: last.error }) : 'no such receipt (deleted?)';
    throw new Error(`Receipt ${id} did not become ${what} within ${timeoutMs} ms; last seen: ${seen}`);
  }

  /** Waits until the receipt reaches one of `statuses` (by default done or failed) and returns it. */
  const waitForReceipt = (id: string, statuses: readonly ScanStatus[] = TERMINAL, timeoutMs = 30_000): Promise<StoredReceipt> =>
    waitForReceiptMatching(id, (receipt) => statuses.includes(receipt.status), statuses.join('|'), timeoutMs);

  /** Waits until the scan has failed for now: failed for good, or queued to try again with its error kept. */
  const waitForScanError = (id: string, timeoutMs = 30_000): Promise<StoredReceipt> =>
    waitForReceiptMatching(id, (receipt) => receipt.error !== null && (receipt.status === 'failed' || receipt.status === 'queued'), 'failed', timeoutMs);

  /**
   * Clicks "Scan receipt" on an image the way Chrome does: runs the registered contextMenus.onClicked listeners
   * with the menu info and the real tab. Returns the id of the receipt the scan created.
   */
  async function scanImage(srcUrl: string, pageUrl: string, timeoutMs = 10_000): Promise<string> {
    const before = new Set((await readReceipts()).map((receipt) => receipt.id));
    await withWorker((worker) => worker.evaluate(
      async ({ menuItemId, srcUrl, pageUrl }) => {
        const tab = (await chrome.tabs.query({})).find((candidate) => candidate.url === pageUrl);
        if (!tab) throw new Error(`No tab shows ${pageUrl}`);
        chrome.contextMenus.onClicked.dispatch({ menuItemId, srcUrl, pageUrl, frameId: 0, mediaType: 'image', editable: false }, tab);
      },
      { menuItemId: SCAN_MENU_ID, srcUrl, pageUrl },
    ));
    const deadline = Date.now() + timeoutMs;
    while (Date.now() < deadline) {
      const created = (await readReceipts()).filter((receipt) => !before.has(receipt.id));
      const mine = created.find((receipt) => receipt.source.imageUrl === srcUrl) ?? (created.length === 1 ? created[0] : undefined);
      if (mine) return mine.id;
      await sleep(50);
    }
    throw new Error(`Scanning ${srcUrl.slice(0, 80)} created no receipt within ${timeoutMs} ms`);
  }

  return {
    readReceipts,
    readStatuses,
    readReceipt,
    readOriginals,
    async readOriginal(id: string): Promise<StoredOriginal | undefined> {
      return (await readOriginals()).find((original) => original.id === id);
    },
    /** The OCR reading kept for a receipt (its words and boxes), as the extension stored it. */
    async readOcrPage(id: string): Promise<OcrPage | undefined> {
      const records = await withWorker((worker) => inExtensionDatabase(worker, { kind: 'read-all', store: 'ocr-pages' }));
      return (records as { id: string; page: OcrPage }[]).find((record) => record.id === id)?.page;
    },
    waitForReceipt,
    waitForReceiptMatching,
    waitForScanError,
    scanImage,

    async setSettings(settings: Partial<Settings>): Promise<void> {
      await withWorker((worker) => worker.evaluate((value) => chrome.storage.local.set({ settings: value }), settings));
    },
    async readSettings(): Promise<Partial<Settings> | undefined> {
      return withWorker((worker) => worker.evaluate(async () => (await chrome.storage.local.get('settings')).settings as Partial<Settings> | undefined));
    },

    /** Lets in-flight scans end, then empties the database, extension storage (settings, learnt streaming support) and the download history. */
    async resetState(): Promise<void> {
      const deadline = Date.now() + 15_000;
      while (Date.now() < deadline && (await readReceipts()).some((receipt) => !TERMINAL.includes(receipt.status))) await sleep(100);
      await withWorker((worker) => worker.evaluate(async () => {
        await chrome.storage.local.clear();
        await chrome.downloads.erase({});
      }));
      await withWorker((worker) => inExtensionDatabase(worker, { kind: 'clear-every-store' }));
    },

    /** Forgets finished downloads, so the next waitForDownload sees only the next one. */
    async eraseDownloads(): Promise<void> {
      await withWorker((worker) => worker.evaluate(() => chrome.downloads.erase({})));
    },

    /** As if the welcome page had never been opened: scans wait for it. */
    async forgetWelcome(): Promise<void> {
      await withWorker((worker) => worker.evaluate(() => chrome.storage.local.remove('welcomeSeenAt')));
    },

    /** Records that the welcome page was seen, as opening it does: until then no scan starts. */
    async markWelcomeSeen(): Promise<void> {
      await withWorker((worker) => worker.evaluate(() => chrome.storage.local.set({ welcomeSeenAt: Date.now() })));
    },

    /** Waits for the next completed download and says where Chrome wrote it. */
    async waitForDownload(timeoutMs = 15_000): Promise<CompletedDownload> {
      const deadline = Date.now() + timeoutMs;
      let seen: DownloadItem[] = [];
      while (Date.now() < deadline) {
        seen = await withWorker((worker) => worker.evaluate(() => chrome.downloads.search({})));
        const complete = seen.find((item) => item.state === 'complete');
        if (complete) return { filename: complete.filename, mime: complete.mime, fileSize: complete.fileSize };
        const interrupted = seen.find((item) => item.state === 'interrupted');
        if (interrupted) throw new Error(`The download was interrupted: ${interrupted.error ?? 'no reason given'}`);
        await sleep(100);
      }
      throw new Error(`No download completed within ${timeoutMs} ms; seen: ${JSON.stringify(seen)}`);
    },
  };
}

export type BackgroundDriver = ReturnType<typeof createBackgroundDriver>;
