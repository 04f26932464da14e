import type { ReceiptDb } from './receipt-db';
import type { FieldName, OriginalInfo, ReceiptRecord, ReceiptSource, ScanJob, ScanStatus } from './receipt';
import { ScanFailure, scanErrors } from './scan-error';

export interface NewReceipt {
  id: string;
  source: ReceiptSource;
  capturedAt: number;
  job: ScanJob | null;
}

export interface ReceiptPage {
  receipts: ReceiptRecord[];
  /** Pass as `before` to read the next (older) page; null at the end. */
  next: { capturedAt: number; id: string } | null;
}

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

export function createReceiptRepository(dbPromise: Promise<ReceiptDb>, now: () => number = Date.now) {
  async function update(id: string, change: (receipt: ReceiptRecord) => ReceiptRecord): Promise<ReceiptRecord | undefined> {
    const db = await dbPromise;
    return write(async () => {
      const tx = db.transaction('receipts', 'readwrite');
      const current = await tx.store.get(id);
      if (!current) {
        await tx.done;
        return undefined;
      }
      const next = { ...change(current), updatedAt: now() };
      await tx.store.put(next);
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
      await write(() => db.add('receipts', record));
      return record;
    },

    async get(id: string): Promise<ReceiptRecord | undefined> {
      return (await dbPromise).get('receipts', id);
    },

    update,

    /** Stores the original and its description in one transaction: either both land or neither. */
    async storeOriginal(id: string, blob: Blob, info: OriginalInfo, thumbnail: Blob | null): Promise<ReceiptRecord> {
      const db = await dbPromise;
      return write(async () => {
        const tx = db.transaction(['receipts', 'originals'], 'readwrite');
        const receipts = tx.objectStore('receipts');
        const current = await receipts.get(id);
        if (!current) {
          await tx.done;
          throw new Error(`Receipt ${id} was deleted while it was being scanned.`);
        }
        const next: ReceiptRecord = { ...current, original: info, thumbnail, updatedAt: now() };
        await tx.objectStore('originals').put({ id, blob });
        await receipts.put(next);
        await tx.done;
        return next;
      });
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
      return update(id, (receipt) => {
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
      const tx = db.transaction(['receipts', 'originals'], 'readwrite');
      await Promise.all([tx.objectStore('receipts').delete(id), tx.objectStore('originals').delete(id), tx.done]);
    },
  };
}

export type ReceiptRepository = ReturnType<typeof createReceiptRepository>;
