import { openDB, type DBSchema, type IDBPDatabase } from 'idb';
import type { ReceiptRecord } from './receipt';

export const RECEIPT_DB_NAME = 'receipt-scanner';
export const RECEIPT_DB_VERSION = 2;

export interface StoredOriginal {
  id: string;
  blob: Blob;
}

export interface ReceiptDbSchema extends DBSchema {
  receipts: {
    key: string;
    value: ReceiptRecord;
    indexes: { 'by-captured': number; 'by-date': string; 'by-sha256': string; 'by-status': string; 'by-batch': string };
  };
  /** Kept apart from receipts so that listing never loads an image. */
  originals: {
    key: string;
    value: StoredOriginal;
  };
}

export type ReceiptDb = IDBPDatabase<ReceiptDbSchema>;

export function openReceiptDb(name = RECEIPT_DB_NAME): Promise<ReceiptDb> {
  return openDB<ReceiptDbSchema>(name, RECEIPT_DB_VERSION, {
    upgrade(db, oldVersion, _newVersion, transaction) {
      if (oldVersion < 1) {
        const receipts = db.createObjectStore('receipts', { keyPath: 'id' });
        receipts.createIndex('by-captured', 'capturedAt');
        receipts.createIndex('by-date', 'receiptDate');
        receipts.createIndex('by-sha256', 'original.sha256');
        db.createObjectStore('originals', { keyPath: 'id' });
      }
      if (oldVersion < 2) {
        // The queue finds its jobs by status, and a batch its receipts, without reading every receipt.
        const receipts = transaction.objectStore('receipts');
        receipts.createIndex('by-status', 'status');
        receipts.createIndex('by-batch', 'job.batchId');
      }
    },
  });
}
