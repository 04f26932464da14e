import { useCallback, useEffect, useMemo, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { BatchProgress, ConfirmPageScan } from '@/components/BatchProgress';
import { ReceiptDetail } from '@/components/ReceiptDetail';
import { ReceiptList } from '@/components/ReceiptList';
import { downloadOriginal } from '@/utils/original-download';
import { collectPageImages, toScanTargets, type PageImages } from '@/utils/page-images';
import type { BatchStarted, ScanRequest } from '@/utils/protocol';
import type { FieldName } from '@/utils/receipt';
import { openReceiptDb } from '@/utils/receipt-db';
import { createReceiptRepository } from '@/utils/receipt-repository';
import { summariseBatch, type BatchSummary } from '@/utils/scan-notices';
import type { ScanTarget } from '@/utils/scan-pipeline';
import { useReceipts } from './use-receipts';

async function findActiveTabReceipts(): Promise<ScanTarget[]> {
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  if (tab?.id === undefined) return [];
  const [frame] = await browser.scripting.executeScript({ target: { tabId: tab.id }, func: collectPageImages }).catch(() => []);
  const page = frame?.result as PageImages | undefined;
  return page && Array.isArray(page.images) ? toScanTargets(page, tab.id) : [];
}

export function App() {
  const repository = useMemo(() => createReceiptRepository(openReceiptDb()), []);
  const [openId, setOpenId] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [highlightId, setHighlightId] = useState<string | null>(null);
  const [pageTargets, setPageTargets] = useState<ScanTarget[] | null>(null);
  const [batch, setBatch] = useState<{ id: string; summary: BatchSummary } | null>(null);
  const locale = navigator.language;

  const onDuplicate = useCallback((_receiptId: string, existingId: string) => {
    setNotice('This image was already scanned; its receipt is highlighted below.');
    setHighlightId(existingId);
  }, []);
  const { receipts, setReceipts, next, loaded, progress, loadPage, refresh } = useReceipts(repository, onDuplicate);

  // The batch bar follows the newest batch among the receipts on screen.
  const batchId = batch?.id ?? receipts.find((receipt) => receipt.job?.batchId)?.job?.batchId ?? null;
  useEffect(() => {
    if (!batchId) return;
    void repository.listBatch(batchId).then((members) => setBatch({ id: batchId, summary: summariseBatch(members) }));
  }, [batchId, receipts, repository]);

  const retry = (receiptId: string) => {
    const request: ScanRequest = { type: 'retry-scan', receiptId };
    void browser.runtime.sendMessage(request);
  };

  const scanPage = async (targets: ScanTarget[]) => {
    setPageTargets(null);
    const request: ScanRequest = { type: 'scan-batch', targets };
    const started = (await browser.runtime.sendMessage(request)) as BatchStarted;
    setBatch({ id: started.batchId, summary: { done: 0, failed: 0, remaining: started.count } });
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
        <div class="header-actions">
          <button type="button" class="secondary" onClick={async () => setPageTargets(await findActiveTabReceipts())}>
            Scan all images on this page
          </button>
          <a href={browser.runtime.getURL('/options.html')} target="_blank" rel="noreferrer">
            Options
          </a>
        </div>
      </header>
      {pageTargets && <ConfirmPageScan count={pageTargets.length} onConfirm={() => void scanPage(pageTargets)} onCancel={() => setPageTargets(null)} />}
      {batch && <BatchProgress summary={batch.summary} onDismiss={() => setBatch(null)} />}
      {notice && <p role="status" class="notice">{notice}</p>}
      {loaded && receipts.length === 0 ? (
        <p class="empty">No receipts yet. Right-click a receipt image on any page and choose "Scan receipt".</p>
      ) : (
        <ReceiptList receipts={receipts} progress={progress} locale={locale} highlightId={highlightId} onOpen={setOpenId} onRetry={retry} />
      )}
      {next && (
        <button type="button" class="secondary load-more" onClick={() => void loadPage(next)}>
          Show older receipts
        </button>
      )}
    </main>
  );
}
