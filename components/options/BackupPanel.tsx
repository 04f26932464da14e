import { useState } from 'preact/hooks';

interface Props {
  onExport: () => Promise<string>;
  onImport: (file: File) => Promise<{ ok: boolean; message: string }>;
}

/** Export everything to one file, or restore from one; a bad file is refused with a reason and imports nothing. */
export function BackupPanel({ onExport, onImport }: Props) {
  const [status, setStatus] = useState<{ ok: boolean; message: string } | null>(null);
  const [busy, setBusy] = useState(false);

  async function run(action: () => Promise<{ ok: boolean; message: string }>) {
    setBusy(true);
    setStatus(null);
    try {
      setStatus(await action());
    } finally {
      setBusy(false);
    }
  }

  return (
    <section class="backup" aria-labelledby="backup-title">
      <h2 id="backup-title">Backup</h2>
      <p class="hint">
        A backup is one .zip file with every receipt, its fields and its original image, checked by SHA-256 when it is restored. It never
        contains your API key.
      </p>
      <div class="form-actions">
        <button type="button" disabled={busy} onClick={() => void run(async () => ({ ok: true, message: await onExport() }))}>
          Export backup
        </button>
        <label class="file-button">
          <span>Import backup</span>
          <input
            type="file"
            accept=".zip,application/zip"
            disabled={busy}
            onChange={(event) => {
              const file = event.currentTarget.files?.[0];
              event.currentTarget.value = '';
              if (file) void run(() => onImport(file));
            }}
          />
        </label>
      </div>
      {busy && <p role="status">Working...</p>}
      {status && (
        <p role={status.ok ? 'status' : 'alert'} class={status.ok ? 'notice' : 'error'}>
          {status.message}
        </p>
      )}
    </section>
  );
}
