import { useRef } from 'preact/hooks';
import type { ReceiptRecord, ScanProgress } from '@/utils/receipt';
import { ReceiptRow } from './ReceiptRow';

interface Props {
  receipts: ReceiptRecord[];
  progress: Record<string, ScanProgress>;
  locale: string;
  /** A receipt to point out, such as the one a duplicate scan found. */
  highlightId?: string | null;
  selected?: ReadonlySet<string>;
  onToggleSelected?: (id: string) => void;
  onOpen: (id: string) => void;
  onRetry: (id: string) => void;
  onCancel?: (id: string) => void;
}

const NAVIGATION: Record<string, (index: number, last: number) => number> = {
  ArrowDown: (index, last) => Math.min(last, index + 1),
  ArrowUp: (index) => Math.max(0, index - 1),
  Home: () => 0,
  End: (_index, last) => last,
};

/** Arrow keys move between receipts, Enter opens one, Space selects it. */
export function ReceiptList({ receipts, progress, locale, highlightId = null, selected, onToggleSelected, onOpen, onRetry, onCancel }: Props) {
  const list = useRef<HTMLUListElement>(null);

  function onKeyDown(event: KeyboardEvent) {
    const rows = Array.from(list.current?.querySelectorAll<HTMLLIElement>(':scope > li') ?? []);
    const index = rows.findIndex((row) => row === document.activeElement);
    if (index === -1) return;
    const move = NAVIGATION[event.key];
    const id = rows[index]?.dataset.receiptId;
    if (move) {
      event.preventDefault();
      rows[move(index, rows.length - 1)]?.focus();
    } else if (event.key === 'Enter' && id) {
      event.preventDefault();
      onOpen(id);
    } else if (event.key === ' ' && id && onToggleSelected) {
      event.preventDefault();
      onToggleSelected(id);
    }
  }

  return (
    <ul class="receipts" aria-label="Receipts" ref={list} onKeyDown={onKeyDown}>
      {receipts.map((receipt, index) => (
        <ReceiptRow
          key={receipt.id}
          receipt={receipt}
          progress={progress[receipt.id] ?? null}
          locale={locale}
          highlighted={receipt.id === highlightId}
          focusable={index === 0}
          selected={selected?.has(receipt.id) ?? false}
          onToggleSelected={onToggleSelected}
          onOpen={onOpen}
          onRetry={onRetry}
          onCancel={onCancel}
        />
      ))}
    </ul>
  );
}
