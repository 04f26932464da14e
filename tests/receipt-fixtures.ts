import type { ParsedReceipt, ReceiptRecord } from '../utils/receipt';

const certain = { merchant: 1, date: 1, time: 1, total: 1, currency: 1, subtotal: 1, tax: 1, tip: 1 };

export function makeFields(fields: Partial<ParsedReceipt> = {}): ParsedReceipt {
  return { merchant: null, date: null, time: null, total: null, currency: null, subtotal: null, tax: null, tip: null, items: [], confidence: certain, ...fields };
}

/** A finished receipt with every field the record has, to export and import. */
export function makeReceipt(receipt: Partial<ReceiptRecord> = {}): ReceiptRecord {
  return {
    id: 'r1',
    status: 'done',
    progress: null,
    error: null,
    capturedAt: Date.UTC(2024, 2, 5, 14, 7, 9),
    updatedAt: Date.UTC(2024, 2, 5, 14, 8, 0),
    source: { imageUrl: 'https://shop.example/r1.jpg', pageUrl: 'https://shop.example/orders', pageTitle: 'Orders' },
    original: null,
    thumbnail: null,
    ocr: null,
    fields: null,
    edited: [],
    receiptDate: '',
    job: null,
    ...receipt,
  };
}
