import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { registerScanMenu, SCAN_MENU_ID } from '@/utils/context-menu';
import { createOcrClient } from '@/utils/ocr-space-client';
import { createPageBlobReader } from '@/utils/page-blob';
import { isExtensionMessage, type ScanEvent } from '@/utils/protocol';
import { openReceiptDb } from '@/utils/receipt-db';
import { createReceiptRepository } from '@/utils/receipt-repository';
import { createScanner } from '@/utils/scan-pipeline';
import { createSettingsStore } from '@/utils/settings';
import { createStoredStreamingSupport } from '@/utils/streaming-support';

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

  browser.runtime.onInstalled.addListener(() => registerScanMenu(browser.contextMenus));
  browser.runtime.onStartup.addListener(() => registerScanMenu(browser.contextMenus));

  browser.contextMenus.onClicked.addListener((info, tab) => {
    if (info.menuItemId !== SCAN_MENU_ID || !info.srcUrl) return;
    void scanner.scan({ srcUrl: info.srcUrl, pageUrl: info.pageUrl ?? tab?.url ?? null, pageTitle: tab?.title ?? null, tabId: tab?.id ?? null, frameId: info.frameId ?? 0 });
  });

  browser.runtime.onMessage.addListener((message) => {
    if (isExtensionMessage(message) && message.type === 'retry-scan') void scanner.retry(message.receiptId);
  });

  void repository.listUnfinished().then(scanner.failInterrupted);
});
