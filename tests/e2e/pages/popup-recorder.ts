import type { Page } from 'playwright-core';

/** What the popup showed of a receipt in flight, captured by a MutationObserver so fast phases are not missed. */
export interface ProgressSighting {
  receiptId: string;
  /** aria-valuenow of the row's progressbar; null when indeterminate. */
  valueNow: number | null;
  /** The progressbar's accessible name ("Uploading 42%", "Reading text..."), or its row's text when it has none. */
  label: string;
  rowText: string;
}

/** A message from the background as the popup received it, with the popup's clock (the worker's too: one machine). */
export interface ReceivedMessage {
  at: number;
  message: unknown;
}

export interface Recorder {
  sightings: ProgressSighting[];
  events: ReceivedMessage[];
}

// Only ever evaluated inside the popup page.
declare const chrome: { runtime: { onMessage: { addListener(listener: (message: unknown) => void): void } } };
declare global {
  interface Window {
    e2eRecorder?: Recorder;
  }
}

/** Records in the page every message from the background and every progressbar it renders, from now on. */
export async function startRecording(page: Page): Promise<void> {
  await page.evaluate(() => {
    const recorder: Recorder = { sightings: [], events: [] };
    window.e2eRecorder = recorder;
    chrome.runtime.onMessage.addListener((message) => {
      recorder.events.push({ at: Date.now(), message });
    });
    const look = () => {
      for (const bar of Array.from(document.querySelectorAll('li[data-receipt-id] [role="progressbar"]'))) {
        const row = bar.closest('li[data-receipt-id]');
        const valueNow = bar.getAttribute('aria-valuenow');
        const rowText = (row?.textContent ?? '').replace(/\s+/g, ' ').trim();
        const sighting = {
          receiptId: row?.getAttribute('data-receipt-id') ?? '',
          valueNow: valueNow === null ? null : Number(valueNow),
          label: bar.getAttribute('aria-label') ?? rowText,
          rowText,
        };
        const last = recorder.sightings.at(-1);
        if (!last || JSON.stringify(last) !== JSON.stringify(sighting)) recorder.sightings.push(sighting);
      }
    };
    new MutationObserver(look).observe(document.body, { subtree: true, childList: true, attributes: true, characterData: true });
  });
}

/** What the recorder holds so far (empty before it was started). */
export async function readRecording(page: Page): Promise<Recorder> {
  return page.evaluate(() => window.e2eRecorder ?? { sightings: [], events: [] });
}
