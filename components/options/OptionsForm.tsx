import { useState } from 'preact/hooks';
import { describedBy, Field } from '../shared/Field';
import { DEMO_API_KEY, type DateOrder, type OcrEngine, type OcrFallback, type OcrReader, type Settings, type SettingsErrors } from '@/utils/settings';

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
  reader: OcrReader;
  fallback: OcrFallback;
  apiKey: string;
  endpoint: string;
  language: string;
  engine: string;
  uploadLimitKb: string;
  downloadLimitMb: string;
  dateOrder: DateOrder;
  defaultCurrency: string;
  concurrency: string;
  downloadDeadlineSeconds: string;
  ocrDeadlineSeconds: string;
  notifications: boolean;
  /** One category a line. */
  categories: string;
}

function toDraft(settings: Settings): Draft {
  return {
    ...settings,
    engine: String(settings.engine),
    concurrency: String(settings.concurrency),
    downloadDeadlineSeconds: String(settings.downloadDeadlineSeconds),
    ocrDeadlineSeconds: String(settings.ocrDeadlineSeconds),
    uploadLimitKb: String(Math.round(settings.uploadLimitBytes / KB)),
    downloadLimitMb: String(Math.round((settings.downloadLimitBytes / MB) * 100) / 100),
    categories: settings.categories.join('\n'),
  };
}

