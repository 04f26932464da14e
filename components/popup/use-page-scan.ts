import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import type { BatchStarted, ScanRequest } from '@/utils/protocol';
import type { ReceiptRecord } from '@/utils/receipt';
import type { ReceiptLibrary } from '@/utils/storage/receipt-library';
import { summariseBatch, type BatchSummary } from '@/utils/scan/scan-notices';
import type { ScanTarget } from '@/utils/protocol';
import { findActiveTabReceipts } from './popup-actions';

/** "Scan all images on this page": the images found waiting for the user's yes, then the batch's progress bar. */
export function usePageScan(repository: Pick<ReceiptLibrary, 'listBatch'>, receipts: readonly ReceiptRecord[]) {
  const [pageTargets, setPageTargets] = useState<ScanTarget[] | null>(null);
  const [batch, setBatch] = useState<{ id: string; summary: BatchSummary } | null>(null);

  // The batch bar follows the newest batch among the receipts on screen.
  const batchId = batch?.id ?? receipts.find((receipt) => receipt.job?.batchId)?.job?.batchId ?? null;
  useEffect(() => {
    if (!batchId) return;
    void repository.listBatch(batchId).then((members) => setBatch({ id: batchId, summary: summariseBatch(members) }));
  }, [batchId, receipts, repository]);

  return {
    pageTargets,
    batch,
    findTargets: async () => setPageTargets(await findActiveTabReceipts()),
    cancel: () => setPageTargets(null),
    dismissBatch: () => setBatch(null),
    async confirm(targets: ScanTarget[]): Promise<void> {
      setPageTargets(null);
      const request: ScanRequest = { type: 'scan-batch', targets };
      const started = (await browser.runtime.sendMessage(request)) as BatchStarted;
      setBatch({ id: started.batchId, summary: { done: 0, failed: 0, remaining: started.count } });
    },
  };
}
