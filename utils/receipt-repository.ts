import type { IDBPTransaction } from 'idb';
import type { ReceiptDb, ReceiptDbSchema } from './receipt-db';
import type { FieldName, OcrPage, OriginalInfo, ReceiptRecord, ReceiptSource, ScanJob, ScanStatus } from './receipt';
import { summariseReceipt, type ReceiptSummary } from './receipt-summary';
import { ScanFailure, scanErrors } from './scan-error';

export interface NewReceipt {
  id: string;
  source: ReceiptSource;
  capturedAt: number;
  job: ScanJob | null;
}

/** Everything stored for one receipt, taken out by a delete so that Undo can put it back. */
export interface ReceiptSnapshot {
  receipt: ReceiptRecord;
  original: Blob | null;
  ocrPage: OcrPage | null;
}

export interface ReceiptPage {
  receipts: ReceiptRecord[];
  /** Pass as `before` to read the next (older) page; null at the end. */
  next: { capturedAt: number; id: string } | null;
}

type ReceiptWrite = IDBPTransaction<ReceiptDbSchema, ('receipts' | 'summaries' | 'originals' | 'ocr-pages')[], 'readwrite'>;

function isQuotaError(error: unknown): boolean {
  return error instanceof DOMException && (error.name === 'QuotaExceededError' || error.name === 'UnknownError');
}

/** Runs a write, turning the browser's refusal to store more into a failure the user can act on. */
async function write<T>(run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    if (isQuotaError(error)) throw new ScanFailure(scanErrors.storageFull());
    throw error;
  }
}

/** The one way a receipt is written: its summary goes with it, in the same transaction. */
async function putReceipt(tx: ReceiptWrite, receipt: ReceiptRecord): Promise<void> {
  await Promise.all([tx.objectStore('receipts').put(receipt), tx.objectStore('summaries').put(summariseReceipt(receipt))]);
}

const ALL_STORES = ['receipts', 'summaries', 'originals', 'ocr-pages'] as const;

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
        status: 'queued',
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

    async getMany(ids: string[]): Promise<ReceiptRecord[]> {
      const tx = (await dbPromise).transaction('receipts');
      const receipts = await Promise.all(ids.map((id) => tx.store.get(id)));
      return receipts.filter((receipt): receipt is ReceiptRecord => receipt !== undefined);
    },

    update: (id: string, edit: (receipt: ReceiptRecord) => ReceiptRecord) => change(id, edit),

    /** Stores the original and its description in one transaction: either both land or neither. */
    async storeOriginal(id: string, blob: Blob, info: OriginalInfo, thumbnail: Blob | null): Promise<ReceiptRecord> {
      const stored = await change(
        id,
        (receipt) => ({ ...receipt, original: info, thumbnail }),
        (tx) => tx.objectStore('originals').put({ id, blob }),
      );
      if (!stored) throw new Error(`Receipt ${id} was deleted while it was being scanned.`);
      return stored;
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

    /** Newest first, one cursor page at a time, so the list never loads every receipt. */
    async listNewest(limit: number, before?: { capturedAt: number; id: string }): Promise<ReceiptPage> {
      const db = await dbPromise;
      const range = before ? IDBKeyRange.upperBound(before.capturedAt) : undefined;
      const receipts: ReceiptRecord[] = [];
      let cursor = await db.transaction('receipts').store.index('by-captured').openCursor(range, 'prev');
      while (cursor && receipts.length < limit) {
        const receipt = cursor.value;
        // Equal times are ordered by id, descending: skip the anchor and what came before it.
        const seen = before !== undefined && receipt.capturedAt === before.capturedAt && receipt.id >= before.id;
        if (!seen) receipts.push(receipt);
        cursor = await cursor.continue();
      }
      const last = receipts.at(-1);
      return { receipts, next: cursor && last ? { capturedAt: last.capturedAt, id: last.id } : null };
    },

    /** Every receipt's summary, newest first: small enough to search and total thousands in memory. */
    async listSummaries(): Promise<ReceiptSummary[]> {
      return (await (await dbPromise).getAllFromIndex('summaries', 'by-captured')).reverse();
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

    async saveCorrections(id: string, corrections: Partial<Record<FieldName, string | null>>): Promise<ReceiptRecord | undefined> {
      return change(id, (receipt) => {
        if (!receipt.fields) return receipt;
        const names = Object.keys(corrections) as FieldName[];
        const confidence = { ...receipt.fields.confidence };
        for (const name of names) confidence[name] = 1;
        const fields = { ...receipt.fields, ...corrections, confidence };
        const edited = [...new Set([...receipt.edited, ...names])];
        return { ...receipt, fields, edited, receiptDate: fields.date ?? '' };
      });
    },

    async delete(id: string): Promise<void> {
      const db = await dbPromise;
      const tx = db.transaction([...ALL_STORES], 'readwrite');
      await Promise.all([...ALL_STORES.map((store) => tx.objectStore(store).delete(id)), tx.done]);
    },

    /** Deletes a receipt and returns all it had, in one transaction. */
    async takeOut(id: string): Promise<ReceiptSnapshot | undefined> {
      const db = await dbPromise;
      const tx: ReceiptWrite = db.transaction([...ALL_STORES], 'readwrite');
      const [receipt, original, ocrPage] = await Promise.all([tx.objectStore('receipts').get(id), tx.objectStore('originals').get(id), tx.objectStore('ocr-pages').get(id)]);
      await Promise.all(ALL_STORES.map((store) => tx.objectStore(store).delete(id)));
      await tx.done;
      return receipt && { receipt, original: original?.blob ?? null, ocrPage: ocrPage?.page ?? null };
    },

    /** Puts back what takeOut returned (Undo), or restores a receipt from a backup; an existing receipt is left alone. */
    async putBack(snapshot: ReceiptSnapshot): Promise<boolean> {
      const db = await dbPromise;
      const { receipt, original, ocrPage } = snapshot;
      return write(async () => {
        const tx: ReceiptWrite = db.transaction([...ALL_STORES], 'readwrite');
        if (await tx.objectStore('receipts').getKey(receipt.id)) {
          await tx.done;
          return false;
        }
        await Promise.all([
          putReceipt(tx, receipt),
          original && tx.objectStore('originals').put({ id: receipt.id, blob: original }),
          ocrPage && tx.objectStore('ocr-pages').put({ id: receipt.id, page: ocrPage }),
        ]);
        await tx.done;
        return true;
      });
    },
  };
}

export type ReceiptRepository = ReturnType<typeof createReceiptRepository>;
