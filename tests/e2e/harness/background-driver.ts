import type { Worker } from 'playwright-core';
import type { ReceiptRecord, ScanStatus } from '../../../utils/receipt';
import type { Settings } from '../../../utils/settings';

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
  storage: { local: { get(key: string): Promise<Record<string, unknown>>; set(items: object): Promise<void>; clear(): Promise<void> } };
  tabs: { query(query: object): Promise<WorkerTab[]> };
  contextMenus: { onClicked: { dispatch(info: object, tab: WorkerTab): void } };
  downloads: { search(query: object): Promise<DownloadItem[]>; erase(query: object): Promise<number[]> };
}
// Only ever evaluated inside the service worker, where `chrome` exists.
declare const chrome: WorkerChrome;

/** A Blob is not serialisable across the CDP boundary; the receipt's thumbnail comes back as its size and type. */
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

  const readReceipts = (): Promise<StoredReceipt[]> =>
    withWorker((worker) => worker.evaluate(async () => {
      // Opening a database that does not exist yet would create it without stores and break the extension's upgrade.
      const names = (await indexedDB.databases()).map((info) => info.name);
      if (!names.includes('receipt-scanner')) return [];
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const request = indexedDB.open('receipt-scanner');
        request.onsuccess = () => resolve(request.result);
        request.onerror = () => reject(request.error);
      });
      try {
        if (!db.objectStoreNames.contains('receipts')) return [];
        const all = await new Promise<unknown[]>((resolve, reject) => {
          const request = db.transaction('receipts').objectStore('receipts').getAll();
          request.onsuccess = () => resolve(request.result as unknown[]);
          request.onerror = () => reject(request.error);
        });
        const summarise = (value: unknown): unknown => {
          if (value instanceof Blob) return { size: value.size, type: value.type };
          if (Array.isArray(value)) return value.map(summarise);
          if (value !== null && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, summarise(v)]));
          return value;
        };
        return all.map(summarise) as never[];
      } finally {
        db.close();
      }
    }));

  const readOriginals = (): Promise<StoredOriginal[]> =>
    withWorker((worker) => worker.evaluate(async () => {
      const names = (await indexedDB.databases()).map((info) => info.name);
      if (!names.includes('receipt-scanner')) return [];
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const request = indexedDB.open('receipt-scanner');
        request.onsuccess = () => resolve(request.result);
        request.onerror = () => reject(request.error);
      });
      try {
        if (!db.objectStoreNames.contains('originals')) return [];
        const all = await new Promise<{ id: string; blob: Blob }[]>((resolve, reject) => {
          const request = db.transaction('originals').objectStore('originals').getAll();
          request.onsuccess = () => resolve(request.result as { id: string; blob: Blob }[]);
          request.onerror = () => reject(request.error);
        });
        const toBase64 = async (blob: Blob) => {
          const bytes = new Uint8Array(await blob.arrayBuffer());
          let text = '';
          for (let i = 0; i < bytes.length; i += 0x8000) text += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
          return btoa(text);
        };
        return Promise.all(all.map(async (original) => ({ id: original.id, type: original.blob.type, base64: await toBase64(original.blob) })));
      } finally {
        db.close();
      }
    })).then((originals) => originals.map(({ id, type, base64 }) => ({ id, type, bytes: Buffer.from(base64, 'base64') })));

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
    readReceipt,
    readOriginals,
    async readOriginal(id: string): Promise<StoredOriginal | undefined> {
      return (await readOriginals()).find((original) => original.id === id);
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
        const names = (await indexedDB.databases()).map((info) => info.name);
        if (!names.includes('receipt-scanner')) return;
        const db = await new Promise<IDBDatabase>((resolve, reject) => {
          const request = indexedDB.open('receipt-scanner');
          request.onsuccess = () => resolve(request.result);
          request.onerror = () => reject(request.error);
        });
        // Every store, whatever the schema version adds (summaries, OCR pages, ...).
        const stores = Array.from(db.objectStoreNames);
        if (stores.length > 0) {
          const transaction = db.transaction(stores, 'readwrite');
          for (const name of stores) transaction.objectStore(name).clear();
          await new Promise<void>((resolve, reject) => {
            transaction.oncomplete = () => resolve();
            transaction.onerror = () => reject(transaction.error);
          });
        }
        db.close();
      }));
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
