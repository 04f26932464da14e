/** Why a running scan was stopped: the user pressed Cancel, or deleted its receipt. */
export type StopReason = 'cancelled' | 'deleted';

/** One run of a scan: its signal goes down to the download and the OCR request. */
export interface ScanRun {
  signal: AbortSignal;
  /** Why it was stopped, or null while nobody stopped it. */
  stopReason(): StopReason | null;
  /** Gives the id back once the run has unwound; a newer run of the same receipt keeps it. */
  release(): void;
  /** Done with the OCR service (its answer is in): the slot goes to the next scan while this one stores what it read. */
  freeSlot(): void;
}

/**
 * The scans running now, one AbortController each. A stopped scan frees its slot at once; its id stays taken
 * until its run has unwound, so a receipt never runs twice at the same time.
 */
export function createRunningScans() {
  const running = new Map<string, AbortController>();
  const freed = new WeakSet<AbortController>();
  return {
    start(id: string): ScanRun {
      const controller = new AbortController();
      running.set(id, controller);
      return {
        signal: controller.signal,
        stopReason: () => (controller.signal.aborted ? (controller.signal.reason === 'deleted' ? 'deleted' : 'cancelled') : null),
        release: () => {
          if (running.get(id) === controller) running.delete(id);
        },
        freeSlot: () => void freed.add(controller),
      };
    },

    /** Aborts the scan's requests; false when it is not running. */
    stop(id: string, reason: StopReason): boolean {
      const controller = running.get(id);
      if (!controller) return false;
      if (!controller.signal.aborted) controller.abort(reason);
      return true;
    },

    has: (id: string) => running.has(id),
    ids: () => [...running.keys()],
    count: () => running.size,
    /** Scans that hold a slot: stopped ones still unwinding, and ones storing an answer already in, do not. */
    slotsTaken: () => [...running.values()].filter((controller) => !controller.signal.aborted && !freed.has(controller)).length,
  };
}
