import { describe, expect, it } from 'vitest';
import type { ScanEvent } from '../../utils/protocol';
import type { ReceiptRecord } from '../../utils/receipt';
import { createStatusReporter } from '../../utils/scan/status-reporter';

function reporter() {
  const events: ScanEvent[] = [];
  const updates: Partial<ReceiptRecord>[] = [];
  let clock = 0;
  const repository = {
    update: async (_id: string, edit: (receipt: ReceiptRecord) => ReceiptRecord) => {
      updates.push(edit({} as ReceiptRecord));
      return undefined;
    },
  };
  const status = createStatusReporter({ repository, broadcast: (event) => void events.push(event), now: () => clock });
  return { status, events, updates, tick: (ms: number) => void (clock += ms) };
}

describe('createStatusReporter', () => {
  it('stores a status change, then tells the popup', async () => {
    const { status, events, updates } = reporter();
    await status.set('r1', { status: 'uploading', error: null });
    expect(updates).toEqual([{ status: 'uploading', error: null }]);
    expect(events).toEqual([{ type: 'receipt-changed', receiptId: 'r1' }]);
  });

  it('sends live progress at most every 100 ms, unless forced', () => {
    const { status, events, tick } = reporter();
    const report = status.progress('r1');
    tick(1000);
    report({ phase: 'uploading', loaded: 1, total: 10 });
    tick(50);
    report({ phase: 'uploading', loaded: 2, total: 10 });
    report({ phase: 'reading' }, true);
    tick(100);
    report({ phase: 'uploading', loaded: 3, total: 10 });
    expect(events).toEqual([
      { type: 'receipt-progress', receiptId: 'r1', progress: { phase: 'uploading', loaded: 1, total: 10 } },
      { type: 'receipt-progress', receiptId: 'r1', progress: { phase: 'reading' } },
      { type: 'receipt-progress', receiptId: 'r1', progress: { phase: 'uploading', loaded: 3, total: 10 } },
    ]);
  });
});
