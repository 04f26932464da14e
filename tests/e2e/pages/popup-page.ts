import { mkdir } from 'node:fs/promises';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { BrowserContext, Locator, Page } from 'playwright-core';
import type { ScanEvent } from '../../../utils/protocol';
import { readRecording, startRecording } from './popup-recorder';
import type { ProgressSighting, ReceivedMessage } from './popup-recorder';
import { ReceiptDetail } from './receipt-detail';
import { screenshotWholePage } from './whole-page-screenshot';

export type { ProgressSighting, ReceivedMessage } from './popup-recorder';

// Only ever evaluated inside the popup page.
declare const chrome: { runtime: { sendMessage(message: object): Promise<unknown> } };

export const ARTIFACTS_DIR = fileURLToPath(new URL('../artifacts', import.meta.url));

/** The extension's popup (popup.html), kept open in a tab: it updates live from the background's messages. */
export class PopupPage {
  private constructor(readonly page: Page) {}

  static async open(context: BrowserContext, extensionId: string): Promise<PopupPage> {
    const page = await context.newPage();
    await page.goto(`chrome-extension://${extensionId}/popup.html`);
    await page.waitForLoadState('load');
    const popup = new PopupPage(page);
    await startRecording(page);
    return popup;
  }

  /** Reloads the popup (as closing and opening it again would) and records afresh. */
  async reload(): Promise<void> {
    await this.page.reload();
    await this.page.waitForLoadState('load');
    await startRecording(this.page);
  }

  /** Asks the background to retry without the button, as the button does (the `retry-scan` message). */
  async requestRetry(receiptId: string): Promise<void> {
    await this.page.evaluate((id) => chrome.runtime.sendMessage({ type: 'retry-scan', receiptId: id }), receiptId);
  }

  async progressSightings(receiptId?: string): Promise<ProgressSighting[]> {
    const { sightings } = await readRecording(this.page);
    return receiptId === undefined ? sightings : sightings.filter((sighting) => sighting.receiptId === receiptId);
  }

  /** Every message the popup received since it opened (or was reloaded). */
  async messages(): Promise<ReceivedMessage[]> {
    return (await readRecording(this.page)).events;
  }

  /** The background's broadcasts about one receipt, with when they arrived. */
  async eventsFor(receiptId: string): Promise<{ at: number; event: ScanEvent }[]> {
    return (await this.messages()).flatMap(({ at, message }) => {
      const event = message as ScanEvent;
      return typeof event === 'object' && event !== null && event.receiptId === receiptId ? [{ at, event }] : [];
    });
  }

  /** The background's `receipt-progress` broadcasts the popup received. */
  async progressEvents(receiptId: string): Promise<Extract<ScanEvent, { type: 'receipt-progress' }>[]> {
    return (await this.eventsFor(receiptId)).flatMap(({ event }) => (event.type === 'receipt-progress' ? [event] : []));
  }

  list(): Locator {
    return this.page.locator('ul[aria-label="Receipts"]');
  }

  rows(): Locator {
    return this.list().locator('li[data-receipt-id]');
  }

  row(receiptId: string): Locator {
    return this.list().locator(`li[data-receipt-id="${receiptId}"]`);
  }

  async receiptIds(): Promise<string[]> {
    return this.rows().evaluateAll((rows) => rows.map((row) => row.getAttribute('data-receipt-id') ?? ''));
  }

  async rowText(receiptId: string): Promise<string> {
    return ((await this.row(receiptId).textContent()) ?? '').replace(/\s+/g, ' ').trim();
  }

  /** Waits until the row's text passes `check`; the popup only re-renders on background messages. */
  async waitForRow(receiptId: string, check: (text: string) => boolean, timeoutMs = 15_000): Promise<string> {
    const deadline = Date.now() + timeoutMs;
    let text = '';
    while (Date.now() < deadline) {
      text = (await this.row(receiptId).count()) > 0 ? await this.rowText(receiptId) : '';
      if (text && check(text)) return text;
      await this.page.waitForTimeout(100);
    }
    throw new Error(`Popup row ${receiptId} never passed the check; last text: "${text}"`);
  }

  /** Waits until the row shows the receipt scanned: no progress bar, no alert; returns the row's text. */
  async waitForDone(receiptId: string, timeoutMs = 15_000): Promise<string> {
    return this.waitForRowState(receiptId, 'done', timeoutMs);
  }

  /** Waits until the row shows an error in its alert (failed, or waiting to try again); returns the alert's text. */
  async waitForError(receiptId: string, timeoutMs = 15_000): Promise<string> {
    return this.waitForRowState(receiptId, 'error', timeoutMs);
  }

  private async waitForRowState(receiptId: string, state: 'done' | 'error', timeoutMs: number): Promise<string> {
    const deadline = Date.now() + timeoutMs;
    while (Date.now() < deadline) {
      const [rows, bars, alerts] = await Promise.all([this.row(receiptId).count(), this.progressbar(receiptId).count(), this.alert(receiptId).count()]);
      if (rows === 1 && bars === 0 && alerts === (state === 'error' ? 1 : 0)) {
        return state === 'error' ? ((await this.alert(receiptId).textContent()) ?? '') : this.rowText(receiptId);
      }
      await this.page.waitForTimeout(50);
    }
    const events = (await this.eventsFor(receiptId)).map(({ event }) => JSON.stringify(event).replace(/"receiptId":"[^"]*",?/, ''));
    throw new Error(
      `Popup row ${receiptId} did not show ${state} within ${timeoutMs} ms; last text: "${await this.rowText(receiptId).catch(() => '')}"; messages the popup got: ${events.join(' ')}`,
    );
  }

  alert(receiptId: string): Locator {
    return this.row(receiptId).getByRole('alert');
  }

  progressbar(receiptId: string): Locator {
    return this.row(receiptId).getByRole('progressbar');
  }

  async retry(receiptId: string, timeoutMs = 5_000): Promise<void> {
    await this.row(receiptId).getByRole('button', { name: 'Retry' }).click({ timeout: timeoutMs });
  }

  /** Presses Cancel on a scan in flight. */
  async cancel(receiptId: string, timeoutMs = 5_000): Promise<void> {
    await this.row(receiptId).getByRole('button', { name: /^Cancel scan of / }).click({ timeout: timeoutMs });
  }

  /** Ticks the receipts' rows and presses "Delete selected". */
  async deleteSelected(receiptIds: string[]): Promise<void> {
    for (const receiptId of receiptIds) await this.row(receiptId).getByRole('checkbox').check();
    await this.page.getByRole('toolbar', { name: 'Selected receipts' }).getByRole('button', { name: 'Delete selected' }).click();
  }

  async openDetail(receiptId: string): Promise<ReceiptDetail> {
    await this.row(receiptId).getByRole('button', { name: 'Open' }).click();
    const detail = new ReceiptDetail(this.page);
    await detail.field('merchant').waitFor({ timeout: 5_000 });
    return detail;
  }

  async screenshot(name: string): Promise<string> {
    await mkdir(ARTIFACTS_DIR, { recursive: true });
    // Thumbnails appear a moment after their rows (object URL, then decode): let them, so the picture shows them.
    await this.page.waitForTimeout(300);
    await this.page
      .waitForFunction(() => Array.from(document.images).every((image) => image.complete && image.naturalWidth > 0), undefined, { timeout: 2_000 })
      .catch(() => undefined); // a broken thumbnail belongs in the picture too
    const path = resolve(ARTIFACTS_DIR, `${name}.png`);
    await screenshotWholePage(this.page, path);
    return path;
  }

  async close(): Promise<void> {
    await this.page.close();
  }
}
