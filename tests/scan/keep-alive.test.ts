import { describe, expect, it, vi } from 'vitest';
import { createKeepAlive } from '../../utils/scan/keep-alive';

describe('keep-alive', () => {
  it('pings every 25 seconds only while started', () => {
    vi.useFakeTimers();
    const ping = vi.fn();
    const keepAlive = createKeepAlive(ping, { setInterval, clearInterval });
    keepAlive.start();
    keepAlive.start();
    vi.advanceTimersByTime(75_000);
    expect(ping).toHaveBeenCalledTimes(3);
    keepAlive.stop();
    vi.advanceTimersByTime(75_000);
    expect(ping).toHaveBeenCalledTimes(3);
    expect(keepAlive.active).toBe(false);
    vi.useRealTimers();
  });
});
