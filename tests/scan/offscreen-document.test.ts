import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { OffscreenRequest } from '../../utils/protocol';
import { scanErrors } from '../../utils/scan-error';
import { createOffscreenDocument, OFFSCREEN_IDLE_MS, type OffscreenEnv } from '../../utils/scan/offscreen-document';

const request: OffscreenRequest = { target: 'offscreen', task: 'read-pdf', base64: 'JVBERg==', limitBytes: 1000 };
const textAnswer = { ok: true, kind: 'text', page: { text: 'TOTAL 9.00', lines: [] }, pageCount: 1 } as const;

function environment(send: OffscreenEnv['send'] = async () => textAnswer) {
  const env = {
    open: vi.fn(async () => undefined),
    close: vi.fn(async () => undefined),
    send: vi.fn(send),
    setTimeout: (run: () => void, ms: number) => setTimeout(run, ms),
    clearTimeout: (timer: unknown) => clearTimeout(timer as ReturnType<typeof setTimeout>),
    now: () => Date.now(),
  };
  return env;
}

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

describe('the page that reads PDFs', () => {
  it('is opened once for callers at once, answers each, and is closed when idle', async () => {
    const env = environment();
    const ask = createOffscreenDocument(env);
    const answers = await Promise.all([ask(request, { deadlineMs: 5000 }), ask(request, { deadlineMs: 5000 })]);
    expect(answers).toEqual([textAnswer, textAnswer]);
    expect(env.open).toHaveBeenCalledOnce();
    await vi.advanceTimersByTimeAsync(OFFSCREEN_IDLE_MS - 1);
    expect(env.close).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(1);
    expect(env.close).toHaveBeenCalledOnce();
    await ask(request, { deadlineMs: 5000 });
    expect(env.open).toHaveBeenCalledTimes(2);
  });

  it('gives the failure the page reports as the scan error', async () => {
    const ask = createOffscreenDocument(environment(async () => ({ ok: false, error: scanErrors.pdfUnreadable('it is damaged or not a PDF.') })));
    await expect(ask(request, { deadlineMs: 5000 })).rejects.toMatchObject({ error: scanErrors.pdfUnreadable('it is damaged or not a PDF.') });
  });

  it('stops waiting at its deadline, with a sentence', async () => {
    const ask = createOffscreenDocument(environment(() => new Promise(() => undefined)));
    const asked = ask(request, { deadlineMs: 5000 });
    const failed = expect(asked).rejects.toMatchObject({ error: scanErrors.readerTimeout('pdf', 5) });
    await vi.advanceTimersByTimeAsync(5000);
    await failed;
  });

  it('stops at once when the scan is cancelled', async () => {
    const ask = createOffscreenDocument(environment(() => new Promise(() => undefined)));
    const controller = new AbortController();
    const asked = ask(request, { deadlineMs: 5000, signal: controller.signal });
    controller.abort(new Error('cancelled'));
    await expect(asked).rejects.toThrow('cancelled');
  });

  it('asks a page that has just opened again until it listens', async () => {
    let calls = 0;
    const ask = createOffscreenDocument(environment(async () => (++calls < 3 ? Promise.reject(new Error('Receiving end does not exist.')) : textAnswer)));
    const asked = ask(request, { deadlineMs: 5000 });
    await vi.advanceTimersByTimeAsync(300);
    expect(await asked).toEqual(textAnswer);
  });

  it('stops asking a page that never listens when its opening grace is over, on the clock it is given', async () => {
    let clock = 0;
    const env = { ...environment(async () => Promise.reject(new Error('Receiving end does not exist.'))), now: () => clock };
    const ask = createOffscreenDocument(env);
    const asked = ask(request, { deadlineMs: 60_000 });
    const failed = expect(asked).rejects.toThrow('Receiving end does not exist.');
    await vi.advanceTimersByTimeAsync(1000);
    expect(env.send.mock.calls.length).toBeGreaterThan(5);
    clock = 3001;
    await vi.advanceTimersByTimeAsync(100);
    await failed;
    const calls = env.send.mock.calls.length;
    await vi.advanceTimersByTimeAsync(1000);
    expect(env.send.mock.calls.length).toBe(calls);
  });

  it('says the reader did not start when the page cannot open, and tries again next time', async () => {
    const env = environment();
    env.open.mockRejectedValueOnce(new Error('no offscreen API'));
    const ask = createOffscreenDocument(env);
    await expect(ask(request, { deadlineMs: 5000 })).rejects.toMatchObject({ error: scanErrors.readerUnavailable('pdf', 'no offscreen API') });
    expect(await ask(request, { deadlineMs: 5000 })).toEqual(textAnswer);
  });
});
