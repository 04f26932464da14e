import { useState } from 'preact/hooks';
import { DEMO_API_KEY, type DateOrder, type OcrEngine, type Settings, type SettingsErrors } from '@/utils/settings';

const LANGUAGES: [string, string][] = [
  ['eng', 'English'], ['ger', 'German'], ['fre', 'French'], ['spa', 'Spanish'], ['ita', 'Italian'], ['dut', 'Dutch'],
  ['por', 'Portuguese'], ['pol', 'Polish'], ['swe', 'Swedish'], ['dan', 'Danish'], ['fin', 'Finnish'], ['cze', 'Czech'],
  ['hun', 'Hungarian'], ['tur', 'Turkish'], ['rus', 'Russian'], ['gre', 'Greek'], ['jpn', 'Japanese'], ['kor', 'Korean'],
  ['chs', 'Chinese (simplified)'], ['cht', 'Chinese (traditional)'], ['ara', 'Arabic'], ['auto', 'Auto-detect (engine 3)'],
];

const KB = 1024;
const MB = 1024 * 1024;

interface Props {
  initial: Settings;
  onSave: (settings: Settings) => Promise<SettingsErrors>;
}

/** Form text for each setting; numbers are edited in the units people think in. */
interface Draft {
  apiKey: string;
  endpoint: string;
  language: string;
  engine: string;
  uploadLimitKb: string;
  downloadLimitMb: string;
  dateOrder: DateOrder;
  defaultCurrency: string;
}

function toDraft(settings: Settings): Draft {
  return {
    ...settings,
    engine: String(settings.engine),
    uploadLimitKb: String(Math.round(settings.uploadLimitBytes / KB)),
    downloadLimitMb: String(Math.round((settings.downloadLimitBytes / MB) * 100) / 100),
  };
}

function fromDraft(draft: Draft): Settings {
  return {
    apiKey: draft.apiKey.trim(),
    endpoint: draft.endpoint.trim(),
    language: draft.language,
    engine: Number(draft.engine) as OcrEngine,
    uploadLimitBytes: Math.round(Number(draft.uploadLimitKb) * KB),
    downloadLimitBytes: Math.round(Number(draft.downloadLimitMb) * MB),
    dateOrder: draft.dateOrder,
    defaultCurrency: draft.defaultCurrency.trim().toUpperCase(),
  };
}

export function OptionsForm({ initial, onSave }: Props) {
  const [draft, setDraft] = useState(() => toDraft(initial));
  const [errors, setErrors] = useState<SettingsErrors>({});
  const [status, setStatus] = useState<string | null>(null);
  const set = (name: keyof Draft) => (event: { currentTarget: { value: string } }) => {
    setStatus(null);
    setDraft({ ...draft, [name]: event.currentTarget.value });
  };

  async function submit(event: Event) {
    event.preventDefault();
    const problems = await onSave(fromDraft(draft));
    setErrors(problems);
    setStatus(Object.keys(problems).length === 0 ? 'Settings saved.' : null);
  }

  const problem = (name: keyof Settings) =>
    errors[name] ? (
      <small class="field-error" role="alert">
        {errors[name]}
      </small>
    ) : null;

  return (
    <form class="options" onSubmit={submit} noValidate>
      <label class="field">
        <span>API key</span>
        <input name="apiKey" value={draft.apiKey} onInput={set('apiKey')} autocomplete="off" spellcheck={false} aria-invalid={errors.apiKey ? 'true' : undefined} />
        {problem('apiKey')}
        <small class="hint">
          The demo key <code>{DEMO_API_KEY}</code> works for a try: about 10 scans per 10 minutes. A free personal key from OCR.space
          allows 500 scans a day and files up to 1024 KB. The key stays in this browser and is sent only to the OCR endpoint below.
        </small>
      </label>
      <label class="field">
        <span>OCR endpoint</span>
        <input name="endpoint" type="url" value={draft.endpoint} onInput={set('endpoint')} spellcheck={false} aria-invalid={errors.endpoint ? 'true' : undefined} />
        {problem('endpoint')}
        <small class="hint">Receipt images are sent only here. It must use https:// (http:// only for localhost).</small>
      </label>
      <label class="field">
        <span>Language</span>
        <select name="language" value={draft.language} onChange={set('language')}>
          {LANGUAGES.map(([code, name]) => (
            <option key={code} value={code}>
              {name}
            </option>
          ))}
        </select>
        {problem('language')}
      </label>
      <label class="field">
        <span>OCR engine</span>
        <select name="engine" value={draft.engine} onChange={set('engine')}>
          <option value="1">Engine 1 (fast, many languages)</option>
          <option value="2">Engine 2 (best for receipts and numbers)</option>
          <option value="3">Engine 3 (newest, auto language)</option>
        </select>
        {problem('engine')}
      </label>
      <label class="field">
        <span>Upload size limit (KB)</span>
        <input name="uploadLimitKb" type="number" min={100} step={1} value={draft.uploadLimitKb} onInput={set('uploadLimitKb')} aria-invalid={errors.uploadLimitBytes ? 'true' : undefined} />
        {problem('uploadLimitBytes')}
        <small class="hint">Larger images are shrunk to fit before upload; the saved original is never changed. The free key allows 1024 KB.</small>
      </label>
      <label class="field">
        <span>Download limit (MB)</span>
        <input name="downloadLimitMb" type="number" min={0.01} step="any" value={draft.downloadLimitMb} onInput={set('downloadLimitMb')} aria-invalid={errors.downloadLimitBytes ? 'true' : undefined} />
        {problem('downloadLimitBytes')}
      </label>
      <label class="field">
        <span>Date order</span>
        <select name="dateOrder" value={draft.dateOrder} onChange={set('dateOrder')}>
          <option value="auto">Automatic (from the receipt, then this browser's language)</option>
          <option value="dmy">Day / month / year</option>
          <option value="mdy">Month / day / year</option>
          <option value="ymd">Year / month / day</option>
        </select>
        {problem('dateOrder')}
      </label>
      <label class="field">
        <span>Default currency</span>
        <input name="defaultCurrency" value={draft.defaultCurrency} onInput={set('defaultCurrency')} maxLength={3} placeholder="e.g. EUR" aria-invalid={errors.defaultCurrency ? 'true' : undefined} />
        {problem('defaultCurrency')}
        <small class="hint">Used when a receipt names no currency.</small>
      </label>
      <div class="form-actions">
        <button type="submit">Save</button>
        {status && <span role="status">{status}</span>}
      </div>
    </form>
  );
}
