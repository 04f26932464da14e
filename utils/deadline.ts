/** One signal for a step that must end in time: aborted by the caller's signal, or when the deadline passes. */
export function startDeadline(deadlineMs: number | undefined, callerSignal: AbortSignal | undefined) {
  const controller = new AbortController();
  let passed = false;
  const forwardAbort = () => controller.abort(callerSignal?.reason);
  callerSignal?.addEventListener('abort', forwardAbort, { once: true });
  if (callerSignal?.aborted) forwardAbort();
  // Detached: a worker's setTimeout called as a method throws "Illegal invocation".
  const timer =
    deadlineMs === undefined
      ? undefined
      : setTimeout(() => {
          passed = true;
          controller.abort();
        }, deadlineMs);
  return {
    signal: controller.signal,
    /** True once the deadline, not the caller, ended the step. */
    passed: () => passed,
    stop(): void {
      clearTimeout(timer);
      callerSignal?.removeEventListener('abort', forwardAbort);
    },
  };
}
