import { canRetry } from '@/utils/scan/retry-policy';
import type { ReceiptRecord, ScanProgress } from '@/utils/receipt';
import { needsReview } from '@/utils/storage/receipt-summary';
import { describeImageSource, describeStatus, formatReceiptDate, formatTotal, isInFlight } from '@/utils/receipt-format';
import { ProgressBar } from './ProgressBar';
import { Thumbnail } from './Thumbnail';

interface Props {
  receipt: ReceiptRecord;
  progress: ScanProgress | null;
  locale: string;
  highlighted?: boolean;
  /** The first row is in the tab order; arrow keys reach the others. */
  focusable?: boolean;
  selected?: boolean;
  onToggleSelected?: ((id: string) => void) | undefined;
  onOpen: (id: string) => void;
  onRetry: (id: string) => void;
  /** Stops a scan in flight or waiting; without it no Cancel button is shown. */
  onCancel?: ((id: string) => void) | undefined;
}

export function ReceiptRow({ receipt, progress, locale, highlighted = false, focusable = false, selected = false, onToggleSelected, onOpen, onRetry, onCancel }: Props) {
  const { fields } = receipt;
  const namedBySource = !fields?.merchant && receipt.status !== 'done';
  const merchant = fields?.merchant ?? (receipt.status === 'done' ? 'Unknown merchant' : describeImageSource(receipt.source.imageUrl));
  const flagged = needsReview(receipt);
  const liveProgress = progress ?? receipt.progress;
  const showsProgress = isInFlight(receipt) && liveProgress !== null;
  // A scan waiting out a backoff shows why, and can be retried at once.
  const retryable = canRetry(receipt) || (receipt.status === 'queued' && receipt.error !== null);
  return (
    <li
      class={`receipt-row status-${receipt.status}${highlighted ? ' highlight' : ''}${selected ? ' selected' : ''}`}
      data-receipt-id={receipt.id}
      aria-current={highlighted ? 'true' : undefined}
      tabIndex={focusable ? 0 : -1}
    >
      <div class="row-lead">
        {onToggleSelected && (
          <input type="checkbox" checked={selected} aria-label={`Select ${merchant}`} tabIndex={-1} onChange={() => onToggleSelected(receipt.id)} />
        )}
        <Thumbnail blob={receipt.thumbnail} alt="" />
      </div>
      <div class="receipt-summary">
        <div class="receipt-line">
          <span class="merchant" title={namedBySource ? receipt.source.imageUrl : undefined}>
            {merchant}
          </span>
          {receipt.status === 'done' && <span class="total">{formatTotal(fields?.total ?? null, fields?.currency ?? null)}</span>}
        </div>
        <div class="receipt-line secondary">
          {receipt.status === 'done' && <span class="date">{formatReceiptDate(fields?.date ?? null, locale)}</span>}
          {receipt.status !== 'done' && !showsProgress && <span class="status">{describeStatus(receipt, locale)}</span>}
          {flagged && <span class="badge review">Needs review</span>}
        </div>
        {showsProgress && liveProgress && <ProgressBar progress={liveProgress} />}
        {(receipt.status === 'failed' || retryable) && receipt.error && (
          <p class="error" role="alert">
            {receipt.error.message}
          </p>
        )}
      </div>
      <div class="row-actions">
        {retryable && (
          <button type="button" onClick={() => onRetry(receipt.id)}>
            Retry
          </button>
        )}
        {onCancel && isInFlight(receipt) && (
          <button type="button" class="secondary" onClick={() => onCancel(receipt.id)} aria-label={`Cancel scan of ${merchant}`}>
            Cancel
          </button>
        )}
        <button type="button" class="secondary" tabIndex={-1} onClick={() => onOpen(receipt.id)} aria-label={`Open ${merchant}`}>
          Open
        </button>
      </div>
    </li>
  );
}
