import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { readFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { browser, type Browser } from 'wxt/browser';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import background from '../entrypoints/background';
import { WELCOME_SEEN_KEY } from '../utils/first-run';
import { openReceiptDb } from '../utils/storage/receipt-db';
import type { ReceiptRecord } from '../utils/receipt';

const DEV = new URL('../../shared/receipts-dev/', import.meta.url);
const jpeg = new Uint8Array(readFileSync(new URL('images/sroie-000.jpg', DEV)));
const answer = readFileSync(new URL('ocrspace/sroie-000.json', DEV), 'utf8');

type ClickListener = (info: Browser.contextMenus.OnClickData, tab?: Browser.tabs.Tab) => void;

let clickListeners: ClickListener[];
let commandListeners: ((command: string, tab?: Browser.tabs.Tab) => void)[];
let createdMenus: unknown[];
let requests: { url: string; headers: Headers }[];

async function allReceipts(): Promise<ReceiptRecord[]> {
  return (await openReceiptDb()).getAll('receipts');
}

async function waitForStatus(status: ReceiptRecord['status']): Promise<ReceiptRecord> {
  await vi.waitFor(async () => expect((await allReceipts()).map((receipt) => receipt.status)).toEqual([status]), { timeout: 5000 });
  const [receipt] = await allReceipts();
  if (!receipt) throw new Error('no receipt');
  return receipt;
}

beforeEach(async () => {
  fakeBrowser.reset();
  // Most tests start after the welcome page was seen; the first-run tests clear this.
  await fakeBrowser.storage.local.set({ [WELCOME_SEEN_KEY]: 1 });
  globalThis.indexedDB = new IDBFactory();
  clickListeners = [];
  commandListeners = [];
  createdMenus = [];
  requests = [];
  // WXT's fake browser has no context menus: stand in for the three calls the background makes.
  vi.spyOn(browser.contextMenus, 'removeAll').mockImplementation(async () => void createdMenus.splice(0));
  vi.spyOn(browser.contextMenus, 'create').mockImplementation((properties) => {
    createdMenus.push(properties);
    return 'scan-receipt';
  });
  vi.spyOn(browser.contextMenus.onClicked, 'addListener').mockImplementation((listener) => void clickListeners.push(listener));
  // Nor keyboard commands: the area shortcut's listener is kept, as the menu's are.
  vi.spyOn(browser.commands.onCommand, 'addListener').mockImplementation((listener) => void commandListeners.push(listener));
  vi.stubGlobal('navigator', { language: 'en-GB' });
  vi.stubGlobal('fetch', async (input: RequestInfo | URL, init?: RequestInit) => {
    const request = new Request(input, init);
    requests.push({ url: request.url, headers: request.headers });
    if (request.url === 'https://shop.example/receipt.jpg') return new Response(jpeg, { headers: { 'content-type': 'image/jpeg' } });
    if (request.url === 'https://api.ocr.space/parse/image') {
      await request.arrayBuffer();
      return new Response(answer, { headers: { 'content-type': 'application/json' } });
    }
    return new Response('not found', { status: 404 });
  });
});

afterEach(() => {
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
});

describe('background', () => {
  it('registers the Scan receipt menu on install and on browser start, once', async () => {
    background.main();
    await fakeBrowser.runtime.onInstalled.trigger({ reason: 'install', temporary: false });
    await fakeBrowser.runtime.onStartup.trigger();
    expect(createdMenus).toEqual([
      { id: 'scan-receipt', title: 'Scan receipt', contexts: ['image'] },
      { id: 'scan-page-images', title: 'Scan all images on this page', contexts: ['page', 'image'] },
      { id: 'scan-pdf-link', title: 'Scan linked receipt (PDF or image)', contexts: ['link'] },
      { id: 'scan-area', title: 'Select an area to scan', contexts: ['page', 'frame', 'image', 'selection'] },
    ]);
    expect(commandListeners).toHaveLength(1);
  });

  it('takes a file from disk handed over as base64 into a stored receipt, through the same scan', async () => {
    background.main();
    const answered = await fakeBrowser.runtime.sendMessage({ type: 'scan-file', name: 'Taxi.jpg', base64: Buffer.from(jpeg).toString('base64') });
    expect(answered).toEqual({ receiptId: expect.any(String) });
    const receipt = await waitForStatus('done');
    expect(receipt).toMatchObject({ id: (answered as { receiptId: string }).receiptId, source: { imageUrl: 'disk:Taxi.jpg', pageUrl: null } });
    expect(requests.map((request) => request.url)).toEqual(['https://api.ocr.space/parse/image']);
  });

  it.each([
    ['the menu item', (tab: Browser.tabs.Tab) => void clickListeners.forEach((listener) => listener({ menuItemId: 'scan-area', pageUrl: tab.url, frameId: 0, editable: false }, tab))],
    ['the shortcut', (tab: Browser.tabs.Tab) => void commandListeners.forEach((listener) => listener('scan-area', tab))],
  ])('says in a notification that a browser page cannot be scanned by area (%s), capturing and storing nothing', async (_way, choose) => {
    const notify = vi.spyOn(browser.notifications, 'create').mockResolvedValue(undefined);
    vi.spyOn(browser.scripting, 'executeScript').mockRejectedValue(new Error('Cannot access a chrome:// URL'));
    const capture = vi.spyOn(browser.tabs, 'captureVisibleTab').mockResolvedValue(undefined);
    background.main();
    choose({ id: 4, index: 0, windowId: 1, url: 'chrome://settings/' } as Browser.tabs.Tab);
    await vi.waitFor(() => expect(notify).toHaveBeenCalledOnce(), { timeout: 5000 });
    expect(notify.mock.calls[0]?.[1]).toMatchObject({
      title: 'Cannot scan this area',
      message: 'The browser does not let extensions see this page (a chrome: page), so no area of it can be scanned. Save the receipt as an image or PDF and add it from the popup.',
    });
    expect(capture).not.toHaveBeenCalled();
    expect(await allReceipts()).toEqual([]);
  });

  it('scans the clicked image into a stored receipt, sending the key only to the OCR endpoint', async () => {
    background.main();
    const tab = { id: 4, index: 0, url: 'https://shop.example/orders', title: 'Orders' } as Browser.tabs.Tab;
    for (const listener of clickListeners) listener({ menuItemId: 'scan-receipt', srcUrl: 'https://shop.example/receipt.jpg', pageUrl: tab.url, frameId: 0, editable: false }, tab);
    const receipt = await waitForStatus('done');
    expect(receipt.fields).toMatchObject({ date: '2018-12-25', total: '9.00' });
    expect(receipt.source).toEqual({ imageUrl: 'https://shop.example/receipt.jpg', pageUrl: 'https://shop.example/orders', pageTitle: 'Orders' });
    expect(requests.map((request) => [request.url, request.headers.get('apikey')])).toEqual([
      ['https://shop.example/receipt.jpg', null],
      ['https://api.ocr.space/parse/image', 'helloworld'],
    ]);
    expect(JSON.stringify(receipt)).not.toContain('helloworld');
  });

  it('lets an update go on scanning without the welcome page', async () => {
    await fakeBrowser.storage.local.remove(WELCOME_SEEN_KEY);
    background.main();
    await fakeBrowser.runtime.onInstalled.trigger({ reason: 'update', previousVersion: '0.0.9', temporary: false });
    await vi.waitFor(async () => expect(typeof (await fakeBrowser.storage.local.get(WELCOME_SEEN_KEY))[WELCOME_SEEN_KEY]).toBe('number'));
  });

  it('opens the welcome page on install, not on an update', async () => {
    const opened = vi.spyOn(browser.tabs, 'create').mockImplementation(async () => ({}) as Browser.tabs.Tab);
    background.main();
    await fakeBrowser.runtime.onInstalled.trigger({ reason: 'update', previousVersion: '0.0.9', temporary: false });
    expect(opened).not.toHaveBeenCalled();
    await fakeBrowser.runtime.onInstalled.trigger({ reason: 'install', temporary: false });
    expect(opened).toHaveBeenCalledWith({ url: browser.runtime.getURL('/welcome.html') });
  });

  it('sends nothing before the welcome page was seen: the scan waits queued, then runs once it is', async () => {
    await fakeBrowser.storage.local.remove(WELCOME_SEEN_KEY);
    background.main();
    const tab = { id: 4, index: 0, url: 'https://shop.example/orders', title: 'Orders' } as Browser.tabs.Tab;
    for (const listener of clickListeners) listener({ menuItemId: 'scan-receipt', srcUrl: 'https://shop.example/receipt.jpg', pageUrl: tab.url, frameId: 0, editable: false }, tab);
    await waitForStatus('queued');
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(requests).toEqual([]);
    expect((await allReceipts())[0]?.status).toBe('queued');
    await fakeBrowser.storage.local.set({ [WELCOME_SEEN_KEY]: Date.now() });
    await waitForStatus('done');
    expect(requests.map((request) => request.url)).toEqual(['https://shop.example/receipt.jpg', 'https://api.ocr.space/parse/image']);
  });

  it('opens the review page on the scanned receipt when its notification is clicked', async () => {
    const opened = vi.spyOn(browser.tabs, 'create').mockImplementation(async () => ({}) as Browser.tabs.Tab);
    background.main();
    await fakeBrowser.notifications.onClicked.trigger('scan-r 1');
    await fakeBrowser.notifications.onClicked.trigger('batch-b1');
    expect(opened.mock.calls.map(([properties]) => properties.url)).toEqual([browser.runtime.getURL('/review.html?id=r%201'), browser.runtime.getURL('/review.html')]);
  });

  it('ignores other menus and clicks without an image', async () => {
    background.main();
    for (const listener of clickListeners) {
      listener({ menuItemId: 'something-else', srcUrl: 'https://shop.example/receipt.jpg', frameId: 0, editable: false });
      listener({ menuItemId: 'scan-receipt', frameId: 0, editable: false });
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(await allReceipts()).toEqual([]);
  });

  it('retries a failed scan when the popup asks', async () => {
    await fakeBrowser.storage.local.set({ settings: { endpoint: 'https://ocr.example/parse/image' } });
    background.main();
    for (const listener of clickListeners) listener({ menuItemId: 'scan-receipt', srcUrl: 'https://shop.example/receipt.jpg', frameId: 0, editable: false });
    const failed = await waitForStatus('failed');
    expect(failed.error?.code).toBe('http-status');
    await fakeBrowser.storage.local.set({ settings: {} });
    await fakeBrowser.runtime.sendMessage({ type: 'retry-scan', receiptId: failed.id });
    expect((await waitForStatus('done')).id).toBe(failed.id);
  });

  it('resumes a scan left in flight by a stopped service worker, ending with one receipt', async () => {
    const db = await openReceiptDb();
    const job = { srcUrl: 'https://shop.example/receipt.jpg', tabId: null, frameId: 0, attempts: 0, notBefore: 0, batchId: null };
    await db.put('receipts', {
      id: 'cut', status: 'uploading', progress: null, error: null, capturedAt: 1, updatedAt: 1, original: null, thumbnail: null, ocr: null, fields: null, edited: [], receiptDate: '', job,
      source: { imageUrl: job.srcUrl, pageUrl: null, pageTitle: null },
    });
    background.main();
    const receipt = await waitForStatus('done');
    expect(receipt.id).toBe('cut');
    expect(receipt.fields?.total).toBe('9.00');
  });

  it('shows the number of scans in flight on the badge and announces the result', async () => {
    const badge = vi.spyOn(browser.action, 'setBadgeText').mockResolvedValue(undefined);
    const notify = vi.spyOn(browser.notifications, 'create').mockResolvedValue(undefined);
    background.main();
    for (const listener of clickListeners) listener({ menuItemId: 'scan-receipt', srcUrl: 'https://shop.example/receipt.jpg', frameId: 0, editable: false });
    await waitForStatus('done');
    await vi.waitFor(() => expect(notify).toHaveBeenCalled());
    expect(badge.mock.calls.map(([details]) => details.text)).toContain('1');
    expect(badge.mock.calls.at(-1)?.[0].text).toBe('');
    expect(notify.mock.calls[0]?.[1]).toMatchObject({ title: 'Receipt scanned', message: expect.stringContaining('MYR 9.00') });
  });

  it('stays quiet when notifications are switched off', async () => {
    await fakeBrowser.storage.local.set({ settings: { notifications: false } });
    const notify = vi.spyOn(browser.notifications, 'create').mockResolvedValue(undefined);
    background.main();
    for (const listener of clickListeners) listener({ menuItemId: 'scan-receipt', srcUrl: 'https://shop.example/receipt.jpg', frameId: 0, editable: false });
    await waitForStatus('done');
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(notify).not.toHaveBeenCalled();
  });

  it('scans the receipt-sized images of a page as one batch after the user confirms, announcing it once', async () => {
    const notify = vi.spyOn(browser.notifications, 'create').mockResolvedValue(undefined);
    const questions: unknown[] = [];
    const images = [
      { src: 'https://shop.example/receipt.jpg', naturalWidth: 1000, naturalHeight: 2000, renderedWidth: 300, renderedHeight: 600 },
      { src: 'https://shop.example/missing.jpg', naturalWidth: 900, naturalHeight: 1600, renderedWidth: 300, renderedHeight: 600 },
      { src: 'https://shop.example/logo.png', naturalWidth: 64, naturalHeight: 64, renderedWidth: 64, renderedHeight: 64 },
    ];
    vi.spyOn(browser.scripting, 'executeScript').mockImplementation(async (injection) => {
      if ('args' in injection && injection.args) {
        questions.push(injection.args[0]);
        return [{ frameId: 0, documentId: 'd', result: true }];
      }
      return [{ frameId: 0, documentId: 'd', result: { pageUrl: 'https://shop.example/orders', pageTitle: 'Orders', images } }];
    });
    background.main();
    const tab = { id: 4, index: 0, url: 'https://shop.example/orders', title: 'Orders' } as Browser.tabs.Tab;
    for (const listener of clickListeners) listener({ menuItemId: 'scan-page-images', pageUrl: tab.url, frameId: 0, editable: false }, tab);
    await vi.waitFor(async () => expect((await allReceipts()).map((receipt) => receipt.status).sort()).toEqual(['done', 'failed']), { timeout: 5000 });
    expect(questions).toEqual(['Scan 2 images from this page as receipts?']);
    const receipts = await allReceipts();
    expect(new Set(receipts.map((receipt) => receipt.job?.batchId)).size).toBe(1);
    await vi.waitFor(() => expect(notify).toHaveBeenCalledTimes(1));
    expect(notify.mock.calls[0]?.[1]).toMatchObject({ title: 'Receipts scanned', message: 'Batch finished: 1 scanned, 1 failed.' });
  });

  it('scans nothing when the user declines', async () => {
    vi.spyOn(browser.scripting, 'executeScript').mockImplementation(async (injection) =>
      'args' in injection && injection.args
        ? [{ frameId: 0, documentId: 'd', result: false }]
        : [{ frameId: 0, documentId: 'd', result: { pageUrl: 'x', pageTitle: 'x', images: [{ src: 'https://shop.example/receipt.jpg', naturalWidth: 1000, naturalHeight: 2000, renderedWidth: 300, renderedHeight: 600 }] } }],
    );
    background.main();
    for (const listener of clickListeners) listener({ menuItemId: 'scan-page-images', frameId: 0, editable: false }, { id: 4, index: 0 } as Browser.tabs.Tab);
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(await allReceipts()).toEqual([]);
  });

  it('runs what is queued when the popup opens', async () => {
    background.main();
    await new Promise((resolve) => setTimeout(resolve, 50));
    const db = await openReceiptDb();
    const job = { srcUrl: 'https://shop.example/receipt.jpg', tabId: null, frameId: 0, attempts: 0, notBefore: 0, batchId: null };
    await db.put('receipts', {
      id: 'waiting', status: 'queued', progress: null, error: null, capturedAt: 1, updatedAt: 1, original: null, thumbnail: null, ocr: null, fields: null, edited: [], receiptDate: '', job,
      source: { imageUrl: job.srcUrl, pageUrl: null, pageTitle: null },
    });
    await fakeBrowser.runtime.sendMessage({ type: 'popup-opened' });
    expect((await waitForStatus('done')).id).toBe('waiting');
  });
});
