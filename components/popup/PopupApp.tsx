import { useCallback, useEffect, useMemo, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { BatchProgress, ConfirmPageScan } from '@/components/popup/BatchProgress';
import { BulkBar } from '@/components/popup/BulkBar';
import { LoadMore } from '@/components/popup/LoadMore';
import { MonthTotals } from '@/components/popup/MonthTotals';
import { ReceiptDetail } from '@/components/popup/ReceiptDetail';
import { ReceiptList } from '@/components/popup/ReceiptList';
import { ReceiptToolbar, type PopupSort } from '@/components/popup/ReceiptToolbar';
import { UndoBar } from '@/components/popup/UndoBar';
import type { ScanRequest } from '@/utils/protocol';
import type { FieldName } from '@/utils/receipt';
import { filterSummaries, isFiltering, listMonths, NO_FILTER, totalsByMonth, type ReceiptFilter } from '@/utils/storage/receipt-filter';
import { sortSummaries } from '@/utils/storage/receipt-sort';
import type { ReceiptLibrary, ReceiptPage } from '@/utils/storage/receipt-library';
import { ExportCsv } from './ExportCsv';
import { createPopupActions } from './popup-actions';
import { useWaitingForWelcome } from './use-waiting-for-welcome';
import { usePageScan } from './use-page-scan';
import { useUndoDelete } from './use-undo-delete';
import { useFilteredReceipts, useReceipts } from './use-receipts';
import { useSummaries } from './use-summaries';
import { AddReceiptsButton, DropZone } from '@/components/shared/AddReceipts';
import { useFileDrop } from '@/components/shared/use-file-drop';
import { sendFilesToScan } from '@/utils/capture/disk-files';

/** Matches shown at first, as many as fill the popup; scrolling shows more. */
const FIRST_MATCHES = 20;
const MORE_MATCHES = 50;

interface PopupAppProps {
  repository: ReceiptLibrary;
  /** The newest receipts, already being read when the popup starts. */
  firstPage?: Promise<ReceiptPage>;
}

export function PopupApp({ repository, firstPage }: PopupAppProps) {
  const actions = useMemo(() => createPopupActions(repository), [repository]);
  const [openId, setOpenId] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [highlightId, setHighlightId] = useState<string | null>(null);
  const [filter, setFilter] = useState<ReceiptFilter>(NO_FILTER);
  const [shown, setShown] = useState(FIRST_MATCHES);
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  const [sort, setSort] = useState<PopupSort>('date');
  // Back from a receipt, focus returns to its row, where the user left the list.
  const [returnFocusId, setReturnFocusId] = useState<string | null>(null);
  const [savedId, setSavedId] = useState<string | null>(null);
  useEffect(() => {
    if (openId !== null || returnFocusId === null) return;
    document.querySelector<HTMLElement>(`.receipts > li[data-receipt-id="${CSS.escape(returnFocusId)}"]`)?.focus();
    setReturnFocusId(null);
  }, [openId, returnFocusId]);
  const locale = navigator.language;

  const onDuplicate = useCallback((_receiptId: string, existingId: string) => {
    setNotice('This image was already scanned; its receipt is highlighted below.');
    setHighlightId(existingId);
  }, []);
  const cursor = useReceipts(repository, onDuplicate, firstPage, sort === 'captured' ? 'captured' : 'date');
  const { summaries, forget, reload } = useSummaries(repository, cursor.loaded);

  const filtering = isFiltering(filter);
  // Amounts have no index to page by: that order, like a filter, is read from the summaries.
  const bySummaries = filtering || sort === 'total';
  const matches = useMemo(
    () => (bySummaries && summaries ? sortSummaries(filterSummaries(summaries, filter), { key: sort, direction: 'descending' }) : null),
    [bySummaries, summaries, filter, sort],
  );
  const matchedReceipts = useFilteredReceipts(repository, matches?.map((summary) => summary.id) ?? null, shown, cursor.receipts);
  const receipts = bySummaries ? matchedReceipts : cursor.receipts;
  const months = useMemo(() => (summaries ? listMonths(summaries) : []), [summaries]);
  const categories = useMemo(() => [...new Set((summaries ?? []).flatMap((summary) => (summary.category ? [summary.category] : [])))].sort(), [summaries]);
  const totals = useMemo(() => totalsByMonth(matches ?? summaries ?? []), [matches, summaries]);

  const pageScan = usePageScan(repository, cursor.receipts);
  const waitingForWelcome = useWaitingForWelcome(cursor.receipts.some((receipt) => receipt.status === 'queued'));

  useEffect(() => {
    const hello: ScanRequest = { type: 'popup-opened' };
    void browser.runtime.sendMessage(hello).catch(() => undefined);
  }, []);

  const retry = (receiptId: string) => {
    const request: ScanRequest = { type: 'retry-scan', receiptId };
    void browser.runtime.sendMessage(request);
  };
  const cancel = (receiptId: string) => {
    const request: ScanRequest = { type: 'cancel-scan', receiptId };
    void browser.runtime.sendMessage(request);
  };

  const addFiles = (files: File[], pasted = false) => void sendFilesToScan(files, (request) => browser.runtime.sendMessage(request), pasted).then(setNotice);
  const dragging = useFileDrop(addFiles);

  const undoDelete = useUndoDelete(
    actions,
    (ids) => {
      forget(ids);
      cursor.setReceipts((current) => current.filter((receipt) => !ids.includes(receipt.id)));
      setSelected(new Set());
      setOpenId(null);
    },
    async () => {
      reload();
      await cursor.loadPage();
    },
  );

  const loadMore = useCallback(() => (bySummaries ? setShown((count) => count + MORE_MATCHES) : void cursor.loadPage(cursor.next)), [bySummaries, cursor.loadPage, cursor.next]);

  const toggleSelected = (id: string) =>
    setSelected((current) => {
      const next = new Set(current);
      if (!next.delete(id)) next.add(id);
      return next;
    });

  const open = openId ? receipts.find((receipt) => receipt.id === openId) : undefined;
  if (open) {
    return (
      <main>
        {notice && <p role="status" class="notice">{notice}</p>}
        <ReceiptDetail
          key={`${open.id}-${open.updatedAt}`}
          receipt={open}
          locale={locale}
          loadOriginal={() => repository.getOriginal(open.id)}
          onBack={() => (setOpenId(null), setSavedId(null), setReturnFocusId(open.id))}
          onRetry={() => retry(open.id)}
          onCancel={() => cancel(open.id)}
          justSaved={savedId === open.id}
          onSave={(corrections: Partial<Record<FieldName, string | null>>) =>
            // Summaries too: search, the month filter and the totals must see the corrected fields.
            void repository.saveCorrections(open.id, corrections).then(() => (setSavedId(open.id), reload(), cursor.refresh(open.id)))
          }
          onDownload={() => actions.downloadOriginal(open)}
          reviewUrl={(id) => browser.runtime.getURL(`/review.html?id=${encodeURIComponent(id)}`)}
          onDelete={() => void undoDelete.remove([open.id])}
        />
        {undoDelete.message && <UndoBar message={undoDelete.message} onUndo={() => void undoDelete.restore()} />}
      </main>
    );
  }

  const selection = receipts.filter((receipt) => selected.has(receipt.id));
  return (
    <main>
      <header class="popup-header">
        <h1>Receipts</h1>
        <div class="header-actions">
          {import.meta.env.FIREFOX ? (
            // Firefox closes a popup when its file picker opens: the review page, a tab, has the picker there.
            <a href={browser.runtime.getURL('/review.html')} target="_blank" rel="noreferrer">
              Add receipt
            </a>
          ) : (
            <AddReceiptsButton onFiles={addFiles} />
          )}
          <button type="button" class="secondary" onClick={() => void pageScan.findTargets()}>
            Scan all images on this page
          </button>
          <a href={browser.runtime.getURL('/review.html')} target="_blank" rel="noreferrer">
            Open in a tab
          </a>
          <a href={browser.runtime.getURL('/options.html')} target="_blank" rel="noreferrer">
            Options
          </a>
        </div>
      </header>
      {dragging && <DropZone />}
      {pageScan.pageTargets && <ConfirmPageScan count={pageScan.pageTargets.length} onConfirm={() => pageScan.pageTargets && void pageScan.confirm(pageScan.pageTargets)} onCancel={pageScan.cancel} />}
      {pageScan.batch && <BatchProgress summary={pageScan.batch.summary} onDismiss={pageScan.dismissBatch} />}
      {notice && <p role="status" class="notice">{notice}</p>}
      {waitingForWelcome && (
        <p class="notice">
          Scans wait until you have read the <a href={browser.runtime.getURL('/welcome.html')} target="_blank" rel="noreferrer">welcome page</a>, which
          says where receipt images are sent.
        </p>
      )}
      <ReceiptToolbar
        filter={filter}
        months={months}
        categories={categories}
        sort={sort}
        locale={locale}
        onChange={(next) => (setFilter(next), setShown(FIRST_MATCHES))}
        onSort={(next) => (setSort(next), setShown(FIRST_MATCHES))}
      />
      <MonthTotals months={totals} locale={locale} />
      {selection.length > 0 && (
        <BulkBar
          count={selection.length}
          onDelete={() => void undoDelete.remove(selection.map((receipt) => receipt.id))}
          onDownload={() => actions.downloadOriginalsZip(selection)}
          onExport={(preset) => actions.exportCsv(selection, preset)}
          onClear={() => setSelected(new Set())}
        />
      )}
      {cursor.loaded && receipts.length === 0 ? (
        <p class="empty">{filtering ? 'No receipts match.' : 'No receipts yet. Right-click a receipt image on any page and choose "Scan receipt", select an area of a page, or add a receipt file.'}</p>
      ) : (
        <ReceiptList
          receipts={receipts}
          progress={cursor.progress}
          locale={locale}
          highlightId={highlightId}
          selected={selected}
          onToggleSelected={toggleSelected}
          onOpen={setOpenId}
          onRetry={retry}
          onCancel={cancel}
        />
      )}
      <div class="list-footer">
        {filtering ? (
          <span role="status">{matches ? `${matches.length} ${matches.length === 1 ? 'receipt' : 'receipts'} match` : 'Searching...'}</span>
        ) : (
          <span />
        )}
        <ExportCsv
          id="csv-columns"
          onExport={async (preset) => actions.exportCsv(filtering ? await repository.getMany((matches ?? []).map((match) => match.id)) : await actions.allReceipts(), preset)}
        />
      </div>
      {((bySummaries && matches && matches.length > shown) || (!bySummaries && cursor.next)) && (
        <LoadMore onLoad={loadMore} />
      )}
      {undoDelete.message && <UndoBar message={undoDelete.message} onUndo={() => void undoDelete.restore()} />}
    </main>
  );
}
