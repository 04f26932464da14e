import { useCallback, useEffect, useLayoutEffect, useRef, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { isExtensionMessage } from '@/utils/protocol';
import type { ReceiptRecord, ScanProgress } from '@/utils/receipt';
import type { ListOrder, ReceiptLibrary, ReceiptPage } from '@/utils/storage/receipt-library';

/** The first page fills the popup; more follow as the user scrolls. */
export const FIRST_PAGE = 20;
const NEXT_PAGE = 50;

const PHASE_ORDER: Record<ScanProgress['phase'], number> = { downloading: 0, uploading: 1, reading: 2 };
const STATUS_PHASE: Partial<Record<ReceiptRecord['status'], number>> = { downloading: 0, uploading: 1, reading: 2 };

/** Downloading, uploading or reading now; a queued scan shows no progress, even one that ran before. */
function isRunning(receipt: ReceiptRecord): boolean {
  return STATUS_PHASE[receipt.status] !== undefined;
}

/** Live progress from a phase the record has already left (a retry started over, or the record moved on). */
function isBehind(live: ScanProgress, receipt: ReceiptRecord): boolean {
  return PHASE_ORDER[live.phase] < (STATUS_PHASE[receipt.status] ?? 0);
}

/** The order the library's pages come in: newest key first (an undated receipt's '' last), equal keys by id, descending. */
function pageOrder(order: ListOrder): (a: ReceiptRecord, b: ReceiptRecord) => number {
  const keyOf = (receipt: ReceiptRecord) => (order === 'date' ? receipt.receiptDate : receipt.capturedAt);
  return (a, b) => {
    const [left, right] = [keyOf(a), keyOf(b)];
    if (left !== right) return left < right ? 1 : -1;
    return a.id < b.id ? 1 : a.id > b.id ? -1 : 0;
  };
}

/** A receipt read back takes its place by the list's order: a scan that learnt its date moves to it. */
function upsert(receipts: ReceiptRecord[], receipt: ReceiptRecord, order: ListOrder): ReceiptRecord[] {
  const others = receipts.filter((known) => known.id !== receipt.id);
  return [receipt, ...others].sort(pageOrder(order));
}

/** The popup's live view of the receipts: cursor pages from IndexedDB, kept current by the background's broadcasts. */
export function useReceipts(repository: ReceiptLibrary, onDuplicate: (receiptId: string, existingId: string) => void, firstPage?: Promise<ReceiptPage>, order: ListOrder = 'date') {
  const [receipts, setReceipts] = useState<ReceiptRecord[]>([]);
  const [next, setNext] = useState<ReceiptPage['next']>(null);
  const [loaded, setLoaded] = useState(false);
  const [progress, setProgress] = useState<Record<string, ScanProgress>>({});

  const loading = useRef<string | null>(null);
  const preloaded = useRef(firstPage ?? null);
  const loadPage = useCallback(
    async (before?: ReceiptPage['next']) => {
      // Scrolling can ask for the same page twice before the first answer lands.
      const key = before ? `${before.key}/${before.id}` : "first";
      if (loading.current === key) return;
      loading.current = key;
      try {
        const pending = before ? null : preloaded.current;
        preloaded.current = null;
        const page = await (pending ?? repository.listNewest(before ? NEXT_PAGE : FIRST_PAGE, before ?? undefined, order));
        setReceipts((current) => (before ? [...current, ...page.receipts.filter((receipt) => !current.some((known) => known.id === receipt.id))] : page.receipts));
        setNext(page.next);
        setLoaded(true);
      } finally {
        loading.current = null;
      }
    },
    [repository, order],
  );

  const refresh = useCallback(
    async (id: string): Promise<ReceiptRecord | undefined> => {
      const receipt = await repository.get(id);
      if (receipt) setReceipts((current) => upsert(current, receipt, order));
      else setReceipts((current) => current.filter((known) => known.id !== id));
      return receipt;
    },
    [repository, order],
  );

  // Before the first paint, not after it: the list should be on screen as soon as its page is read.
  useLayoutEffect(() => {
    void loadPage();
  }, [loadPage]);

  useEffect(() => {
    const onMessage = (message: unknown) => {
      if (!isExtensionMessage(message)) return;
      if (message.type === 'receipt-progress') setProgress((current) => ({ ...current, [message.receiptId]: message.progress }));
      if (message.type === 'receipt-changed') {
        // A record read back may be older than the live progress that came meanwhile: keep whichever is further on.
        void refresh(message.receiptId).then((receipt) =>
          setProgress((current) => {
            const live = current[message.receiptId];
            if (!live || (receipt && isRunning(receipt) && !isBehind(live, receipt))) return current;
            const { [message.receiptId]: _ended, ...rest } = current;
            return rest;
          }),
        );
      }
      if (message.type === 'receipt-duplicate') {
        setReceipts((current) => current.filter((known) => known.id !== message.receiptId));
        onDuplicate(message.receiptId, message.existingId);
      }
    };
    browser.runtime.onMessage.addListener(onMessage);
    return () => browser.runtime.onMessage.removeListener(onMessage);
  }, [loadPage, refresh, onDuplicate]);

  return { receipts, setReceipts, next, loaded, progress, loadPage, refresh };
}

/** The full records of the receipts a filter matched, the first `count` of them. */
export function useFilteredReceipts(repository: ReceiptLibrary, ids: string[] | null, count: number, changed: unknown) {
  const [receipts, setReceipts] = useState<ReceiptRecord[]>([]);
  const key = ids?.slice(0, count).join(',') ?? null;
  useEffect(() => {
    if (key === null) return setReceipts([]);
    let cancelled = false;
    void repository.getMany(key === '' ? [] : key.split(',')).then((found) => !cancelled && setReceipts(found));
    return () => {
      cancelled = true;
    };
  }, [repository, key, changed]);
  return receipts;
}