function fromDraft(draft: Draft): Settings {
  return {
    reader: draft.reader,
    fallback: draft.fallback,
    apiKey: draft.apiKey.trim(),
    endpoint: draft.endpoint.trim(),
    language: draft.language,
    engine: Number(draft.engine) as OcrEngine,
    uploadLimitBytes: Math.round(Number(draft.uploadLimitKb) * KB),
    downloadLimitBytes: Math.round(Number(draft.downloadLimitMb) * MB),
    dateOrder: draft.dateOrder,
    defaultCurrency: draft.defaultCurrency.trim().toUpperCase(),
    concurrency: Number(draft.concurrency),
    downloadDeadlineSeconds: Number(draft.downloadDeadlineSeconds),
    ocrDeadlineSeconds: Number(draft.ocrDeadlineSeconds),
    notifications: draft.notifications,
    categories: draft.categories.split('\n').map((category) => category.trim()).filter((category) => category !== ''),
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

  return (
    <form class="options" onSubmit={submit} noValidate>
      <Field id="reader" label="Who reads the receipts" error={errors.reader} hint="On this device, Tesseract reads the image inside the browser: nothing leaves the machine and no key is needed, but it reads less well than OCR.space and takes a few seconds a receipt. Its files (about 6 MB, 4 MB of the download) load only when it is used.">
        <select {...describedBy('reader', errors.reader, true)} value={draft.reader} onChange={set('reader')}>
          <option value="ocr-space">OCR.space (sent to the endpoint below)</option>
          <option value="on-device">On this device (private, offline)</option>
        </select>
      </Field>
      <Field id="fallback" label="When OCR.space is rate-limited or unreachable" error={errors.fallback}>
        <select {...describedBy('fallback', errors.fallback, false)} value={draft.fallback} onChange={set('fallback')}>
          <option value="wait">Wait and try again</option>
          <option value="on-device">Read on this device</option>
        </select>
      </Field>
      <Field id="apiKey" label="API key" error={errors.apiKey} hint={<>
        The demo key <code>{DEMO_API_KEY}</code> works for a try: about 10 scans per 10 minutes. A free personal key from OCR.space
        allows 500 scans a day and files up to 1024 KB. The key stays in this browser and is sent only to the OCR endpoint below.
      </>}>
        <input {...describedBy('apiKey', errors.apiKey, true)} value={draft.apiKey} onInput={set('apiKey')} autocomplete="off" spellcheck={false} />
      </Field>
      <Field id="endpoint" label="OCR endpoint" error={errors.endpoint} hint="Receipt images are sent only here. It must use https:// (http:// only for localhost).">
        <input {...describedBy('endpoint', errors.endpoint, true)} type="url" value={draft.endpoint} onInput={set('endpoint')} spellcheck={false} />
      </Field>
      <Field id="language" label="Language" error={errors.language}>
        <select {...describedBy('language', errors.language, false)} value={draft.language} onChange={set('language')}>
          {LANGUAGES.map(([code, name]) => (
            <option key={code} value={code}>
              {name}
            </option>
          ))}
        </select>
      </Field>
      <Field id="engine" label="OCR engine" error={errors.engine}>
        <select {...describedBy('engine', errors.engine, false)} value={draft.engine} onChange={set('engine')}>
          <option value="1">Engine 1 (fast, many languages)</option>
          <option value="2">Engine 2 (best for receipts and numbers)</option>
          <option value="3">Engine 3 (newest, auto language)</option>
        </select>
      </Field>
      <Field id="uploadLimitKb" label="Upload size limit (KB)" error={errors.uploadLimitBytes} hint="Larger images are shrunk to fit before upload; the saved original is never changed. The free key allows 1024 KB.">
        <input {...describedBy('uploadLimitKb', errors.uploadLimitBytes, true)} type="number" min={100} step={1} value={draft.uploadLimitKb} onInput={set('uploadLimitKb')} />
      </Field>
      <Field id="downloadLimitMb" label="Download limit (MB)" error={errors.downloadLimitBytes} hint="Images larger than this are not downloaded.">
        <input {...describedBy('downloadLimitMb', errors.downloadLimitBytes, true)} type="number" min={0.01} step="any" value={draft.downloadLimitMb} onInput={set('downloadLimitMb')} />
      </Field>
      <Field id="dateOrder" label="Date order" error={errors.dateOrder} hint="How to read dates like 03/04/2024 when the receipt does not make it clear.">
        <select {...describedBy('dateOrder', errors.dateOrder, true)} value={draft.dateOrder} onChange={set('dateOrder')}>
          <option value="auto">Automatic (from the receipt, then this browser's language)</option>
          <option value="dmy">Day / month / year</option>
          <option value="mdy">Month / day / year</option>
          <option value="ymd">Year / month / day</option>
        </select>
      </Field>
      <Field id="defaultCurrency" label="Default currency" error={errors.defaultCurrency} hint="Used when a receipt names no currency.">
        <input {...describedBy('defaultCurrency', errors.defaultCurrency, true)} value={draft.defaultCurrency} onInput={set('defaultCurrency')} maxLength={3} placeholder="e.g. EUR" />
      </Field>
      <Field id="categories" label="Expense categories" error={errors.categories} hint="One a line; offered when you review a receipt, and exported in CSV.">
        <textarea {...describedBy('categories', errors.categories, true)} rows={5} value={draft.categories} onInput={set('categories')} />
      </Field>
      <Field id="concurrency" label="Scans at once" error={errors.concurrency} hint="More scans at once finish a batch sooner but reach the demo key's rate limit faster.">
        <input {...describedBy('concurrency', errors.concurrency, true)} type="number" min={1} max={6} step={1} value={draft.concurrency} onInput={set('concurrency')} />
      </Field>
      <Field id="downloadDeadlineSeconds" label="Download deadline (seconds)" error={errors.downloadDeadlineSeconds} hint="A download still going after this long fails, even if the server sends a byte now and then.">
        <input {...describedBy('downloadDeadlineSeconds', errors.downloadDeadlineSeconds, true)} type="number" min={5} max={3600} step={1} value={draft.downloadDeadlineSeconds} onInput={set('downloadDeadlineSeconds')} />
      </Field>
      <Field id="ocrDeadlineSeconds" label="OCR deadline (seconds)" error={errors.ocrDeadlineSeconds} hint="Upload, answer and reading it must end within this time, or the scan fails.">
        <input {...describedBy('ocrDeadlineSeconds', errors.ocrDeadlineSeconds, true)} type="number" min={5} max={3600} step={1} value={draft.ocrDeadlineSeconds} onInput={set('ocrDeadlineSeconds')} />
      </Field>
      <div class="field checkbox">
        <label>
          <input
            type="checkbox"
            checked={draft.notifications}
            onChange={(event) => {
              setStatus(null);
              setDraft({ ...draft, notifications: event.currentTarget.checked });
            }}
          />
          Notify me when a scan finishes or fails
        </label>
      </div>
      <div class="form-actions">
        <button type="submit">Save</button>
        {status && <span role="status">{status}</span>}
      </div>
    </form>
  );
}
