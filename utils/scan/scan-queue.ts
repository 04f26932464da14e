import type { ReceiptRecord } from '../receipt';
import type { ReceiptRepository } from '../storage/receipt-repository';
import { MAX_AUTOMATIC_ATTEMPTS, retriesAutomatically, retryDelay } from './retry-policy';
import { scanErrors, toScanError, type ScanError } from '../scan-error';
import type { ScanTarget } from '../protocol';
import { createRunningScans, type StopReason } from './running-scans';
import type { ScanOutcome, Scanner } from './scan-pipeline';

export interface ScanQueueEnv {
  repository: ReceiptRepository;
  scanner: Scanner;
  concurrency: () => Promise<number>;
  now: () => number;
  /** 0 ≤ random() < 1, for the jitter. */
  random: () => number;
  /** Wakes the queue at that time even if the worker was stopped meanwhile (an alarm); null cancels. */
  scheduleWake: (at: number | null) => void;
  /** Keeps the worker alive while scans run. */
  keepAlive: { start: () => void; stop: () => void };
  /** Told whenever the number of unfinished scans may have changed. */
  onCountChanged: (unfinished: number) => void;
  /** Told when a scan ends for good: done, failed, or found to be a duplicate. */
  onSettled: (receiptId: string, outcome: ScanOutcome | { kind: 'failed'; error: ScanError }) => void;
  /** Whether scans may start (the user has been told where receipts go); queued ones wait until then. Always, unless given. */
  mayStart?: () => Promise<boolean>;
}

export const WATCHDOG_MS = 60_000;
const IN_FLIGHT = ['downloading', 'uploading', 'reading'] as const;
const UNFINISHED = new Set<string>(['queued', ...IN_FLIGHT]);


