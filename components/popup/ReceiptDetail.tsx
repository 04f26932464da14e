import { useEffect, useRef, useState } from 'preact/hooks';
import type { FieldName, ReceiptRecord } from '@/utils/receipt';
import { checkCorrection } from '@/utils/storage/receipt-corrections';
import { describeStatus, formatReceiptDate, isInFlight, shortenAddress } from '@/utils/receipt-format';
import { canRetry } from '@/utils/scan/retry-policy';
import { describedBy, Field } from '../shared/Field';
import { EDITABLE_FIELDS, fieldNote } from '../shared/receipt-fields';
import { OriginalView } from './OriginalView';

const EDITABLE = EDITABLE_FIELDS;

interface Props {
  receipt: ReceiptRecord;
  locale: string;
  loadOriginal: () => Promise<Blob | undefined>;
  onBack: () => void;
  onSave: (corrections: Partial<Record<FieldName, string | null>>) => void;
  /** Saves the original; answers with a sentence shown beside the button. */
  onDownload: () => Promise<string>;
  onDelete: () => void;
  onRetry: () => void;
  /** Stops the scan while it is in flight; absent where nothing can be stopped. */
  onCancel?: () => void;
  /** The review page's address for a receipt. */
  reviewUrl: (id: string) => string;
  /** The receipt shown was just saved (the record read back after Save). */
  justSaved?: boolean;
}

function draftOf(receipt: ReceiptRecord): Record<FieldName, string> {
  const draft = {} as Record<FieldName, string>;
  for (const { name } of EDITABLE) draft[name] = receipt.fields?.[name] ?? '';
  return draft;
}

