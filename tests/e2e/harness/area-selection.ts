import type { Page, Worker } from 'playwright-core';

export const SCAN_AREA_MENU_ID = 'scan-area';
/** The overlay's host element in the page (its content is in a closed shadow root). */
export const OVERLAY_HOST = 'receipt-scanner-area';

/**
 * Page styles that break an overlay built naively: a page hiding every div, taking pointer events and z-order from
 * every element, and transforming its body (a "fixed" element inside a transformed body is fixed to the body).
 */
export const HOSTILE_PAGE_CSS = `div { display: none !important; }
* { pointer-events: none !important; cursor: default !important; z-index: 0 !important; }
body { transform: translate(0, 0); margin: 40px; }`;

interface WorkerTab {
  id?: number;
  url?: string;
}
// Only ever evaluated inside the service worker, where `chrome` exists.
declare const chrome: {
  tabs: { query(query: object): Promise<WorkerTab[]>; setZoom(tabId: number, factor: number): Promise<void> };
  contextMenus: { onClicked: { dispatch(info: object, tab: WorkerTab): void } };
  commands: { onCommand: { dispatch(command: string, tab: WorkerTab): void }; getAll(): Promise<{ name?: string; shortcut?: string }[]> };
  notifications: { getAll(): Promise<Record<string, boolean>>; create: (...args: unknown[]) => unknown };
};

/**
 * Clicks "Select an area to scan" on the page as Chrome does: the registered listeners run with the real tab. A page
 * closed to extensions (chrome://) shows the extension no address: then the active tab is the one clicked.
 */
export async function clickScanArea(worker: Worker, pageUrl: string | null): Promise<void> {
  await worker.evaluate(
    async ({ menuItemId, pageUrl }) => {
      const tabs = pageUrl === null ? await chrome.tabs.query({ active: true, lastFocusedWindow: true }) : await chrome.tabs.query({});
      const tab = tabs.find((candidate) => pageUrl === null || candidate.url === pageUrl);
      if (!tab) throw new Error(`No tab shows ${pageUrl}`);
      chrome.contextMenus.onClicked.dispatch({ menuItemId, pageUrl: pageUrl ?? undefined, frameId: 0, editable: false }, tab);
    },
    { menuItemId: SCAN_AREA_MENU_ID, pageUrl },
  );
}

/** Presses the "Select an area to scan" shortcut on the tab showing `pageUrl`: the registered command listeners run. */
export async function pressScanAreaShortcut(worker: Worker, pageUrl: string): Promise<{ name?: string; shortcut?: string } | undefined> {
  return worker.evaluate(
    async ({ command, pageUrl }) => {
      const tab = (await chrome.tabs.query({})).find((candidate) => candidate.url === pageUrl);
      if (!tab) throw new Error(`No tab shows ${pageUrl}`);
      chrome.commands.onCommand.dispatch(command, tab);
      return (await chrome.commands.getAll()).find((known) => known.name === command);
    },
    { command: SCAN_AREA_MENU_ID, pageUrl },
  );
}

/** Browser zoom of the tab showing `pageUrl` (what Ctrl+plus does). */
export async function zoomTab(worker: Worker, pageUrl: string, factor: number): Promise<void> {
  await worker.evaluate(
    async ({ pageUrl, factor }) => {
      const tab = (await chrome.tabs.query({})).find((candidate) => candidate.url === pageUrl);
      if (tab?.id === undefined) throw new Error(`No tab shows ${pageUrl}`);
      await chrome.tabs.setZoom(tab.id, factor);
    },
    { pageUrl, factor },
  );
}

export const notificationIds = async (worker: Worker): Promise<string[]> => Object.keys(await worker.evaluate(() => chrome.notifications.getAll()));

/**
 * From now on keeps what each notification says, as the extension creates it (Chrome lets an extension list its
 * notifications' ids, not read them back): the extension's calls go through `chrome.notifications.create`.
 */
