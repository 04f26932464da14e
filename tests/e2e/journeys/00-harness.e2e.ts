import { readFile } from 'node:fs/promises';
import { basename, dirname } from 'node:path';
import { describe, expect, test } from '../fixtures';
import { BROWSER_LOCALE } from '../harness/launch-extension';
import { readReceiptImage, sha256 } from '../harness/receipts-dev';

// Only ever evaluated inside the service worker.
declare const chrome: {
  runtime: { id: string; getManifest(): { name: string; manifest_version: number } };
  downloads: { download(options: { url: string; filename: string; saveAs: boolean }): Promise<number> };
};

// The plumbing every journey relies on; when this fails, no journey result means anything.
describe('the e2e harness', () => {
  test('finds the built extension, its worker and its pages', async ({ journey }) => {
    const { extension } = journey;
    expect(extension.extensionId).toMatch(/^[a-p]{32}$/);
    const worker = await extension.worker();
    const manifest = await worker.evaluate(() => ({ id: chrome.runtime.id, ...chrome.runtime.getManifest() }));
    expect(manifest).toMatchObject({ id: extension.extensionId, name: 'Receipt Scanner', manifest_version: 3 });
    // The parser falls back on the worker's language for ambiguous dates.
    expect(await worker.evaluate(() => navigator.language)).toBe(BROWSER_LOCALE);

    const popup = await journey.openPopup();
    expect(popup.page.url()).toBe(`chrome-extension://${extension.extensionId}/popup.html`);
    expect(await popup.page.title()).toBe('Receipt Scanner');
  });

  test('sets settings and reads an empty receipt database through the worker', async ({ journey }) => {
    const { background, ocr } = journey;
    expect(await background.readSettings()).toEqual({ apiKey: journey.baseSettings.apiKey, endpoint: ocr.http2Url });
    await background.setSettings({ ...journey.baseSettings, uploadLimitBytes: 204_800 });
    expect(await background.readSettings()).toMatchObject({ uploadLimitBytes: 204_800 });
    expect(await background.readReceipts()).toEqual([]);
    expect(await background.readOriginals()).toEqual([]);
  });

  test('serves the shared receipt images byte for byte', async ({ journey }) => {
    const page = await journey.openWebPage(journey.pages.receiptsPageUrl(['sroie-000']));
    const bytes = await page.evaluate(async (url) => Array.from(new Uint8Array(await (await fetch(url)).arrayBuffer())), journey.pages.imageUrl('sroie-000'));
    expect(sha256(Uint8Array.from(bytes))).toBe(sha256(await readReceiptImage('sroie-000')));
    expect(await page.locator('img#sroie-000').evaluate((img: HTMLImageElement) => img.naturalWidth)).toBeGreaterThan(100);
  });

  test('downloads keep the requested file name in the profile download folder', async ({ journey }) => {
    const { background, extension } = journey;
    const worker = await extension.worker();
    await worker.evaluate(() =>
      chrome.downloads.download({ url: 'data:text/plain;base64,aGFybmVzcyBjaGVjaw==', filename: 'harness-check.txt', saveAs: false }),
    );
    const download = await background.waitForDownload();
    expect(basename(download.filename)).toBe('harness-check.txt');
    expect(dirname(download.filename)).toBe(extension.downloadsDir);
    expect(await readFile(download.filename, 'utf8')).toBe('harness check');
  });
});
