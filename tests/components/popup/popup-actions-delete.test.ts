import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { createPopupActions } from '../../../components/popup/popup-actions';
import type { ScanStatus } from '../../../utils/receipt';
import type { ReceiptLibrary, ReceiptSnapshot } from '../../../utils/storage/receipt-library';
import { makeReceipt } from '../receipt-fixtures';

const statuses: Record<string, ScanStatus> = { waiting: 'queued', fetching: 'downloading', reading: 'reading', done: 'done', failed: 'failed' };
const snapshotOf = (id: string): ReceiptSnapshot => ({ receipt: makeReceipt({ id, status: statuses[id] ?? 'done' }), original: null, ocrPage: null });

let sent: unknown[];
let putBack: string[];

beforeEach(() => {
  fakeBrowser.reset();
  sent = [];
  putBack = [];
  fakeBrowser.runtime.onMessage.addListener((message: unknown) => void sent.push(message));
});

const library = {
  takeOut: async (id: string) => (id === 'gone' ? undefined : snapshotOf(id)),
  putBack: async (snapshot: ReceiptSnapshot) => (putBack.push(snapshot.receipt.id), true),
} as unknown as ReceiptLibrary;

describe('deleting and restoring from the popup tells the queue about scans in flight', () => {
  it.each([
    [['fetching'], ['fetching']],
    [['waiting', 'done', 'reading', 'failed', 'gone'], ['waiting', 'reading']],
  ])('deleting %o stops the scans of %o', async (ids, stopped) => {
    await createPopupActions(library).takeOut(ids);
    await expect.poll(() => sent).toEqual([{ type: 'scans-deleted', receiptIds: stopped }]);
  });

  it('says nothing when no deleted receipt was being scanned', async () => {
    await createPopupActions(library).takeOut(['done', 'failed']);
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(sent).toEqual([]);
  });

  it('Undo puts every receipt back, then asks the queue to run the ones deleted mid-scan', async () => {
    await createPopupActions(library).putBack(['done', 'fetching', 'waiting'].map(snapshotOf));
    expect(putBack).toEqual(['done', 'fetching', 'waiting']);
    await expect.poll(() => sent).toEqual([{ type: 'scans-restored', receiptIds: ['fetching', 'waiting'] }]);
  });
});
