import { render } from 'preact';
import { browser } from 'wxt/browser';
import { ReviewPage } from '@/components/review/ReviewPage';
import { isExtensionMessage, type ScanRequest } from '@/utils/protocol';
import { createSettingsStore } from '@/utils/settings';
import { openReceiptDb } from '@/utils/storage/receipt-db';
import { createReceiptLibrary } from '@/utils/storage/receipt-library';
import { sendFilesToScan } from '@/utils/capture/disk-files';
import '@/components/shared/style.css';

function subscribe(changed: () => void): () => void {
  const listener = (message: unknown) => {
    if (isExtensionMessage(message) && message.type !== 'retry-scan' && message.type !== 'popup-opened' && message.type !== 'scan-batch' && message.type !== 'scan-file') changed();
  };
  browser.runtime.onMessage.addListener(listener);
  return () => browser.runtime.onMessage.removeListener(listener);
}

async function start(root: HTMLElement): Promise<void> {
  const settings = await createSettingsStore(browser.storage.local, navigator.language).load();
  const retry = (receiptId: string) => {
    const request: ScanRequest = { type: 'retry-scan', receiptId };
    void browser.runtime.sendMessage(request).catch(() => undefined);
  };
  render(
    <ReviewPage
      library={createReceiptLibrary(openReceiptDb())}
      locale={navigator.language}
      dateOrder={settings.dateOrder}
      categories={settings.categories}
      initialId={new URLSearchParams(location.search).get('id')}
      subscribe={subscribe}
      onRetry={retry}
      confirmDiscard={() => confirm('This receipt has changes that are not saved. Leave them?')}
      addFiles={(files, pasted) => sendFilesToScan(files, (request) => browser.runtime.sendMessage(request), pasted)}
    />,
    root,
  );
}

const root = document.getElementById('app');
if (root) void start(root);
