import { spawn, type ChildProcess } from 'node:child_process';
import { cp, mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Readable, Writable } from 'node:stream';
import { CHROMIUM, chromiumFlags } from './chromium-flags';
import { EXTENSION_DIR } from './launch-extension';
import { waitForInstallWelcome } from './install-welcome';


interface CdpMessage {
  id?: number;
  method?: string;
  params?: Record<string, unknown>;
  sessionId?: string;
  result?: Record<string, unknown>;
  error?: { message: string };
}

export interface TargetInfo {
  targetId: string;
  type: string;
  url: string;
}

/**
 * Chromium driven over its DevTools pipe with nothing attached but what the test attaches.
 * Playwright keeps a session on every service worker, and Chrome never stops a worker a debugger holds;
 * here the test can let go of the worker and then stop it, as Chrome does to an idle one.
 */
export async function launchRawChromium(extensionDir: string = EXTENSION_DIR) {
  const profileDir = await mkdtemp(join(tmpdir(), 'receipt-scanner-raw-'));
  const loadedDir = join(profileDir, 'extension');
  await cp(extensionDir, loadedDir, { recursive: true });
  await mkdir(join(profileDir, 'profile'), { recursive: true });
  const browser: ChildProcess = spawn(
    CHROMIUM,
    [...chromiumFlags(loadedDir), '--remote-debugging-pipe', `--user-data-dir=${join(profileDir, 'profile')}`, 'about:blank'],
    { stdio: ['ignore', 'ignore', 'ignore', 'pipe', 'pipe'] },
  );
  const input = browser.stdio[3] as Writable;
  const output = browser.stdio[4] as Readable;

  let nextId = 1;
  const pending = new Map<number, { resolve: (result: Record<string, unknown>) => void; reject: (error: Error) => void }>();
  const listeners = new Set<(message: CdpMessage) => void>();
  let buffered = '';
  output.setEncoding('utf8');
  output.on('data', (chunk: string) => {
    buffered += chunk;
    let end = buffered.indexOf('\0');
    while (end !== -1) {
      const message = JSON.parse(buffered.slice(0, end)) as CdpMessage;
      buffered = buffered.slice(end + 1);
      end = buffered.indexOf('\0');
      const waiting = message.id === undefined ? undefined : pending.get(message.id);
      if (waiting && message.id !== undefined) {
        pending.delete(message.id);
        if (message.error) waiting.reject(new Error(message.error.message));
        else waiting.resolve(message.result ?? {});
      }
      for (const listener of listeners) listener(message);
    }
  });

  function send(method: string, params: Record<string, unknown> = {}, sessionId?: string, timeoutMs = 10_000): Promise<Record<string, unknown>> {
    const id = nextId++;
    input.write(`${JSON.stringify({ id, method, params, ...(sessionId ? { sessionId } : {}) })}\0`);
    return new Promise((resolvePromise, reject) => {
      const timer = setTimeout(() => {
        pending.delete(id);
        reject(new Error(`${method} got no answer within ${timeoutMs} ms`));
      }, timeoutMs);
      pending.set(id, {
        resolve: (result) => (clearTimeout(timer), resolvePromise(result)),
        reject: (error) => (clearTimeout(timer), reject(error)),
      });
    });
  }

  /** Resolves with the first event of that name whose params satisfy the test. */
  function waitForEvent(method: string, test: (params: Record<string, unknown>) => boolean, timeoutMs = 15_000): Promise<Record<string, unknown>> {
    return new Promise((resolvePromise, reject) => {
      const timer = setTimeout(() => {
        listeners.delete(listener);
        reject(new Error(`No ${method} within ${timeoutMs} ms`));
      }, timeoutMs);
      const listener = (message: CdpMessage) => {
        if (message.method !== method || !message.params || !test(message.params)) return;
        clearTimeout(timer);
        listeners.delete(listener);
        resolvePromise(message.params);
      };
      listeners.add(listener);
    });
  }

  async function targets(): Promise<TargetInfo[]> {
    return ((await send('Target.getTargets')).targetInfos as TargetInfo[]) ?? [];
  }

  const isWorker = (target: TargetInfo) => target.type === 'service_worker' && target.url.endsWith('/background.js');

  /** The extension's worker once its script has run: a worker target exists before its extension APIs do. */
  async function findWorker(timeoutMs = 15_000): Promise<TargetInfo> {
    const deadline = Date.now() + timeoutMs;
    while (Date.now() < deadline) {
      const worker = (await targets()).find(isWorker);
      const ready = worker && (await evaluate<boolean>(worker.targetId, `typeof chrome === 'object' && Boolean(chrome.runtime?.id)`, 2_000).catch(() => false));
      if (worker && ready) return worker;
      await new Promise((wait) => setTimeout(wait, 100));
    }
    throw new Error('The extension service worker did not start');
  }

  /** Evaluates an expression in a target through a session opened and closed for this one call. */
  async function evaluate<T>(targetId: string, expression: string, timeoutMs = 10_000): Promise<T> {
    const { sessionId } = (await send('Target.attachToTarget', { targetId, flatten: true })) as { sessionId: string };
    try {
      const answer = await send('Runtime.evaluate', { expression, awaitPromise: true, returnByValue: true }, sessionId, timeoutMs);
      const details = answer.exceptionDetails as { exception?: { description?: string }; text?: string } | undefined;
      if (details) throw new Error(details.exception?.description ?? details.text ?? 'evaluation failed');
      return (answer.result as { value: T }).value;
    } finally {
      await send('Target.detachFromTarget', { sessionId }).catch(() => undefined);
    }
  }

  // The install opens the welcome page: the launch waits for it, as launch-extension does.
  const installed = await findWorker();
  const seen = `chrome.storage.local.get('welcomeSeenAt').then((stored) => stored.welcomeSeenAt !== undefined)`;
  await waitForInstallWelcome(() => evaluate<boolean>(installed.targetId, seen).catch(() => false));

  return {
    send,
    waitForEvent,
    targets,
    findWorker,
    evaluate,
    async close() {
      const exited = new Promise((done) => (browser.exitCode !== null ? done(null) : browser.once('exit', done)));
      browser.kill('SIGKILL');
      await exited;
      await rm(profileDir, { recursive: true, force: true, maxRetries: 5, retryDelay: 100 });
    },
  };
}

export type RawChromium = Awaited<ReturnType<typeof launchRawChromium>>;
