import { useCallback, useEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { FieldName, OcrPage, ReceiptRecord } from '@/utils/receipt';
import { readFieldAtPoint, type ImagePoint } from '@/utils/receipt-parser/word-field';
import { canRetry } from '@/utils/scan/retry-policy';
import type { DateOrder } from '@/utils/settings';
import type { ReceiptLibrary } from '@/utils/storage/receipt-library';
import { DEFAULT_SORT, sortSummaries, type ReceiptSort } from '@/utils/storage/receipt-sort';
import type { ReceiptSummary } from '@/utils/storage/receipt-summary';
import { ReceiptTable } from './ReceiptTable';
import { ReviewForm } from './ReviewForm';
import { checkDraft, draftOf, isDirty, REVIEW_FIELDS, type ReviewDraft } from './review-draft';
import { useReviewKeys } from './use-review-keys';
import { ZoomableOriginal } from './ZoomableOriginal';
import { AddReceiptsButton, DropZone } from '@/components/shared/AddReceipts';
import { useFileDrop } from '@/components/shared/use-file-drop';

interface Props {
  library: ReceiptLibrary;
  locale: string;
  dateOrder: DateOrder;
  categories: readonly string[];
  initialId: string | null;
  /** Calls back whenever a receipt changes elsewhere (a scan, the popup); returns the unsubscribe. */
  subscribe: (changed: () => void) => () => void;
  onRetry: (id: string) => void;
  confirmDiscard: () => boolean;
  /** Files from disk (picked, dropped, pasted) to scan; resolves to the sentence saying what was added. */
  addFiles: (files: File[], pasted: boolean) => Promise<string>;
}

interface Shown {
  receipt: ReceiptRecord;
  page: OcrPage | undefined;
  imageUrl: string | null;
}

/** Review many receipts at once: the table, and the selected receipt's original beside its fields. */
export function ReviewPage({ library, locale, dateOrder, categories, initialId, subscribe, onRetry, confirmDiscard, addFiles }: Props) {
  const [added, setAdded] = useState('');
  const onFiles = (files: File[], pasted = false) => void addFiles(files, pasted).then(setAdded);
  const dragging = useFileDrop(onFiles);
  const [summaries, setSummaries] = useState<ReceiptSummary[]>([]);
  const [sort, setSort] = useState<ReceiptSort>(DEFAULT_SORT);
  const [selectedId, setSelectedId] = useState<string | null>(initialId);
  const [shown, setShown] = useState<Shown | null>(null);
  const [draft, setDraft] = useState<ReviewDraft | null>(null);
  const [errors, setErrors] = useState<Partial<Record<FieldName, string>>>({});
  const [status, setStatus] = useState('');
  const [target, setTarget] = useState<FieldName | null>('total');

  const reload = useCallback(() => void library.listSummaries().then(setSummaries), [library]);
  useEffect(() => {
    reload();
    return subscribe(reload);
  }, [reload, subscribe]);
  const sorted = useMemo(() => sortSummaries(summaries, sort), [summaries, sort]);

  useEffect(() => {
    if (selectedId === null) return;
    let url: string | null = null;
    let cancelled = false;
    void Promise.all([library.get(selectedId), library.getOcrPage(selectedId), library.getOriginal(selectedId)]).then(([receipt, page, original]) => {
      if (cancelled || !receipt) return;
      url = original && original.type !== 'application/pdf' ? URL.createObjectURL(original) : null;
      setShown({ receipt, page, imageUrl: url });
      setDraft(draftOf(receipt));
      setErrors({});
      setStatus('');
    });
    return () => {
      cancelled = true;
      if (url) URL.revokeObjectURL(url);
    };
  }, [library, selectedId]);

  // The draft as of the last keystroke (keys can come before the render), and only for the receipt shown.
  const draftNow = useRef(draft);
  draftNow.current = draft;
  const editDraft = (next: ReviewDraft) => {
    draftNow.current = next;
    setDraft(next);
  };
  const select = (id: string | null) => {
    const typed = draftNow.current;
    const dirty = shown !== null && typed !== null && shown.receipt.id === selectedId && isDirty(typed, shown.receipt);
    if (id === null || id === selectedId || (dirty && !confirmDiscard())) return;
    setSelectedId(id);
  };
  const step = (by: 1 | -1, onlyUnsure = false) => {
    const at = sorted.findIndex((summary) => summary.id === selectedId);
    const rest = by === 1 ? sorted.slice(at + 1) : sorted.slice(0, Math.max(0, at)).reverse();
    select(rest.find((summary) => !onlyUnsure || summary.needsReview || summary.status === 'failed')?.id ?? null);
  };

  async function save() {
    if (!shown || !draft) return;
    const { corrections, annotations, problems } = checkDraft(draft, shown.receipt);
    setErrors(problems);
    if (Object.keys(problems).length > 0) return setStatus('Not saved: check the marked fields.');
    let receipt: ReceiptRecord | undefined = shown.receipt;
    if (Object.keys(corrections).length > 0) receipt = await library.saveCorrections(shown.receipt.id, corrections);
    if (receipt && Object.keys(annotations).length > 0) receipt = await library.saveAnnotations(shown.receipt.id, annotations);
    if (!receipt) return setStatus('Not saved: this receipt was deleted meanwhile.');
    setShown({ ...shown, receipt });
    setDraft(draftOf(receipt));
    setStatus('Saved.');
  }

  function pick(point: ImagePoint) {
    if (!shown?.page || !draft || target === null) return;
    const reading = readFieldAtPoint(shown.page, point, target, { dateOrder, locale, today: new Date() });
    const label = REVIEW_FIELDS.find((field) => field.name === target)?.label ?? target;
    if (!reading) return setStatus(`No ${label.toLowerCase()} in that word.`);
    editDraft({ ...draft, [target]: reading.value });
    setStatus(`${label} set to ${reading.value} from the image; Save to keep it.`);
  }

  useReviewKeys({ next: () => step(1), previous: () => step(-1), nextUnsure: () => step(1, true), save: () => void save() });

  const receipt = shown?.receipt;
  const words = shown?.page?.lines.flatMap((line) => line.words) ?? [];
  return (
    <main class="review">
      <header class="review-header">
        <h1>Review receipts</h1>
        <AddReceiptsButton onFiles={onFiles} />
      </header>
      {dragging && <DropZone />}
      {added && (
        <p role="status" class="notice">
          {added}
        </p>
      )}
      <p class="hint">Alt+↓ and Alt+↑: next and previous receipt · Alt+N: next to check · Ctrl+S: save</p>
      <div class="review-layout">
        <ReceiptTable receipts={sorted} sort={sort} selectedId={selectedId} locale={locale} onSort={setSort} onSelect={select} />
        {receipt && draft ? (
          <section class="review-detail" aria-labelledby="review-title">
            <h2 id="review-title">{receipt.fields?.merchant ?? 'Receipt'}</h2>
            {receipt.status === 'failed' && receipt.error && (
              <div class="detail-error">
                <p class="error">{receipt.error.message} Complete it by hand below{canRetry(receipt) ? ', or try again.' : '.'}</p>
                {canRetry(receipt) && (
                  <button type="button" onClick={() => onRetry(receipt.id)}>
                    Retry
                  </button>
                )}
              </div>
            )}
            <ReviewForm
              receipt={receipt}
              draft={draft}
              errors={errors}
              categories={categories}
              status={status}
              onChange={editDraft}
              onFocusField={setTarget}
              onSubmit={() => void save()}
            />
            {shown.imageUrl ? (
              <ZoomableOriginal
                imageUrl={shown.imageUrl}
                imageWidth={shown.page?.imageWidth}
                imageHeight={shown.page?.imageHeight}
                words={words}
                highlights={receipt.fields?.boxes ?? {}}
                targetLabel={target ? (REVIEW_FIELDS.find((field) => field.name === target)?.label.toLowerCase() ?? null) : null}
                onPick={pick}
              />
            ) : (
              <p class="meta">{receipt.original ? 'This original is a PDF: download it from the popup to see it.' : 'No original is stored for this receipt.'}</p>
            )}
          </section>
        ) : (
          <p class="meta">{sorted.length === 0 ? 'No receipts yet. Add receipt files, drop them here or paste an image.' : 'Choose a receipt in the table.'}</p>
        )}
      </div>
    </main>
  );
}
