import type { ScanEvent } from '../protocol';
import type { ReceiptRecord, ScanProgress } from '../receipt';
import type { ReceiptRepository } from '../storage/receipt-repository';

const PROGRESS_INTERVAL_MS = 100;

export interface StatusReporterEnv {
  repository: Pick<ReceiptRepository, 'update'>;
  broadcast: (event: ScanEvent) => void;
  now: () => number;
}

/** How a scan tells the popup where it is: stored status changes, and live progress between them. */
export function createStatusReporter(env: StatusReporterEnv) {
  const changed = (receiptId: string): void => env.broadcast({ type: 'receipt-changed', receiptId });

  return {
    /** Announces a change stored by other means (a new receipt, a reading). */
    changed,

    /** Stores a change of the receipt's status and announces it. */
    async set(id: string, change: Partial<ReceiptRecord>): Promise<void> {
      await env.repository.update(id, (receipt) => ({ ...receipt, ...change }));
      changed(id);
    },

    /** A reporter of live progress for one receipt, at most every 100 ms unless forced; never stored. */
    progress(receiptId: string): (progress: ScanProgress, force?: boolean) => void {
      let last = 0;
      return (progress, force = false) => {
        const now = env.now();
        if (!force && now - last < PROGRESS_INTERVAL_MS) return;
        last = now;
        env.broadcast({ type: 'receipt-progress', receiptId, progress });
      };
    },
  };
}

export type StatusReporter = ReturnType<typeof createStatusReporter>;
