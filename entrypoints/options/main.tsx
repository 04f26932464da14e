import { render } from 'preact';
import { browser } from 'wxt/browser';
import { OptionsPage } from '@/components/options/OptionsPage';
import { createPageSaveEnv } from '@/utils/export/original-download';
import { createSettingsStore } from '@/utils/settings';
import { openReceiptDb } from '@/utils/storage/receipt-db';
import { createReceiptLibrary } from '@/utils/storage/receipt-library';
import '@/components/shared/style.css';

const root = document.getElementById('app');
if (root) {
  render(
    <OptionsPage
      store={createSettingsStore(browser.storage.local, navigator.language)}
      repository={createReceiptLibrary(openReceiptDb())}
      saveEnv={createPageSaveEnv((options) => browser.downloads.download(options))}
    />,
    root,
  );
}
