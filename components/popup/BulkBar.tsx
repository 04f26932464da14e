import type { CsvPreset } from '@/utils/export/csv-presets';
import { ExportCsv } from './ExportCsv';
interface Props {
  count: number;
  onDelete: () => void;
  onDownload: () => void;
  onExport: (preset: CsvPreset) => Promise<string>;
  onClear: () => void;
}

/** Actions on the selected receipts. */
export function BulkBar({ count, onDelete, onDownload, onExport, onClear }: Props) {
  return (
    <div class="bulk-bar" role="toolbar" aria-label="Selected receipts">
      <span>{count} selected</span>
      <button type="button" class="secondary" onClick={onDownload}>
        Download originals
      </button>
      <ExportCsv id="bulk-csv-columns" onExport={onExport} />
      <button type="button" class="danger" onClick={onDelete}>
        Delete selected
      </button>
      <button type="button" class="link" onClick={onClear}>
        Clear
      </button>
    </div>
  );
}
