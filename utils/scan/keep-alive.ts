export interface IntervalTimers {
  setInterval: (run: () => void, ms: number) => ReturnType<typeof setInterval>;
  clearInterval: (timer: ReturnType<typeof setInterval>) => void;
}

/** Calls `ping` every 25 s while started: an extension API call keeps an MV3 worker from being stopped. */
export function createKeepAlive(ping: () => unknown, timers: IntervalTimers, everyMs = 25_000) {
  let timer: ReturnType<typeof setInterval> | null = null;
  return {
    start() {
      timer ??= timers.setInterval(() => void ping(), everyMs);
    },
    stop() {
      if (timer !== null) timers.clearInterval(timer);
      timer = null;
    },
    get active() {
      return timer !== null;
    },
  };
}
