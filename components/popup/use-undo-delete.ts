import { useEffect, useState } from 'preact/hooks';
import type { ReceiptSnapshot } from '@/utils/storage/receipt-library';
import type { PopupActions } from './popup-actions';

const UNDO_MS = 10_000;

/** Delete that can be taken back for ten seconds: what was deleted is held, whole, until then. */
export function useUndoDelete(actions: Pick<PopupActions, 'takeOut' | 'putBack'>, onRemoved: (ids: string[]) => void, onRestored: () => Promise<void>) {
  const [undo, setUndo] = useState<{ snapshots: ReceiptSnapshot[]; message: string } | null>(null);

  useEffect(() => {
    if (!undo) return;
    const timer = setTimeout(() => setUndo(null), UNDO_MS);
    return () => clearTimeout(timer);
  }, [undo]);

  return {
    message: undo?.message ?? null,
    async remove(ids: string[]): Promise<void> {
      const snapshots = await actions.takeOut(ids);
      onRemoved(ids);
      setUndo({ snapshots, message: snapshots.length === 1 ? 'Receipt deleted.' : `${snapshots.length} receipts deleted.` });
    },
    async restore(): Promise<void> {
      if (!undo) return;
      setUndo(null);
      await actions.putBack(undo.snapshots);
      await onRestored();
    },
  };
}