export function createScanQueue(env: ScanQueueEnv) {
  const { repository, scanner } = env;
  const running = createRunningScans();
  let pumping: Promise<void> | null = null;
  let pumpAgain = false;

  async function afterFailure(id: string, error: ScanError): Promise<void> {
    const receipt = await repository.get(id);
    if (!receipt) return;
    const attempts = (receipt.job?.attempts ?? 0) + 1;
    const job = receipt.job ? { ...receipt.job, attempts } : null;
    if (job && retriesAutomatically(error) && attempts < MAX_AUTOMATIC_ATTEMPTS) {
      const notBefore = env.now() + retryDelay(error, attempts, env.random);
      await scanner.requeue(id, { error, job: { ...job, notBefore } });
    } else {
      await repository.update(id, (current) => ({ ...current, job }));
      await scanner.markFailed(id, error);
      env.onSettled(id, { kind: 'failed', error });
    }
  }

  /** A stopped scan ends as the user asked: cancelled stays failed with its original; deleted leaves nothing, unless Undo already put it back. */
  async function afterStop(id: string, reason: StopReason): Promise<void> {
    const receipt = await repository.get(id);
    if (!receipt) return;
    if (reason === 'deleted') {
      if (UNFINISHED.has(receipt.status) && !running.has(id)) await scanner.requeue(id);
      return;
    }
    const error = scanErrors.cancelled();
    await scanner.markFailed(id, error);
    env.onSettled(id, { kind: 'failed', error });
  }

  function start(receipt: ReceiptRecord): void {
    const { id } = receipt;
    const run = running.start(id);
    const answered = () => {
      run.freeSlot();
      void queue.pump();
    };
    void scanner
      .process(id, run.signal, answered)
      .then(
        (outcome) => {
          if (run.stopReason() !== 'deleted') env.onSettled(id, outcome);
        },
        (error: unknown) => {
          const reason = run.stopReason();
          run.release();
          return reason ? afterStop(id, reason) : afterFailure(id, toScanError(error));
        },
      )
      .catch(() => undefined)
      .finally(() => {
        run.release();
        void queue.pump();
      });
  }

  async function pumpOnce(): Promise<void> {
    // The queue and the settings are read side by side: a free slot starts its scan sooner.
    const [queued, limit] = await Promise.all([repository.listByStatus('queued'), (async () => ((await (env.mayStart?.() ?? true)) ? env.concurrency() : 0))()]);
    const now = env.now();
    const ready = queued.filter((receipt) => !running.has(receipt.id) && (receipt.job?.notBefore ?? 0) <= now).sort((a, b) => a.capturedAt - b.capturedAt);
    for (const receipt of ready) {
      if (running.slotsTaken() >= limit) break;
      start(receipt);
    }
    const waiting = queued.filter((receipt) => !running.has(receipt.id) && (receipt.job?.notBefore ?? 0) > now);
    // While scans run, a wake-up stays a minute ahead: if the browser stops the worker anyway, it starts again and resumes them.
    const watchdog = running.count() > 0 ? now + WATCHDOG_MS : null;
    const nextWake = [...waiting.map((receipt) => receipt.job?.notBefore ?? now), ...(watchdog === null ? [] : [watchdog])].reduce<number | null>(
      (soonest, at) => Math.min(soonest ?? Infinity, at),
      null,
    );
    env.scheduleWake(nextWake);
    if (running.count() > 0) env.keepAlive.start();
    else env.keepAlive.stop();
    // A job just started may still be marked queued: count each scan once.
    env.onCountChanged(new Set([...queued.map((receipt) => receipt.id), ...running.ids()]).size);
  }

  const queue = {
    /** Starts as many ready jobs as the concurrency allows; safe to call any time, from anywhere. */
    async pump(): Promise<void> {
      if (pumping) {
        pumpAgain = true;
        return pumping;
      }
      pumping = (async () => {
        do {
          pumpAgain = false;
          await pumpOnce();
        } while (pumpAgain);
      })().finally(() => {
        pumping = null;
      });
      return pumping;
    },

    /** `captured`: the image's bytes when they are already in hand (a selected area of a page). */
    async add(target: ScanTarget, batchId: string | null = null, captured?: Uint8Array): Promise<ReceiptRecord> {
      const receipt = await scanner.capture(target, batchId, captured);
      if (receipt.status === 'failed' && receipt.error) env.onSettled(receipt.id, { kind: 'failed', error: receipt.error });
      await queue.pump();
      return receipt;
    },

    /** Queues a page's images as one batch; each scan still succeeds or fails on its own. */
    async addBatch(targets: ScanTarget[], batchId: string): Promise<ReceiptRecord[]> {
      const receipts: ReceiptRecord[] = [];
      for (const target of targets) {
        const receipt = await scanner.capture(target, batchId);
        if (receipt.status === 'failed' && receipt.error) env.onSettled(receipt.id, { kind: 'failed', error: receipt.error });
        receipts.push(receipt);
      }
      await queue.pump();
      return receipts;
    },

    /** A manual retry always runs, with a fresh count of automatic attempts. */
    async retry(id: string): Promise<void> {
      const receipt = await repository.get(id);
      if (!receipt || receipt.status === 'done' || running.has(id)) return;
      const job = receipt.job ?? { srcUrl: receipt.source.imageUrl, tabId: null, frameId: 0, attempts: 0, notBefore: 0, batchId: null };
      await scanner.requeue(id, { error: null, job: { ...job, attempts: 0, notBefore: 0 } });
      await queue.pump();
    },

    /** Cancel: a running scan is aborted, a waiting one taken out of the queue; both end failed with Retry, keeping any stored original. */
    async cancel(id: string): Promise<void> {
      if (!running.stop(id, 'cancelled')) {
        const receipt = await repository.get(id);
        if (receipt && UNFINISHED.has(receipt.status)) await afterStop(id, 'cancelled');
      }
      await queue.pump();
    },

    /** The popup deleted these receipts: their scans stop now and free their slots. */
    async deleted(ids: string[]): Promise<void> {
      for (const id of ids) running.stop(id, 'deleted');
      await queue.pump();
    },

    /** Undo put these receipts back: one deleted mid-scan goes back to the queue (unless its stopped run is still unwinding; it requeues then). */
    async restored(ids: string[]): Promise<void> {
      for (const id of ids) {
        const receipt = running.has(id) ? undefined : await repository.get(id);
        if (receipt && IN_FLIGHT.some((status) => status === receipt.status)) await scanner.requeue(id);
      }
      await queue.pump();
    },

    /** At worker start nothing runs: scans cut off mid-flight go back to the queue and continue from what is stored. */
    async resume(): Promise<void> {
      for (const receipt of await repository.listByStatus(...IN_FLIGHT)) {
        if (!running.has(receipt.id)) await scanner.requeue(receipt.id);
      }
      await queue.pump();
    },

    isRunning: (id: string) => running.has(id),
  };
  return queue;
}

export type ScanQueue = ReturnType<typeof createScanQueue>;
