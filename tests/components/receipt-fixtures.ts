import type { ParsedReceipt, ReceiptRecord } from '../../utils/receipt';
import { makeReceipt as makeRecord } from '../receipt-fixtures';

export const parsedReceipt: ParsedReceipt = {
  merchant: 'Book Ta .K (Taman Daya) Sdn Bhd',
  date: '2018-12-25',
  time: '20:13',
  total: '9.00',
  currency: 'MYR',
  subtotal: '9.00',
  tax: null,
  tip: null,
  items: [{ description: 'KF Modelling Clay Kiddy Fish', quantity: 1, amount: '9.00' }],
  confidence: { merchant: 0.9, date: 0.95, time: 0.8, total: 0.95, currency: 0.9, subtotal: 0.7, tax: 0, tip: 0 },
};

/** A scanned receipt as the popup shows it: fields, OCR text and an original. */
export function makeReceipt(change: Partial<ReceiptRecord> = {}): ReceiptRecord {
  return makeRecord({
    capturedAt: Date.UTC(2024, 0, 2),
    updatedAt: Date.UTC(2024, 0, 2),
    source: { imageUrl: 'https://shop.example/r.jpg', pageUrl: 'https://shop.example/', pageTitle: 'My orders' },
    original: { sha256: 'ab'.repeat(32), mime: 'image/jpeg', extension: 'jpg', size: 1000 },
    ocr: { text: 'BOOK TA .K\r\nTOTAL:\t9.00', lines: [] },
    fields: parsedReceipt,
    receiptDate: '2018-12-25',
    ...change,
  });
}
