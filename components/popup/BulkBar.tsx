import { useState } from 'preact/hooks';
import type { CsvPreset } from '@/utils/export/csv-presets';
import { ExportCsv } from './ExportCsv';
interface Props {
  count: number;
  onDelete: () => void;
  /** Saves a zip of the originals; answers with a sentence shown in the bar. */
  onDownload: () => Promise<string>;
  onExport: (preset: CsvPreset) => Promise<string>;
  onClear: () => void;
}

/** Actions on the selected receipts. */
export function BulkBar({ count, onDelete, onDownload, onExport, onClear }: Props) {
  const [status, setStatus] = useState('');
  return (
    <div class="bulk-bar" role="toolbar" aria-label="Selected receipts">
      <span>{count} selected</span>
      <button type="button" class="secondary" onClick={async () => setStatus(await onDownload())}>
        Download originals
      </button>
      <ExportCsv id="bulk-csv-columns" onExport={onExport} />
      <button type="button" class="danger" onClick={onDelete}>
        Delete selected
      </button>
      <button type="button" class="link" onClick={onClear}>
        Clear
      </button>
      <span class="action-status" role="status">
        {status}
      </span>
    </div>
  );
}
