import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { isExtensionMessage } from '@/utils/protocol';
import type { ReceiptLibrary } from '@/utils/storage/receipt-library';
import { summariseReceipt, type ReceiptSummary } from '@/utils/storage/receipt-summary';

/**
 * All receipt summaries, read once after the first list has painted and then kept current from the
 * background's broadcasts: search, filters and totals run on these in memory.
 */
export function useSummaries(repository: ReceiptLibrary, firstPagePainted: boolean) {
  const [summaries, setSummaries] = useState<ReceiptSummary[] | null>(null);

  useEffect(() => {
    if (!firstPagePainted) return;
    let cancelled = false;
    const load = () => void repository.listSummaries().then((all) => !cancelled && setSummaries(all));
    // Reading thousands of summaries must not compete with the first paint of the list.
    const idle = typeof requestIdleCallback === 'function';
    const timer = idle ? requestIdleCallback(load, { timeout: 500 }) : window.setTimeout(load, 50);
    const onMessage = (message: unknown) => {
      if (!isExtensionMessage(message) || (message.type !== 'receipt-changed' && message.type !== 'receipt-duplicate')) return;
      void repository.get(message.receiptId).then((receipt) =>
        setSummaries((current) => {
          if (!current) return current;
          const others = current.filter((summary) => summary.id !== message.receiptId);
          return receipt ? [summariseReceipt(receipt), ...others].sort((a, b) => b.capturedAt - a.capturedAt) : others;
        }),
      );
    };
    browser.runtime.onMessage.addListener(onMessage);
    return () => {
      cancelled = true;
      if (idle) cancelIdleCallback(timer);
      else window.clearTimeout(timer);
      browser.runtime.onMessage.removeListener(onMessage);
    };
  }, [repository, firstPagePainted]);

  const forget = (ids: string[]) => setSummaries((current) => current && current.filter((summary) => !ids.includes(summary.id)));
  const reload = () => void repository.listSummaries().then(setSummaries);
  return { summaries, forget, reload };
}
