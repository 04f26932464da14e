import type { IDBPTransaction } from 'idb';
import type { ReceiptDb, ReceiptDbSchema } from './receipt-db';
import type { OcrPage, OriginalInfo, ReceiptRecord, ReceiptSource, ScanJob, ScanStatus } from '../receipt';
import { summariseReceipt } from './receipt-summary';
import { ScanFailure, scanErrors } from '../scan-error';

export interface NewReceipt {
  id: string;
  source: ReceiptSource;
  capturedAt: number;
  job: ScanJob | null;
  /** 'downloading' for an image read at the click: the queue must not start it before its original is kept. */
  status?: 'queued' | 'downloading';
}

/** What storing an original did: stored it, or found the same bytes already kept by another receipt. */
export type StoredOriginalOutcome = { kind: 'stored'; receipt: ReceiptRecord } | { kind: 'duplicate'; existing: ReceiptRecord };

export type ReceiptWrite = IDBPTransaction<ReceiptDbSchema, ('receipts' | 'summaries' | 'originals' | 'ocr-pages')[], 'readwrite'>;

function isQuotaError(error: unknown): boolean {
  return error instanceof DOMException && (error.name === 'QuotaExceededError' || error.name === 'UnknownError');
}

/** Runs a write, turning the browser's refusal to store more into a failure the user can act on. */
export async function write<T>(run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    if (isQuotaError(error)) throw new ScanFailure(scanErrors.storageFull());
    throw error;
  }
}

/** The one way a receipt is written: its summary goes with it, in the same transaction. */
export async function putReceipt(tx: ReceiptWrite, receipt: ReceiptRecord): Promise<void> {
  await Promise.all([tx.objectStore('receipts').put(receipt), tx.objectStore('summaries').put(summariseReceipt(receipt))]);
}

export const ALL_STORES = ['receipts', 'summaries', 'originals', 'ocr-pages'] as const;

/** What scanning needs: create a receipt, store its original and reading, and find receipts by status, batch or image. */
export function createReceiptRepository(dbPromise: Promise<ReceiptDb>, now: () => number = Date.now) {
  /** Reads, changes and writes one receipt atomically; `also` may write more in the same transaction. */
  async function change(
    id: string,
    edit: (receipt: ReceiptRecord) => ReceiptRecord,
    also?: (tx: ReceiptWrite) => Promise<unknown>,
  ): Promise<ReceiptRecord | undefined> {
    const db = await dbPromise;
    return write(async () => {
      const tx: ReceiptWrite = db.transaction([...ALL_STORES], 'readwrite');
      const current = await tx.objectStore('receipts').get(id);
      if (!current) {
        await tx.done;
        return undefined;
      }
      const next = { ...edit(current), updatedAt: now() };
      await Promise.all([putReceipt(tx, next), also?.(tx)]);
      await tx.done;
      return next;
    });
  }

  return {
    async create(receipt: NewReceipt): Promise<ReceiptRecord> {
      const record: ReceiptRecord = {
        id: receipt.id,
        status: receipt.status ?? 'queued',
        progress: null,
        error: null,
        capturedAt: receipt.capturedAt,
        updatedAt: now(),
        source: receipt.source,
        original: null,
        thumbnail: null,
        ocr: null,
        fields: null,
        edited: [],
        receiptDate: '',
        job: receipt.job,
      };
      const db = await dbPromise;
      await write(async () => {
        const tx: ReceiptWrite = db.transaction([...ALL_STORES], 'readwrite');
        await tx.objectStore('receipts').add(record);
        await tx.objectStore('summaries').put(summariseReceipt(record));
        await tx.done;
      });
      return record;
    },

    async get(id: string): Promise<ReceiptRecord | undefined> {
      return (await dbPromise).get('receipts', id);
    },

    update: (id: string, edit: (receipt: ReceiptRecord) => ReceiptRecord) => change(id, edit),

    /**
     * Stores the original and its description in one transaction, unless another receipt already keeps the same bytes:
     * then nothing is written and that receipt is returned. Check and write share the transaction, so two scans of one
     * image at the same moment keep it once.
     */
    async storeOriginal(id: string, blob: Blob, info: OriginalInfo, thumbnail: Blob | null): Promise<StoredOriginalOutcome> {
      const db = await dbPromise;
      return write(async () => {
        const tx: ReceiptWrite = db.transaction([...ALL_STORES], 'readwrite');
        const receipts = tx.objectStore('receipts');
        const [current, sameBytes] = await Promise.all([receipts.get(id), receipts.index('by-sha256').getAll(info.sha256)]);
        const existing = sameBytes.find((receipt) => receipt.id !== id);
        if (!current || existing) {
          await tx.done;
          if (existing) return { kind: 'duplicate', existing };
          throw new Error(`Receipt ${id} was deleted while it was being scanned.`);
        }
        const receipt: ReceiptRecord = { ...current, original: info, thumbnail, updatedAt: now() };
        await Promise.all([putReceipt(tx, receipt), tx.objectStore('originals').put({ id, blob }), tx.done]);
        return { kind: 'stored', receipt };
      });
    },

    /** Keeps the word boxes apart: the receipt keeps the text, the full page is read only to parse again. */
    async saveReading(id: string, page: OcrPage, edit: (receipt: ReceiptRecord) => ReceiptRecord): Promise<ReceiptRecord | undefined> {
      return change(
        id,
        (receipt) => edit({ ...receipt, ocr: { ...page, lines: [] } }),
        (tx) => tx.objectStore('ocr-pages').put({ id, page }),
      );
    },

    async getOcrPage(id: string): Promise<OcrPage | undefined> {
      return (await (await dbPromise).get('ocr-pages', id))?.page;
    },

    async getOriginal(id: string): Promise<Blob | undefined> {
      return (await (await dbPromise).get('originals', id))?.blob;
    },

    async listByStatus(...statuses: ScanStatus[]): Promise<ReceiptRecord[]> {
      const db = await dbPromise;
      const lists = await Promise.all(statuses.map((status) => db.getAllFromIndex('receipts', 'by-status', status)));
      return lists.flat();
    },

    /** The receipts of one "scan all images" batch. */
    async listBatch(batchId: string): Promise<ReceiptRecord[]> {
      return (await dbPromise).getAllFromIndex('receipts', 'by-batch', batchId);
    },

    async findBySha256(sha256: string): Promise<ReceiptRecord[]> {
      return (await dbPromise).getAllFromIndex('receipts', 'by-sha256', sha256);
    },

    async delete(id: string): Promise<void> {
      const db = await dbPromise;
      const tx = db.transaction([...ALL_STORES], 'readwrite');
      await Promise.all([...ALL_STORES.map((store) => tx.objectStore(store).delete(id)), tx.done]);
    },
  };
}

export type ReceiptRepository = ReturnType<typeof createReceiptRepository>;
