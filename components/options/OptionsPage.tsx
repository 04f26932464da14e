import { useEffect, useState } from 'preact/hooks';
import { BackupPanel } from '@/components/options/BackupPanel';
import { OptionsForm } from '@/components/options/OptionsForm';
import { exportBackup, importBackup } from '@/utils/export/backup';
import { saveFile, type SaveFileEnv } from '@/utils/export/original-download';
import { sha256Hex } from '@/utils/image/sha256';
import type { Settings, SettingsStore } from '@/utils/settings';
import type { ReceiptLibrary } from '@/utils/storage/receipt-library';

interface OptionsPageProps {
  store: SettingsStore;
  repository: ReceiptLibrary;
  saveEnv: SaveFileEnv;
}

export function OptionsPage({ store, repository, saveEnv }: OptionsPageProps) {
  const [settings, setSettings] = useState<Settings | null>(null);
  useEffect(() => void store.load().then(setSettings), [store]);

  async function exportAll(): Promise<string> {
    const zip = await new Response(exportBackup(repository, { sha256Hex })).blob();
    const result = await saveFile(new Blob([zip], { type: 'application/zip' }), `receipt-scanner-backup ${new Date().toISOString().slice(0, 10)}.zip`, saveEnv);
    return result.ok ? `Backup saved as ${result.filename}.` : result.message;
  }

  async function importFile(file: File): Promise<{ ok: boolean; message: string }> {
    const result = await importBackup(file, repository, sha256Hex);
    if (!result.ok) return { ok: false, message: result.message };
    const skipped = result.skipped > 0 ? ` ${result.skipped} already here were left as they are.` : '';
    return { ok: true, message: `Imported ${result.imported} ${result.imported === 1 ? 'receipt' : 'receipts'}.${skipped}` };
  }

  return (
    <main>
      <h1>Receipt Scanner options</h1>
      {settings ? <OptionsForm initial={settings} onSave={store.save} /> : <p>Loading...</p>}
      <BackupPanel onExport={exportAll} onImport={importFile} />
    </main>
  );
}
