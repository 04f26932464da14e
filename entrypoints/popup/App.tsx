import { useCallback, useEffect, useMemo, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { ReceiptDetail } from '@/components/ReceiptDetail';
import { ReceiptList } from '@/components/ReceiptList';
import { downloadOriginal } from '@/utils/original-download';
import { isExtensionMessage, type ScanRequest } from '@/utils/protocol';
import type { FieldName, ReceiptRecord, ScanProgress } from '@/utils/receipt';
import { openReceiptDb } from '@/utils/receipt-db';
import { createReceiptRepository, type ReceiptPage } from '@/utils/receipt-repository';

const PAGE_SIZE = 50;

function upsert(receipts: ReceiptRecord[], receipt: ReceiptRecord): ReceiptRecord[] {
  const index = receipts.findIndex((known) => known.id === receipt.id);
  if (index === -1) return [receipt, ...receipts].sort((a, b) => b.capturedAt - a.capturedAt);
  return receipts.map((known) => (known.id === receipt.id ? receipt : known));
}

export function App() {
  const repository = useMemo(() => createReceiptRepository(openReceiptDb()), []);
  const [receipts, setReceipts] = useState<ReceiptRecord[]>([]);
  const [next, setNext] = useState<ReceiptPage['next']>(null);
  const [loaded, setLoaded] = useState(false);
  const [progress, setProgress] = useState<Record<string, ScanProgress>>({});
  const [openId, setOpenId] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const locale = navigator.language;

  const loadPage = useCallback(
    async (before?: ReceiptPage['next']) => {
      const page = await repository.listNewest(PAGE_SIZE, before ?? undefined);
      setReceipts((current) => (before ? [...current, ...page.receipts] : page.receipts));
      setNext(page.next);
      setLoaded(true);
    },
    [repository],
  );

  const refresh = useCallback(
    async (id: string) => {
      const receipt = await repository.get(id);
      if (receipt) setReceipts((current) => upsert(current, receipt));
      else setReceipts((current) => current.filter((known) => known.id !== id));
    },
    [repository],
  );

  useEffect(() => {
    void loadPage();
    const onMessage = (message: unknown) => {
      if (!isExtensionMessage(message)) return;
      if (message.type === 'receipt-progress') setProgress((current) => ({ ...current, [message.receiptId]: message.progress }));
      if (message.type === 'receipt-changed') {
        setProgress(({ [message.receiptId]: _ended, ...rest }) => rest);
        void refresh(message.receiptId);
      }
    };
    browser.runtime.onMessage.addListener(onMessage);
    return () => browser.runtime.onMessage.removeListener(onMessage);
  }, [loadPage, refresh]);

  const retry = (receiptId: string) => {
    const request: ScanRequest = { type: 'retry-scan', receiptId };
    void browser.runtime.sendMessage(request);
  };

  const open = openId ? receipts.find((receipt) => receipt.id === openId) : undefined;
  if (open) {
    return (
      <main>
        {notice && <p role="status" class="notice">{notice}</p>}
        <ReceiptDetail
          key={`${open.id}-${open.updatedAt}`}
          receipt={open}
          locale={locale}
          onBack={() => setOpenId(null)}
          onRetry={() => retry(open.id)}
          onSave={(corrections: Partial<Record<FieldName, string | null>>) => void repository.saveCorrections(open.id, corrections).then(() => refresh(open.id))}
          onDownload={async () => {
            const result = await downloadOriginal(open, {
              repository,
              download: (options) => browser.downloads.download(options),
              createObjectURL: (blob) => URL.createObjectURL(blob),
              revokeObjectURL: (url) => URL.revokeObjectURL(url),
              later: (run) => setTimeout(run, 60_000),
            });
            setNotice(result.ok ? `Saved as ${result.filename}` : result.message);
          }}
          onDelete={async () => {
            await repository.delete(open.id);
            setOpenId(null);
            setReceipts((current) => current.filter((receipt) => receipt.id !== open.id));
          }}
        />
      </main>
    );
  }

  return (
    <main>
      <header class="popup-header">
        <h1>Receipts</h1>
        <a href={browser.runtime.getURL('/options.html')} target="_blank" rel="noreferrer">
          Options
        </a>
      </header>
      {notice && <p role="status" class="notice">{notice}</p>}
      {loaded && receipts.length === 0 ? (
        <p class="empty">No receipts yet. Right-click a receipt image on any page and choose "Scan receipt".</p>
      ) : (
        <ReceiptList receipts={receipts} progress={progress} locale={locale} onOpen={setOpenId} onRetry={retry} />
      )}
      {next && (
        <button type="button" class="secondary load-more" onClick={() => void loadPage(next)}>
          Show older receipts
        </button>
      )}
    </main>
  );
}
