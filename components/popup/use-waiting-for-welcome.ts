import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { createFirstRun, WELCOME_SEEN_KEY } from '@/utils/first-run';

/** Whether queued scans wait because the welcome page was never opened; follows the page being opened meanwhile. */
export function useWaitingForWelcome(anyQueued: boolean): boolean {
  const [seen, setSeen] = useState(true);
  useEffect(() => {
    void createFirstRun(browser.storage.local).hasSeenWelcome().then(setSeen);
    const onChanged = (changes: Record<string, unknown>) => {
      if (WELCOME_SEEN_KEY in changes) setSeen(true);
    };
    browser.storage.onChanged.addListener(onChanged);
    return () => browser.storage.onChanged.removeListener(onChanged);
  }, []);
  return anyQueued && !seen;
}
