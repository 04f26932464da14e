import type { ReceiptDb } from './receipt-db';
import { emptyParsedReceipt, type FieldName, type OcrPage, type ReceiptRecord } from '../receipt';
import { ALL_STORES, createReceiptRepository, putReceipt, write, type ReceiptWrite } from './receipt-repository';
import type { ReceiptSummary } from './receipt-summary';

/** Everything stored for one receipt, taken out by a delete so that Undo can put it back. */
export interface ReceiptSnapshot {
  receipt: ReceiptRecord;
  original: Blob | null;
  ocrPage: OcrPage | null;
}

/** The order a page is read in: newest scan first, or newest receipt date first (undated last). */
export type ListOrder = 'captured' | 'date';

/** Where a page ended: the last receipt's key in the page's order (capture time or receipt date) and its id. */
export interface PageAnchor {
  key: number | string;
  id: string;
}

export interface ReceiptPage {
  receipts: ReceiptRecord[];
  /** Pass as `before` to read the next (older) page; null at the end. */
  next: PageAnchor | null;
}

/**
 * The receipts as the user reviews them (the popup and the options page): the scanning repository,
 * plus paging, search summaries, corrections, delete with Undo and restore. The service worker never loads this.
 */
export function createReceiptLibrary(dbPromise: Promise<ReceiptDb>, now: () => number = Date.now) {
  const repository = createReceiptRepository(dbPromise, now);

  return {
    ...repository,

    async getMany(ids: string[]): Promise<ReceiptRecord[]> {
      const tx = (await dbPromise).transaction('receipts');
      const receipts = await Promise.all(ids.map((id) => tx.store.get(id)));
      return receipts.filter((receipt): receipt is ReceiptRecord => receipt !== undefined);
    },

    /** Newest first, one cursor page at a time, so the list never loads every receipt. */
    async listNewest(limit: number, before?: PageAnchor, order: ListOrder = 'captured'): Promise<ReceiptPage> {
      const db = await dbPromise;
      const keyOf = (receipt: ReceiptRecord): number | string => (order === 'date' ? receipt.receiptDate : receipt.capturedAt);
      const range = before ? IDBKeyRange.upperBound(before.key) : undefined;
      const receipts: ReceiptRecord[] = [];
      // An undated receipt's key is '', below every date: read backwards, it comes last.
      let cursor = await db.transaction('receipts').store.index(order === 'date' ? 'by-date' : 'by-captured').openCursor(range, 'prev');
      while (cursor && receipts.length < limit) {
        const receipt = cursor.value;
        // Equal keys are ordered by id, descending: skip the anchor and what came before it.
        const seen = before !== undefined && keyOf(receipt) === before.key && receipt.id >= before.id;
        if (!seen) receipts.push(receipt);
        cursor = await cursor.continue();
      }
      const last = receipts.at(-1);
      return { receipts, next: cursor && last ? { key: keyOf(last), id: last.id } : null };
    },

    /** Every receipt's summary, newest first: small enough to search and total thousands in memory. */
    async listSummaries(): Promise<ReceiptSummary[]> {
      return (await (await dbPromise).getAllFromIndex('summaries', 'by-captured')).reverse();
    },

    /**
     * Saves fields as the user entered them. A failed scan completed by hand ends done, its error and job gone:
     * what the user typed is the receipt now (a later re-scan keeps it, see keepCorrections).
     */
    async saveCorrections(id: string, corrections: Partial<Record<FieldName, string | null>>): Promise<ReceiptRecord | undefined> {
      return repository.update(id, (receipt) => {
        const base = receipt.fields ?? emptyParsedReceipt();
        const names = Object.keys(corrections) as FieldName[];
        const confidence = { ...base.confidence };
        for (const name of names) confidence[name] = 1;
        const fields = { ...base, ...corrections, confidence };
        const edited = [...new Set([...receipt.edited, ...names])];
        const completed = receipt.status === 'failed' ? { status: 'done' as const, error: null, progress: null, job: null } : {};
        return { ...receipt, ...completed, fields, edited, receiptDate: fields.date ?? '' };
      });
    },

    /** The user's category and note; '' clears one. */
    async saveAnnotations(id: string, annotations: { category?: string; note?: string }): Promise<ReceiptRecord | undefined> {
      return repository.update(id, (receipt) => ({ ...receipt, ...annotations }));
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

export type ReceiptLibrary = ReturnType<typeof createReceiptLibrary>;