export function ReceiptDetail({ receipt, locale, loadOriginal, onBack, onSave, onDownload, onDelete, onRetry, onCancel, reviewUrl, justSaved = false }: Props) {
  const [draft, setDraft] = useState(() => draftOf(receipt));
  const [errors, setErrors] = useState<Partial<Record<FieldName, string>>>({});
  // The draft as saved: "Changes saved." stays until the user types again, also once the saved record comes back.
  const [savedDraft, setSavedDraft] = useState<Record<FieldName, string> | null>(null);
  const [leaving, setLeaving] = useState(false);
  const [downloadStatus, setDownloadStatus] = useState('');
  const { fields } = receipt;
  const stored = draftOf(receipt);
  const typed = (name: FieldName) => draft[name] !== stored[name];
  const dirty = EDITABLE.some(({ name }) => typed(name));
  // What was typed, as of the last keystroke: an Esc right after typing comes before the re-render that would tell.
  const latestDraft = useRef(draft);
  // Opened from the list, the keyboard lands on the receipt's name, the top of what is now shown.
  const title = useRef<HTMLHeadingElement>(null);
  useEffect(() => title.current?.focus(), []);
  const leave = () => {
    if (!EDITABLE.some(({ name }) => latestDraft.current[name] !== stored[name])) return onBack();
    leavingNow.current = true;
    setLeaving(true);
  };

  // As of the last key press, not the last render: keys can come faster than renders, and effects run after paint.
  const leavingNow = useRef(leaving);
  leavingNow.current = leaving;
  const leaveNow = useRef(leave);
  leaveNow.current = leave;
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.key !== 'Escape') return;
      // Esc on the question itself keeps editing.
      if (leavingNow.current) {
        leavingNow.current = false;
        setLeaving(false);
      } else leaveNow.current();
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, []);

  function save(event?: Event): boolean {
    event?.preventDefault();
    const corrections: Partial<Record<FieldName, string | null>> = {};
    const problems: Partial<Record<FieldName, string>> = {};
    for (const { name } of EDITABLE) {
      const checked = checkCorrection(name, draft[name]);
      if (!checked.ok) problems[name] = checked.message;
      else if (checked.value !== (fields?.[name] ?? null)) corrections[name] = checked.value;
    }
    setErrors(problems);
    if (Object.keys(problems).length > 0) return false;
    onSave(corrections);
    setSavedDraft(draft);
    return true;
  }

  return (
    <section class="detail" aria-labelledby="detail-title">
      <header class="detail-header">
        <button type="button" class="secondary" onClick={leave}>
          Back
        </button>
        <h1 id="detail-title" ref={title} tabIndex={-1}>
          {fields?.merchant ?? 'Receipt'}
        </h1>
      </header>
      {leaving && (
        <div class="leave-prompt" role="alertdialog" aria-labelledby="leave-question">
          <p id="leave-question">You changed this receipt. Save the changes before you leave?</p>
          <button type="button" autoFocus onClick={() => save() && onBack()}>
            Save and leave
          </button>
          <button type="button" class="danger" onClick={onBack}>
            Leave without saving
          </button>
          <button type="button" class="secondary" onClick={() => setLeaving(false)}>
            Keep editing
          </button>
        </div>
      )}
      {(receipt.status === 'failed' || receipt.status === 'queued') && receipt.error && (
        <div class="detail-error">
          <p class="error" role="alert">
            {receipt.error.message}
          </p>
          {(canRetry(receipt) || receipt.status === 'queued') && (
            <button type="button" onClick={onRetry}>
              Retry
            </button>
          )}
        </div>
      )}
      {onCancel && isInFlight(receipt) && (
        <div class="detail-scan">
          <p role="status">{describeStatus(receipt, locale)}</p>
          <button type="button" onClick={onCancel}>
            Cancel scan
          </button>
        </div>
      )}
      <div class="detail-body">
      {receipt.original ? (
        <OriginalView loadOriginal={loadOriginal} boxes={fields?.boxes ?? {}} imageWidth={receipt.ocr?.imageWidth} imageHeight={receipt.ocr?.imageHeight} />
      ) : (
        <div />
      )}
      {fields && (
        <form class="fields" onSubmit={save} noValidate>
          {EDITABLE.map(({ name, label, placeholder }) => {
            const id = `field-${name}`;
            const note = fieldNote(receipt, name, typed(name));
            return (
              <div key={name} class={note === 'check this' ? 'low-confidence' : undefined}>
                <Field id={id} label={label} error={errors[name]} hint={note}>
                  <input
                    {...describedBy(id, errors[name], note !== undefined)}
                    name={name}
                    value={draft[name]}
                    placeholder={placeholder}
                    onInput={(event) => {
                      latestDraft.current = { ...latestDraft.current, [name]: event.currentTarget.value };
                      setDraft(latestDraft.current);
                    }}
                  />
                </Field>
              </div>
            );
          })}
          {fields.items.length > 0 && (
            <table class="items">
              <caption>Items</caption>
              <tbody>
                {fields.items.map((item, index) => (
                  <tr key={index}>
                    <td>{item.quantity !== null && item.quantity !== 1 ? `${item.quantity} × ` : ''}{item.description}</td>
                    <td class="amount">{item.amount ?? ''}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
          <div class="form-actions">
            <button type="submit">Save changes</button>
            <span role="status">{(savedDraft && EDITABLE.every(({ name }) => savedDraft[name] === draft[name])) || (justSaved && !dirty) ? 'Changes saved.' : ''}</span>
          </div>
        </form>
      )}
      </div>
      <p class="meta">
        Scanned {formatReceiptDate(new Date(receipt.capturedAt).toISOString().slice(0, 10), locale)}
        {receipt.source.pageUrl && (
          <>
            {' '}from <span class="source" title={receipt.source.pageUrl}>{receipt.source.pageTitle || shortenAddress(receipt.source.pageUrl)}</span>
          </>
        )}
      </p>
      <p class="meta">
        Image <span class="source image-address" title={receipt.source.imageUrl}>{shortenAddress(receipt.source.imageUrl)}</span>
      </p>
      <div class="detail-actions">
        <button type="button" onClick={async () => setDownloadStatus(await onDownload())} disabled={!receipt.original}>
          Download original
        </button>
        <button type="button" class="danger" onClick={onDelete}>
          Delete
        </button>
        <a href={reviewUrl(receipt.id)} target="_blank" rel="noreferrer">
          Open in a tab
        </a>
        <span class="action-status" role="status">
          {downloadStatus}
        </span>
      </div>
      {receipt.ocr && (
        <details open>
          <summary>OCR text</summary>
          <pre aria-label="OCR text" tabIndex={0}>
            {receipt.ocr.text}
          </pre>
        </details>
      )}
    </section>
  );
}
