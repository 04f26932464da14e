import { useState } from 'preact/hooks';
import { CSV_PRESETS, type CsvPreset } from '@/utils/export/csv-presets';

interface Props {
  id: string;
  /** Exports in the chosen columns; answers with a sentence shown beside the button. */
  onExport: (preset: CsvPreset) => Promise<string>;
}

/** "Export CSV" with the columns to export in: every field, or what Xero, QuickBooks Online or YNAB import. */
export function ExportCsv({ id, onExport }: Props) {
  const [preset, setPreset] = useState<CsvPreset>('full');
  const [status, setStatus] = useState('');
  return (
    <span class="export-csv">
      <label class="visually-hidden" for={id}>
        CSV columns
      </label>
      <select id={id} value={preset} onChange={(event) => setPreset(event.currentTarget.value as CsvPreset)}>
        {CSV_PRESETS.map((option) => (
          <option key={option.preset} value={option.preset}>
            {option.label}
          </option>
        ))}
      </select>
      <button type="button" class="secondary" onClick={async () => setStatus(await onExport(preset))}>
        Export CSV
      </button>
      <span class="export-status" role="status">
        {status}
      </span>
    </span>
  );
}
