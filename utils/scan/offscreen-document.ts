import type { OffscreenAnswer, OffscreenRequest } from '../protocol';
import { ScanFailure, scanErrors } from '../scan-error';

export interface OffscreenEnv {
  /** Opens the reading page if it is not open (Chrome: an offscreen document; Firefox: a frame in the background page). */
  open: () => Promise<void>;
  close: () => Promise<void>;
  send: (request: OffscreenRequest) => Promise<unknown>;
  setTimeout: (run: () => void, ms: number) => unknown;
  clearTimeout: (timer: unknown) => void;
  /** The clock the opening grace is measured on, in milliseconds. */
  now: () => number;
}

/** The page is closed when nothing has asked it anything for this long: pdf.js holds memory. */
export const OFFSCREEN_IDLE_MS = 60_000;
/** A page just opened may not listen yet: asked again for this long. */
const OPENING_GRACE_MS = 3_000;

const isAnswer = (value: unknown): value is OffscreenAnswer => typeof value === 'object' && value !== null && typeof (value as { ok?: unknown }).ok === 'boolean';

/**
 * Asks the reading page for work, opening it on demand (callers at once share one opening) and closing it when
 * idle. Every call has a deadline and stops at its signal; the page's own failures come back as scan errors.
 */
export function createOffscreenDocument(env: OffscreenEnv) {
  let opening: Promise<void> | null = null;
  let inFlight = 0;
  let idleTimer: unknown;

  async function sendWhenListening(request: OffscreenRequest): Promise<unknown> {
    const giveUpAt = env.now() + OPENING_GRACE_MS;
    for (;;) {
      try {
        const answer = await env.send(request);
        if (answer !== undefined || env.now() > giveUpAt) return answer;
      } catch (error) {
        if (env.now() > giveUpAt) throw error;
      }
      await new Promise((resolve) => env.setTimeout(() => resolve(undefined), 100));
    }
  }

  function settle(): void {
    inFlight -= 1;
    if (inFlight > 0) return;
    idleTimer = env.setTimeout(() => {
      opening = null;
      void env.close().catch(() => undefined);
    }, OFFSCREEN_IDLE_MS);
  }

  return async function ask(request: OffscreenRequest, options: { signal?: AbortSignal; deadlineMs: number }): Promise<Extract<OffscreenAnswer, { ok: true }>> {
    options.signal?.throwIfAborted();
    const reader = request.task === 'read-pdf' ? 'pdf' : 'on-device';
    env.clearTimeout(idleTimer);
    inFlight += 1;
    let deadline: unknown;
    let onAbort = () => undefined as void;
    try {
      opening ??= env.open().catch((error: unknown) => {
        opening = null;
        throw new ScanFailure(scanErrors.readerUnavailable(reader, error instanceof Error ? error.message : String(error)));
      });
      const stopped = new Promise<never>((_, reject) => {
        deadline = env.setTimeout(() => reject(new ScanFailure(scanErrors.readerTimeout(reader, Math.round(options.deadlineMs / 1000)))), options.deadlineMs);
        onAbort = () => reject(options.signal?.reason);
        options.signal?.addEventListener('abort', onAbort, { once: true });
      });
      const answer = await Promise.race([opening.then(() => sendWhenListening(request)), stopped]);
      if (!isAnswer(answer)) throw new ScanFailure(scanErrors.readerUnavailable(reader, 'it gave no answer'));
      if (!answer.ok) throw new ScanFailure(answer.error);
      return answer;
    } finally {
      env.clearTimeout(deadline);
      options.signal?.removeEventListener('abort', onAbort);
      settle();
    }
  };
}

/** Opening and closing the reading page: Chrome's offscreen API, or (Firefox) a frame in the background page. */
export type ReadingPage = Pick<OffscreenEnv, 'open' | 'close'>;

export interface OffscreenApi {
  createDocument(parameters: { url: string; reasons: ['WORKERS']; justification: string }): Promise<void>;
  closeDocument(): Promise<void>;
  hasDocument?(): Promise<boolean>;
}

export function offscreenDocumentPage(offscreen: OffscreenApi, url: string): ReadingPage {
  return {
    async open() {
      if (await offscreen.hasDocument?.()) return;
      await offscreen.createDocument({ url, reasons: ['WORKERS'], justification: 'pdf.js and Tesseract read receipts in workers' }).catch((error: unknown) => {
        // Another caller opened it meanwhile.
        if (!/single offscreen document/i.test(String(error))) throw error;
      });
    },
    close: () => offscreen.closeDocument(),
  };
}

export function backgroundFramePage(page: Document, url: string): ReadingPage {
  let frame: HTMLIFrameElement | null = null;
  return {
    async open() {
      frame?.remove();
      const opened = page.createElement('iframe');
      opened.src = url;
      await new Promise<void>((resolve, reject) => {
        opened.addEventListener('load', () => resolve(), { once: true });
        opened.addEventListener('error', () => reject(new Error('the reading page did not load')), { once: true });
        page.body.append(opened);
      });
      frame = opened;
    },
    async close() {
      frame?.remove();
      frame = null;
    },
  };
}

export function createOffscreenEnv(page: ReadingPage, sendMessage: (message: unknown) => Promise<unknown>): OffscreenEnv {
  return {
    ...page,
    send: (request) => sendMessage(request),
    setTimeout: (run, ms) => setTimeout(run, ms),
    clearTimeout: (timer) => clearTimeout(timer as ReturnType<typeof setTimeout>),
    now: () => Date.now(),
  };
}
