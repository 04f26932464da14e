import { openDB, type DBSchema, type IDBPDatabase } from 'idb';
import type { OcrPage, ReceiptRecord } from '../receipt';
import { summariseReceipt, type ReceiptSummary } from './receipt-summary';

export const RECEIPT_DB_NAME = 'receipt-scanner';
export const RECEIPT_DB_VERSION = 4;

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
  /** Kept in step with receipts by the repository: what search, filters and totals read. */
  summaries: {
    key: string;
    value: ReceiptSummary;
    indexes: { 'by-captured': number };
  };
  /** The full OCR answer with its word boxes (tens of KB), read only to parse again. */
  'ocr-pages': {
    key: string;
    value: { id: string; page: OcrPage };
  };
}

export type ReceiptDb = IDBPDatabase<ReceiptDbSchema>;

/** Records from older versions may lack fields; one odd record must not block the upgrade. */
function summarisedOrNull(receipt: ReceiptRecord): ReceiptSummary | null {
  if (typeof receipt.capturedAt !== 'number' || typeof receipt.status !== 'string') return null;
  try {
    return summariseReceipt(receipt);
  } catch {
    return null;
  }
}

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
      if (oldVersion === 3) {
        // Summaries learnt the receipt's date and category, and file undated receipts under "No date": made anew.
        const summaries = transaction.objectStore('summaries');
        void summaries.clear().then(() => transaction.objectStore('receipts').getAll()).then((receipts) =>
          Promise.all(receipts.map((receipt) => summarisedOrNull(receipt)).map((summary) => summary && summaries.put(summary))),
        );
      }
      if (oldVersion < 3) {
        const summaries = db.createObjectStore('summaries', { keyPath: 'id' });
        summaries.createIndex('by-captured', 'capturedAt');
        db.createObjectStore('ocr-pages', { keyPath: 'id' });
        // Receipts stored before summaries existed get theirs now, in the upgrade's own transaction.
        void transaction
          .objectStore('receipts')
          .getAll()
          .then((receipts) => Promise.all(receipts.map((receipt) => summarisedOrNull(receipt)).map((summary) => summary && transaction.objectStore('summaries').put(summary))));
      }
    },
  });
}
