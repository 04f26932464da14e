import { useEffect, useState } from 'preact/hooks';
import type { FieldName, ReceiptRecord } from '@/utils/receipt';
import { SURE_CONFIDENCE } from '@/utils/receipt';
import { checkCorrection } from '@/utils/storage/receipt-corrections';
import { formatReceiptDate } from '@/utils/receipt-format';
import { describedBy, Field } from '../shared/Field';
import { OriginalView } from './OriginalView';

const EDITABLE: { name: FieldName; label: string; hint?: string }[] = [
  { name: 'merchant', label: 'Merchant' },
  { name: 'date', label: 'Date', hint: 'YYYY-MM-DD' },
  { name: 'time', label: 'Time', hint: 'HH:MM' },
  { name: 'total', label: 'Total' },
  { name: 'currency', label: 'Currency', hint: 'EUR, USD, ...' },
  { name: 'subtotal', label: 'Subtotal' },
  { name: 'tax', label: 'Tax' },
  { name: 'tip', label: 'Tip' },
];

interface Props {
  receipt: ReceiptRecord;
  locale: string;
  loadOriginal: () => Promise<Blob | undefined>;
  onBack: () => void;
  onSave: (corrections: Partial<Record<FieldName, string | null>>) => void;
  onDownload: () => void;
  onDelete: () => void;
  onRetry: () => void;
}

function draftOf(receipt: ReceiptRecord): Record<FieldName, string> {
  const draft = {} as Record<FieldName, string>;
  for (const { name } of EDITABLE) draft[name] = receipt.fields?.[name] ?? '';
  return draft;
}

export function ReceiptDetail({ receipt, locale, loadOriginal, onBack, onSave, onDownload, onDelete, onRetry }: Props) {
  const [draft, setDraft] = useState(() => draftOf(receipt));
  const [errors, setErrors] = useState<Partial<Record<FieldName, string>>>({});
  const [saved, setSaved] = useState(false);
  const { fields } = receipt;

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.key === 'Escape') onBack();
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [onBack]);

  function save(event: Event) {
    event.preventDefault();
    const corrections: Partial<Record<FieldName, string | null>> = {};
    const problems: Partial<Record<FieldName, string>> = {};
    for (const { name } of EDITABLE) {
      const checked = checkCorrection(name, draft[name]);
      if (!checked.ok) problems[name] = checked.message;
      else if (checked.value !== (fields?.[name] ?? null)) corrections[name] = checked.value;
    }
    setErrors(problems);
    if (Object.keys(problems).length > 0) return;
    onSave(corrections);
    setSaved(true);
  }

  return (
    <section class="detail" aria-labelledby="detail-title">
      <header class="detail-header">
        <button type="button" class="secondary" onClick={onBack}>
          Back
        </button>
        <h2 id="detail-title">{fields?.merchant ?? 'Receipt'}</h2>
      </header>
      {(receipt.status === 'failed' || receipt.status === 'queued') && receipt.error && (
        <div class="detail-error">
          <p class="error" role="alert">
            {receipt.error.message}
          </p>
          <button type="button" onClick={onRetry}>
            Retry
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
          {EDITABLE.map(({ name, label, hint }) => {
            const lowConfidence = fields.confidence[name] < SURE_CONFIDENCE && !receipt.edited.includes(name) && draft[name] !== '';
            const id = `field-${name}`;
            const note = receipt.edited.includes(name) ? 'edited' : lowConfidence ? 'check this' : undefined;
            return (
              <div key={name} class={lowConfidence ? 'low-confidence' : undefined}>
                <Field id={id} label={label} error={errors[name]} hint={note}>
                  <input
                    {...describedBy(id, errors[name], note !== undefined)}
                    name={name}
                    value={draft[name]}
                    placeholder={hint}
                    onInput={(event) => {
                      setSaved(false);
                      setDraft({ ...draft, [name]: event.currentTarget.value });
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
            {saved && <span role="status">Changes saved.</span>}
          </div>
        </form>
      )}
      </div>
      <p class="meta">
        Scanned {formatReceiptDate(new Date(receipt.capturedAt).toISOString().slice(0, 10), locale)}
        {receipt.source.pageUrl && <> from <span class="source">{receipt.source.pageTitle || receipt.source.pageUrl}</span></>}
      </p>
      <div class="detail-actions">
        <button type="button" onClick={onDownload} disabled={!receipt.original}>
          Download original
        </button>
        <button type="button" class="danger" onClick={onDelete}>
          Delete
        </button>
      </div>
      {receipt.ocr && (
        <details open>
          <summary>OCR text</summary>
          <pre aria-label="OCR text">{receipt.ocr.text}</pre>
        </details>
      )}
    </section>
  );
}
