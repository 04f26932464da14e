import type { BatchSummary } from '@/utils/scan/scan-notices';
import { describeBatch } from '@/utils/scan/scan-notices';

/** Done, failed and remaining scans of a "scan all images" batch, and its summary once it ends. */
export function BatchProgress({ summary, onDismiss }: { summary: BatchSummary; onDismiss: () => void }) {
  const total = summary.done + summary.failed + summary.remaining;
  const ended = summary.remaining === 0;
  const text = describeBatch(summary);
  return (
    <section class="batch" aria-label="Batch">
      <div class="progress-track" role="progressbar" aria-label={text} aria-valuemin={0} aria-valuemax={total} aria-valuenow={total - summary.remaining}>
        <div class="progress-fill done" style={{ width: `${(summary.done / Math.max(1, total)) * 100}%` }} />
        <div class="progress-fill failed" style={{ width: `${(summary.failed / Math.max(1, total)) * 100}%` }} />
      </div>
      <p class="batch-text" role="status">
        {text}
        {ended && (
          <button type="button" class="link" onClick={onDismiss}>
            Dismiss
          </button>
        )}
      </p>
    </section>
  );
}

interface ConfirmProps {
  count: number;
  onConfirm: () => void;
  onCancel: () => void;
}

/** Asks before queueing many scans at once; with nothing found it only says so. */
export function ConfirmPageScan({ count, onConfirm, onCancel }: ConfirmProps) {
  if (count === 0) {
    return (
      <div class="confirm" role="status">
        No images on this page are large enough to be receipts.
        <button type="button" class="secondary" onClick={onCancel}>
          OK
        </button>
      </div>
    );
  }
  return (
    <div class="confirm" role="group" aria-label="Scan this page">
      <span>
        Found {count} {count === 1 ? 'image' : 'images'} that may be receipts.
      </span>
      <button type="button" onClick={onConfirm}>
        Scan {count} {count === 1 ? 'image' : 'images'}
      </button>
      <button type="button" class="secondary" onClick={onCancel}>
        Cancel
      </button>
    </div>
  );
}
