import type { Worker } from 'playwright-core';
import { SCAN_MENU_ID } from './background-driver';

export const SCAN_PAGE_MENU_ID = 'scan-page-images';

interface WorkerTab {
  id?: number;
  url?: string;
}
// Only ever evaluated inside the service worker, where `chrome` exists.
declare const chrome: {
  tabs: { query(query: object): Promise<WorkerTab[]> };
  contextMenus: { onClicked: { dispatch(info: object, tab: WorkerTab): void } };
  action: { getBadgeText(details: object): Promise<string> };
};

/**
 * Clicks "Scan receipt" on each image in one go, as fast as a user could not: every click reaches the
 * registered listeners before any scan has started, so the queue alone decides how many run at once.
 */
export async function clickScanOnEach(worker: Worker, srcUrls: readonly string[], pageUrl: string): Promise<void> {
  await worker.evaluate(
    async ({ menuItemId, srcUrls, pageUrl }) => {
      const tab = (await chrome.tabs.query({})).find((candidate) => candidate.url === pageUrl);
      if (!tab) throw new Error(`No tab shows ${pageUrl}`);
      for (const srcUrl of srcUrls) chrome.contextMenus.onClicked.dispatch({ menuItemId, srcUrl, pageUrl, frameId: 0, mediaType: 'image', editable: false }, tab);
    },
    { menuItemId: SCAN_MENU_ID, srcUrls, pageUrl },
  );
}

/** Clicks "Scan all images on this page" on the page's background (no image under the pointer), with its real tab. */
export async function clickScanPage(worker: Worker, pageUrl: string): Promise<void> {
  await worker.evaluate(
    async ({ menuItemId, pageUrl }) => {
      const tab = (await chrome.tabs.query({})).find((candidate) => candidate.url === pageUrl);
      if (!tab) throw new Error(`No tab shows ${pageUrl}`);
      chrome.contextMenus.onClicked.dispatch({ menuItemId, pageUrl, frameId: 0, editable: false }, tab);
    },
    { menuItemId: SCAN_PAGE_MENU_ID, pageUrl },
  );
}

/** The toolbar badge: the number of unfinished scans, empty when none. */
export const readBadgeText = (worker: Worker): Promise<string> => worker.evaluate(() => chrome.action.getBadgeText({}));
