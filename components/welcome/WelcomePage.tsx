import { useState } from 'preact/hooks';
import { describedBy, Field } from '../shared/Field';
import { DEMO_API_KEY, type OcrReader } from '@/utils/settings';

export const FREE_KEY_URL = 'https://ocr.space/ocrapi/freekey';

interface Props {
  apiKey: string;
  reader: OcrReader;
  /** Saves who reads the receipts. */
  onChooseReader: (reader: OcrReader) => Promise<void>;
  sampleUrl: string;
  /** Saves the key; answers with what is wrong, or null. */
  onSaveKey: (apiKey: string) => Promise<string | null>;
  /** Queues the bundled sample receipt; answers with a sentence for the user. */
  onScanSample: () => Promise<string>;
  optionsUrl: string;
}

/** The first page a new user sees: what the extension does, where receipts go, the key, and a sample to try. */
export function WelcomePage({ apiKey, reader, onChooseReader, sampleUrl, onSaveKey, onScanSample, optionsUrl }: Props) {
  const [key, setKey] = useState(apiKey);
  const [chosen, setChosen] = useState(reader);
  const [readerStatus, setReaderStatus] = useState('');

  async function choose(next: OcrReader) {
    setChosen(next);
    await onChooseReader(next);
    setReaderStatus(next === 'on-device' ? 'Saved: receipts are read on this device and never leave it.' : 'Saved: receipts are read by OCR.space.');
  }
  const [keyError, setKeyError] = useState<string | null>(null);
  const [keyStatus, setKeyStatus] = useState('');
  const [scanStatus, setScanStatus] = useState('');
  const [scanning, setScanning] = useState(false);

  async function saveKey(event: Event) {
    event.preventDefault();
    setKeyStatus('');
    const error = await onSaveKey(key.trim());
    setKeyError(error);
    if (!error) setKeyStatus(key.trim() === DEMO_API_KEY ? 'Saved: scans use the demo key.' : 'Saved: scans use your key.');
  }

  async function scanSample() {
    setScanning(true);
    setScanStatus(await onScanSample());
    setScanning(false);
  }

  return (
    <main class="welcome">
      <h1>Welcome to Receipt Scanner</h1>
      <p>
        Right-click a receipt image on any web page and choose <strong>Scan receipt</strong>. The extension keeps the original image, reads the
        merchant, date, total, tax and items from it, and lists the receipt in its toolbar popup, where you can correct it and export CSV for your
        spreadsheet or accounting app.
      </p>

      <section aria-labelledby="where-heading">
        <h2 id="where-heading">Where your receipts go</h2>
        <p>
          Unless you choose to read receipts on this device (below), to read a receipt the extension sends its image to <a href="https://ocr.space/ocrapi">OCR.space</a>, a text-recognition service, over
          HTTPS, with the API key below. Nothing is sent before you have seen this page. Your receipts, their originals and your key stay in this
          browser; nothing else leaves it.
        </p>
      </section>

      <fieldset class="reader-choice">
        <legend>Who reads your receipts</legend>
        <label>
          <input type="radio" name="reader" value="ocr-space" checked={chosen === 'ocr-space'} onChange={() => void choose('ocr-space')} /> OCR.space: reads best; the image
          is sent to it
        </label>
        <label>
          <input type="radio" name="reader" value="on-device" checked={chosen === 'on-device'} onChange={() => void choose('on-device')} /> On this device: private and
          offline, no key needed; reads less well and takes a few seconds a receipt (about 6 MB of engine files, shipped in the extension)
        </label>
        {readerStatus && <p role="status">{readerStatus}</p>}
      </fieldset>

      <section aria-labelledby="key-heading">
        <h2 id="key-heading">Your OCR.space key</h2>
        <p>
          The demo key <code>{DEMO_API_KEY}</code> works at once but allows only about 10 scans per 10 minutes. A{' '}
          <a href={FREE_KEY_URL}>free personal key</a> allows 500 scans a day and images up to 1 MB; it arrives by email in a minute.
        </p>
        <form class="key-row" onSubmit={saveKey}>
          <Field id="welcome-key" label="API key" error={keyError ?? undefined}>
            <input
              {...describedBy('welcome-key', keyError ?? undefined, false)}
              value={key}
              autoComplete="off"
              spellcheck={false}
              onInput={(event) => setKey(event.currentTarget.value)}
            />
          </Field>
          <button type="submit">Save key</button>
        </form>
        <p class="status-line" role="status">
          {keyStatus}
        </p>
      </section>

      <section aria-labelledby="try-heading">
        <h2 id="try-heading">Try it on a sample</h2>
        <div class="sample">
          <img src={sampleUrl} alt="A sample receipt from Corner Cafe, Bristol, total GBP 15.10" width={240} height={228} />
          <div>
            <p>This receipt comes with the extension. Scan it to see what a scan does; the result appears in the toolbar popup.</p>
            <button type="button" onClick={scanSample} disabled={scanning}>
              Scan the sample receipt
            </button>
            <p class="status-line" role="status">
              {scanStatus}
            </p>
          </div>
        </div>
      </section>

      <p>
        Language, date order, default currency and more are in the <a href={optionsUrl}>options</a>.
      </p>
    </main>
  );
}
