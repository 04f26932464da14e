import { render } from 'preact';
import { useEffect, useMemo, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { OptionsForm } from '@/components/OptionsForm';
import { createSettingsStore, type Settings } from '@/utils/settings';
import '@/components/style.css';

function OptionsPage() {
  const store = useMemo(() => createSettingsStore(browser.storage.local), []);
  const [settings, setSettings] = useState<Settings | null>(null);
  useEffect(() => void store.load().then(setSettings), [store]);
  return (
    <main>
      <h1>Receipt Scanner options</h1>
      {settings ? <OptionsForm initial={settings} onSave={store.save} /> : <p>Loading...</p>}
    </main>
  );
}

const root = document.getElementById('app');
if (root) render(<OptionsPage />, root);
