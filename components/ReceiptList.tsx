import type { ReceiptRecord, ScanProgress } from '@/utils/receipt';
import { ReceiptRow } from './ReceiptRow';

interface Props {
  receipts: ReceiptRecord[];
  progress: Record<string, ScanProgress>;
  locale: string;
  /** A receipt to point out, such as the one a duplicate scan found. */
  highlightId?: string | null;
  onOpen: (id: string) => void;
  onRetry: (id: string) => void;
}

export function ReceiptList({ receipts, progress, locale, highlightId = null, onOpen, onRetry }: Props) {
  return (
    <ul class="receipts" aria-label="Receipts">
      {receipts.map((receipt) => (
        <ReceiptRow key={receipt.id} receipt={receipt} progress={progress[receipt.id] ?? null} locale={locale} highlighted={receipt.id === highlightId} onOpen={onOpen} onRetry={onRetry} />
      ))}
    </ul>
  );
}
