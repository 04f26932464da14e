import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { registerScanMenu, SCAN_MENU_ID } from '@/utils/context-menu';
import { createOcrClient } from '@/utils/ocr-space-client';
import { createPageBlobReader } from '@/utils/page-blob';
import { isExtensionMessage, type ScanEvent } from '@/utils/protocol';
import { openReceiptDb } from '@/utils/receipt-db';
import { createReceiptRepository } from '@/utils/receipt-repository';
import { badgeText, describeSettledScan } from '@/utils/scan-notices';
import { createScanner } from '@/utils/scan-pipeline';
import { createKeepAlive, createScanQueue } from '@/utils/scan-queue';
import { createSettingsStore } from '@/utils/settings';
import { createStoredStreamingSupport } from '@/utils/streaming-support';

const QUEUE_ALARM = 'scan-queue';

export default defineBackground(() => {
  const repository = createReceiptRepository(openReceiptDb());
  const settings = createSettingsStore(browser.storage.local);
  const ocr = createOcrClient({ fetch: (input, init) => fetch(input, init), streamingSupport: createStoredStreamingSupport(browser.storage.local) });
  const scanner = createScanner({
    repository,
    loadSettings: settings.load,
    fetch: (input, init) => fetch(input, init),
    readBlobUrl: createPageBlobReader(browser.scripting),
    recognise: ocr.recognise,
    canvas: { createImageBitmap: (blob) => createImageBitmap(blob), createCanvas: (width, height) => new OffscreenCanvas(width, height) },
    // Nobody may be listening (popup closed): that is fine.
    broadcast: (event: ScanEvent) => void browser.runtime.sendMessage(event).catch(() => undefined),
    newId: () => crypto.randomUUID(),
    now: Date.now,
    locale: navigator.language,
  });
  const action = browser.action ?? browser.browserAction;
  const queue = createScanQueue({
    repository,
    scanner,
    concurrency: async () => (await settings.load()).concurrency,
    now: Date.now,
    random: Math.random,
    scheduleWake: (at) => {
      if (at === null) void browser.alarms.clear(QUEUE_ALARM);
      else void browser.alarms.create(QUEUE_ALARM, { when: at });
      // Alarms may fire late (30 s granularity); while the worker lives a timer is exact.
      if (at !== null) setTimeout(() => void queue.pump(), Math.max(0, at - Date.now()));
    },
    keepAlive: createKeepAlive(() => browser.runtime.getPlatformInfo(), { setInterval, clearInterval }),
    onCountChanged: (unfinished) => void action.setBadgeText({ text: badgeText(unfinished) }),
    onSettled: async (receiptId, outcome) => {
      if (!(await settings.load()).notifications) return;
      const notice = describeSettledScan(outcome);
      void browser.notifications.create(`scan-${receiptId}`, { type: 'basic', iconUrl: browser.runtime.getURL('/icon/128.png'), ...notice });
    },
  });

  browser.runtime.onInstalled.addListener(() => registerScanMenu(browser.contextMenus));
  browser.runtime.onStartup.addListener(() => registerScanMenu(browser.contextMenus));
  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === QUEUE_ALARM) void queue.pump();
  });

  browser.contextMenus.onClicked.addListener((info, tab) => {
    if (info.menuItemId !== SCAN_MENU_ID || !info.srcUrl) return;
    void queue.add({ srcUrl: info.srcUrl, pageUrl: info.pageUrl ?? tab?.url ?? null, pageTitle: tab?.title ?? null, tabId: tab?.id ?? null, frameId: info.frameId ?? 0 });
  });

  browser.runtime.onMessage.addListener((message) => {
    if (isExtensionMessage(message) && message.type === 'retry-scan') void queue.retry(message.receiptId);
  });

  void queue.resume();
});
