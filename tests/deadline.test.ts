import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { startDeadline } from '../utils/deadline';

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

describe('startDeadline', () => {
  it('aborts when the deadline passes, and says so', () => {
    const deadline = startDeadline(1_000, undefined);
    vi.advanceTimersByTime(999);
    expect([deadline.signal.aborted, deadline.passed()]).toEqual([false, false]);
    vi.advanceTimersByTime(1);
    expect([deadline.signal.aborted, deadline.passed()]).toEqual([true, true]);
  });

  it.each([
    ['while it runs', false],
    ['before it starts', true],
  ])('passes on the caller\'s abort %s, with its reason, and is not the deadline', (_, before) => {
    const caller = new AbortController();
    if (before) caller.abort('cancelled');
    const deadline = startDeadline(1_000, caller.signal);
    if (!before) caller.abort('cancelled');
    expect([deadline.signal.aborted, deadline.signal.reason, deadline.passed()]).toEqual([true, 'cancelled', false]);
  });

  it('never fires once stopped, and has no deadline without a time', () => {
    const stopped = startDeadline(1_000, undefined);
    stopped.stop();
    const endless = startDeadline(undefined, undefined);
    vi.advanceTimersByTime(10_000_000);
    expect([stopped.signal.aborted, endless.signal.aborted]).toEqual([false, false]);
  });
});
