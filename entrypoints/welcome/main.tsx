import { render } from 'preact';
import { browser } from 'wxt/browser';
import { WelcomePage } from '@/components/welcome/WelcomePage';
import { readSampleTarget } from '@/utils/capture/sample-receipt';
import { createFirstRun } from '@/utils/first-run';
import type { BatchStarted, ScanRequest } from '@/utils/protocol';
import { createSettingsStore } from '@/utils/settings';
import '@/components/shared/style.css';

const SAMPLE_PATH = '/sample-receipt.png';

async function start(root: HTMLElement): Promise<void> {
  const settings = createSettingsStore(browser.storage.local, navigator.language);
  // Seen once is enough: from now on scans may be sent.
  await settings.keepLocaleDefaults();
  await createFirstRun(browser.storage.local).markWelcomeSeen(Date.now());
  const current = await settings.load();

  async function saveKey(apiKey: string): Promise<string | null> {
    const errors = await settings.save({ ...(await settings.load()), apiKey });
    return errors.apiKey ?? null;
  }

  async function scanSample(): Promise<string> {
    const target = await readSampleTarget(browser.runtime.getURL(SAMPLE_PATH), location.href, (url) => fetch(url));
    const request: ScanRequest = { type: 'scan-batch', targets: [target] };
    const started = (await browser.runtime.sendMessage(request).catch(() => undefined)) as BatchStarted | undefined;
    return started ? 'The sample is being scanned: open Receipt Scanner from the toolbar to watch it.' : 'The extension did not answer. Reload this page and try again.';
  }

  render(
    <WelcomePage
      apiKey={current.apiKey}
      reader={current.reader}
      onChooseReader={async (reader) => void (await settings.save({ ...(await settings.load()), reader }))}
      sampleUrl={browser.runtime.getURL(SAMPLE_PATH)}
      onSaveKey={saveKey}
      onScanSample={scanSample}
      optionsUrl={browser.runtime.getURL('/options.html')}
    />,
    root,
  );
}

const root = document.getElementById('app');
if (root) void start(root);
