/**
 * Waits for the welcome page the install opens to write the locale's settings and mark itself seen. A journey's own
 * settings written earlier could be undone by its late write, and scans wait until it has been seen.
 */
export async function waitForInstallWelcome(seen: () => Promise<boolean>, timeoutMs = 15_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await seen())) {
    if (Date.now() > deadline) throw new Error(`The welcome page opened at install did not finish writing its settings within ${timeoutMs / 1000} s`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