export async function recordNotifications(worker: Worker): Promise<() => Promise<{ title?: string; message?: string }[]>> {
  await worker.evaluate(() => {
    const scope = globalThis as unknown as { shownNotifications?: unknown[] };
    if (scope.shownNotifications) return;
    scope.shownNotifications = [];
    const create = chrome.notifications.create.bind(chrome.notifications);
    chrome.notifications.create = (...args: unknown[]) => {
      scope.shownNotifications?.push(args.find((arg) => typeof arg === 'object' && arg !== null));
      return create(...args);
    };
  });
  return () => worker.evaluate(() => ((globalThis as unknown as { shownNotifications?: { title?: string; message?: string }[] }).shownNotifications ?? []).slice());
}

/** A pure red square at a known place in the viewport (outside the body, whatever the page does to it), to find in the captured area. */
export async function drawMarker(page: Page, marker: { left: number; top: number; width: number; height: number }): Promise<void> {
  await page.evaluate((box) => {
    const square = document.createElement('output');
    square.id = 'marker';
    square.style.cssText = `display:block;position:fixed;left:${box.left}px;top:${box.top}px;width:${box.width}px;height:${box.height}px;background:#f00;z-index:10`;
    document.documentElement.append(square);
  }, marker);
}

/** Where the red marker lies in a PNG, in its pixels, decoded by the browser. */
export async function findRedBox(worker: Worker, pngBase64: string): Promise<{ width: number; height: number; box: { left: number; top: number; right: number; bottom: number } | null }> {
  return worker.evaluate(async (base64) => {
    const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
    const bitmap = await createImageBitmap(new Blob([bytes], { type: 'image/png' }));
    const canvas = new OffscreenCanvas(bitmap.width, bitmap.height);
    const context = canvas.getContext('2d');
    if (!context) throw new Error('no 2d context');
    context.drawImage(bitmap, 0, 0);
    const { data } = context.getImageData(0, 0, bitmap.width, bitmap.height);
    let box: { left: number; top: number; right: number; bottom: number } | null = null;
    for (let y = 0; y < bitmap.height; y++) {
      for (let x = 0; x < bitmap.width; x++) {
        const at = (y * bitmap.width + x) * 4;
        if ((data[at] ?? 0) > 220 && (data[at + 1] ?? 255) < 40 && (data[at + 2] ?? 255) < 40) {
          box = box ? { left: Math.min(box.left, x), top: Math.min(box.top, y), right: Math.max(box.right, x + 1), bottom: Math.max(box.bottom, y + 1) } : { left: x, top: y, right: x + 1, bottom: y + 1 };
        }
      }
    }
    return { width: bitmap.width, height: bitmap.height, box };
  }, pngBase64);
}

/** How much of a PNG is paper (near white) and how much is ink (near black), decoded by the browser in the worker. */
export async function paperAndInk(worker: Worker, pngBase64: string): Promise<{ paper: number; ink: number }> {
  return worker.evaluate(async (base64) => {
    const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
    const bitmap = await createImageBitmap(new Blob([bytes], { type: 'image/png' }));
    const canvas = new OffscreenCanvas(bitmap.width, bitmap.height);
    const context = canvas.getContext('2d');
    if (!context) throw new Error('no 2d context');
    context.drawImage(bitmap, 0, 0);
    const { data } = context.getImageData(0, 0, bitmap.width, bitmap.height);
    let paper = 0;
    let ink = 0;
    for (let at = 0; at < data.length; at += 4) {
      const light = Math.min(data[at] ?? 0, data[at + 1] ?? 0, data[at + 2] ?? 0);
      const dark = Math.max(data[at] ?? 255, data[at + 1] ?? 255, data[at + 2] ?? 255);
      if (light > 235) paper++;
      if (dark < 80) ink++;
    }
    const pixels = bitmap.width * bitmap.height;
    return { paper: paper / pixels, ink: ink / pixels };
  }, pngBase64);
}
