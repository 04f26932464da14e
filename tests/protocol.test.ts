import { describe, expect, it } from 'vitest';
import { isExtensionMessage } from '../utils/protocol';

describe('isExtensionMessage', () => {
  it.each([
    [{ type: 'retry-scan', receiptId: 'r1' }, true],
    [{ type: 'receipt-changed', receiptId: 'r1' }, true],
    [{ type: 'receipt-progress', receiptId: 'r1', progress: { phase: 'reading' } }, true],
    [{ type: 'receipt-duplicate', receiptId: 'r2', existingId: 'r1' }, true],
    [{ type: 'receipt-duplicate', receiptId: 'r2' }, false],
    [{ type: 'scan-batch', targets: [{ srcUrl: 'https://shop.example/r.jpg', pageUrl: null, pageTitle: null, tabId: 4, frameId: 0 }] }, true],
    [{ type: 'scan-batch', targets: [{ srcUrl: '', tabId: 4, frameId: 0 }] }, false],
    [{ type: 'scan-batch', targets: 'all' }, false],
    [{ type: 'popup-opened' }, true],
    [{ type: 'cancel-scan', receiptId: 'r1' }, true],
    [{ type: 'cancel-scan' }, false],
    [{ type: 'cancel-scan', receiptId: '' }, false],
    [{ type: 'scans-deleted', receiptIds: ['r1', 'r2'] }, true],
    [{ type: 'scans-deleted', receiptIds: [] }, true],
    [{ type: 'scans-deleted', receiptIds: 'r1' }, false],
    [{ type: 'scans-deleted', receiptIds: ['r1', 7] }, false],
    [{ type: 'scans-deleted', receiptIds: Array.from({ length: 10_001 }, (_, n) => `r${n}`) }, false],
    [{ type: 'scans-restored', receiptIds: ['r1'] }, true],
    [{ type: 'scans-restored', receiptIds: [''] }, false],
    [{ type: 'scans-restored' }, false],
    [{ type: 'retry-scan' }, false],
    [{ type: 'delete-everything', receiptId: 'r1' }, false],
    [{ type: 'retry-scan', receiptId: 7 }, false],
    ['retry-scan', false],
    [null, false],
  ])('%o → %s', (message, expected) => {
    expect(isExtensionMessage(message)).toBe(expected);
  });

  it('accepts a page scan of an image whose address is 16 KB long', () => {
    const srcUrl = `https://cdn.example/r.jpg?sig=${'s'.repeat(16 * 1024)}`;
    expect(isExtensionMessage({ type: 'scan-batch', targets: [{ srcUrl, pageUrl: null, pageTitle: null, tabId: 4, frameId: 0 }] })).toBe(true);
  });
});
