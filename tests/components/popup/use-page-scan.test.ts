// @vitest-environment happy-dom
import { act, cleanup, renderHook, waitFor } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { usePageScan } from '../../../components/popup/use-page-scan';
import type { BatchStarted } from '../../../utils/protocol';
import type { ReceiptRecord } from '../../../utils/receipt';
import { makeFields, makeReceipt } from '../../receipt-fixtures';

const target = { srcUrl: 'https://shop.example/a.jpg', pageUrl: 'https://shop.example/', pageTitle: 'Shop', tabId: 1, frameId: 0 };
const job = (batchId: string) => ({ srcUrl: target.srcUrl, tabId: 1, frameId: 0, attempts: 0, notBefore: 0, batchId });

beforeEach(() => fakeBrowser.reset());
afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
});

describe('usePageScan', () => {
  it('sends the confirmed images as one batch and shows its bar at once', async () => {
    const sent: unknown[] = [];
    const started: BatchStarted = { batchId: 'b1', count: 3 };
    fakeBrowser.runtime.onMessage.addListener(async (message: unknown) => (sent.push(message), started));
    const library = { listBatch: vi.fn(async () => []) };
    const hook = renderHook(() => usePageScan(library, []));
    await act(() => hook.result.current.confirm([target, target, target]));
    expect(sent).toEqual([{ type: 'scan-batch', targets: [target, target, target] }]);
    expect(hook.result.current.pageTargets).toBeNull();
    expect(hook.result.current.batch?.id).toBe('b1');
  });

  it('follows the newest batch on screen, counting its receipts from the database', async () => {
    const members: ReceiptRecord[] = [
      makeReceipt({ id: 'a', status: 'done', fields: makeFields(), job: job('b7') }),
      makeReceipt({ id: 'b', status: 'failed', job: job('b7') }),
      makeReceipt({ id: 'c', status: 'uploading', job: job('b7') }),
    ];
    const library = { listBatch: vi.fn(async () => members) };
    const hook = renderHook(() => usePageScan(library, members));
    await waitFor(() => expect(hook.result.current.batch).toEqual({ id: 'b7', summary: { done: 1, failed: 1, remaining: 1 } }));
    expect(library.listBatch).toHaveBeenCalledWith('b7');
    act(() => hook.result.current.dismissBatch());
    expect(hook.result.current.batch).toBeNull();
  });
});
