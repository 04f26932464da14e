import { browser, type Browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { registerScanMenus, SCAN_AREA_MENU_ID, SCAN_MENU_ID, SCAN_PAGE_MENU_ID, SCAN_PDF_LINK_MENU_ID } from '@/utils/capture/context-menu';
import { createAreaCapture } from '@/utils/capture/area-capture';
import { diskTarget } from '@/utils/capture/disk-files';
import { decodeBase64, encodeBase64 } from '@/utils/image/byte-reading';
import { createOcrClient } from '@/utils/ocr/ocr-space-client';
import { createPageBlobReader } from '@/utils/capture/page-blob';
import { findAndConfirmPageReceipts } from '@/utils/capture/page-images';
import { isExtensionMessage, type BatchStarted, type ScanEvent, type ScanTarget } from '@/utils/protocol';
import { openReceiptDb } from '@/utils/storage/receipt-db';
import { createReceiptRepository } from '@/utils/storage/receipt-repository';
import { badgeText, describeBatch, describeSettledScan, summariseBatch, type Notice } from '@/utils/scan/scan-notices';
import { createScanner } from '@/utils/scan/scan-pipeline';
import { backgroundFramePage, createOffscreenDocument, createOffscreenEnv, offscreenDocumentPage } from '@/utils/scan/offscreen-document';
import { createKeepAlive } from '@/utils/scan/keep-alive';
import { createScanQueue } from '@/utils/scan/scan-queue';
import { createFirstRun, WELCOME_SEEN_KEY } from '@/utils/first-run';
import { createSettingsReader } from '@/utils/settings';
import { AREA_SOURCE_PREFIX } from '@/utils/receipt-format';
import { toScanError } from '@/utils/scan-error';
import { createStoredStreamingSupport } from '@/utils/ocr/streaming-support';

const QUEUE_ALARM = 'scan-queue';
const READING_PAGE = '/offscreen.html';

export default defineBackground(() => {
  const repository = createReceiptRepository(openReceiptDb());
  // The locale's defaults are written down by the welcome and options pages; the worker reads what is stored.
  const settings = createSettingsReader(browser.storage.local);
  const firstRun = createFirstRun(browser.storage.local);
  const canvas = { createImageBitmap: (blob: Blob) => createImageBitmap(blob), createCanvas: (width: number, height: number) => new OffscreenCanvas(width, height) };
  const ocr = createOcrClient({ fetch: (input, init) => fetch(input, init), streamingSupport: createStoredStreamingSupport(browser.storage.local) });
  const askReader = createOffscreenDocument(
    createOffscreenEnv(
      // Firefox has no offscreen API; its background page has a document to hold the reading page in a frame.
      import.meta.env.FIREFOX ? backgroundFramePage(document, READING_PAGE) : offscreenDocumentPage(browser.offscreen, READING_PAGE),
      (message) => browser.runtime.sendMessage(message),
    ),
  );
  const scanner = createScanner({
    repository,
    loadSettings: settings.load,
    fetch: (input, init) => fetch(input, init),
    readBlobUrl: createPageBlobReader(browser.scripting),
    recognise: ocr.recognise,
    readOnDevice: async (file, receiptId, options) => {
      // Cancelled, deleted or out of time: the engine lets go of the receipt instead of finishing its page.
      const stop = () => void browser.runtime.sendMessage({ target: 'offscreen', task: 'stop-on-device', receiptId }).catch(() => undefined);
      options.signal?.addEventListener('abort', stop, { once: true });
      try {
        const answer = await askReader({ target: 'offscreen', task: 'read-on-device', base64: encodeBase64(file.bytes), mime: file.contentType, receiptId }, options);
        return answer.kind === 'text' ? answer.page : Promise.reject(new Error('the on-device reader gave no text'));
      } catch (error) {
        stop();
        throw error;
      } finally {
        options.signal?.removeEventListener('abort', stop);
      }
    },
    readPdf: (bytes, limitBytes, options) => askReader({ target: 'offscreen', task: 'read-pdf', base64: encodeBase64(bytes), limitBytes }, options),
    canvas,
    // Nobody may be listening (popup closed): that is fine.
    broadcast: (event: ScanEvent) => void browser.runtime.sendMessage(event).catch(() => undefined),
    newId: () => crypto.randomUUID(),
    now: Date.now,
    locale: navigator.language,
  });
  const action = browser.action ?? browser.browserAction;
  const announcedBatches = new Set<string>();
  let wakeTimer: ReturnType<typeof setTimeout> | undefined;
  const queue = createScanQueue({
    repository,
    scanner,
    concurrency: async () => (await settings.load()).concurrency,
    now: Date.now,
    random: Math.random,
    scheduleWake: (at) => {
      clearTimeout(wakeTimer);
      if (at === null) return void browser.alarms.clear(QUEUE_ALARM);
      void browser.alarms.create(QUEUE_ALARM, { when: at });
      // Alarms may fire late (30 s granularity); while the worker lives a timer is exact.
      wakeTimer = setTimeout(() => void queue.pump(), Math.max(0, at - Date.now()));
    },
    // Called through the object, the worker's timers throw "Illegal invocation": wrap them.
    keepAlive: createKeepAlive(() => browser.runtime.getPlatformInfo(), { setInterval: (run, ms) => setInterval(run, ms), clearInterval: (timer) => clearInterval(timer) }),
    onCountChanged: (unfinished) => void action.setBadgeText({ text: badgeText(unfinished) }),
    // Nothing leaves the machine before the user has read where it goes.
    mayStart: firstRun.hasSeenWelcome,
    onSettled: async (receiptId, outcome) => {
      if (!(await settings.load()).notifications) return;
      const batchId = outcome.kind === 'duplicate' ? null : ((await repository.get(receiptId))?.job?.batchId ?? null);
      if (!batchId) return notify(`scan-${receiptId}`, describeSettledScan(outcome));
      // A batch is announced once, when its last scan ends.
      const summary = summariseBatch(await repository.listBatch(batchId));
      if (summary.remaining > 0 || announcedBatches.has(batchId)) return;
      announcedBatches.add(batchId);
      notify(`batch-${batchId}`, { title: 'Receipts scanned', message: describeBatch(summary) });
    },
  });

  const captureArea = createAreaCapture({
    scripting: browser.scripting,
    captureVisibleTab: async (windowId) => (await fetch(await browser.tabs.captureVisibleTab(windowId, { format: 'png' }))).blob(),
    canvas,
  });

  /** "Select an area to scan": the area becomes the receipt's original; a page that cannot be captured says so. */
  async function scanArea(tab: Browser.tabs.Tab | undefined): Promise<void> {
    const active = tab ?? (await browser.tabs.query({ active: true, currentWindow: true }))[0];
    if (active?.id === undefined) return;
    try {
      const outcome = await captureArea({ id: active.id, windowId: active.windowId ?? browser.windows.WINDOW_ID_CURRENT, url: active.url });
      if (outcome.kind === 'cancelled') return;
      const pageUrl = active.url ?? null;
      await queue.add({ srcUrl: `${AREA_SOURCE_PREFIX}${pageUrl ?? ''}`, pageUrl, pageTitle: active.title ?? null, tabId: active.id, frameId: 0 }, null, outcome.png);
    } catch (error) {
      notify(`area-${Date.now()}`, { title: 'Cannot scan this area', message: toScanError(error).message });
    }
  }

  function notify(id: string, notice: Notice): void {
    void browser.notifications.create(id, { type: 'basic', iconUrl: browser.runtime.getURL('/icon/128.png'), ...notice });
  }

  async function scanBatch(targets: ScanTarget[]): Promise<BatchStarted> {
    const batchId = crypto.randomUUID();
    await queue.addBatch(targets, batchId);
    return { batchId, count: targets.length };
  }

  browser.runtime.onInstalled.addListener(({ reason }) => {
    registerScanMenus(browser.contextMenus);
    if (reason === 'install') void browser.tabs.create({ url: browser.runtime.getURL('/welcome.html') });
    // Someone updating has been scanning already: the welcome page is for new users.
    if (reason === 'update') void firstRun.markWelcomeSeen(Date.now());
  });
  browser.storage.onChanged.addListener((changes) => {
    if (changes[WELCOME_SEEN_KEY]?.newValue !== undefined) void queue.pump();
  });
  browser.notifications.onClicked.addListener((id) => {
    const receiptId = id.startsWith('scan-') ? id.slice('scan-'.length) : null;
    void browser.tabs.create({ url: browser.runtime.getURL(receiptId ? `/review.html?id=${encodeURIComponent(receiptId)}` : '/review.html') });
  });
  browser.runtime.onStartup.addListener(() => registerScanMenus(browser.contextMenus));
  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === QUEUE_ALARM) void queue.pump();
  });

  browser.commands.onCommand.addListener((command, tab) => {
    if (command === SCAN_AREA_MENU_ID) void scanArea(tab);
  });
  browser.contextMenus.onClicked.addListener((info, tab) => {
    if (info.menuItemId === SCAN_AREA_MENU_ID) void scanArea(tab);
    if (info.menuItemId === SCAN_PDF_LINK_MENU_ID && info.linkUrl) {
      void queue.add({ srcUrl: info.linkUrl, pageUrl: info.pageUrl ?? tab?.url ?? null, pageTitle: tab?.title ?? null, tabId: tab?.id ?? null, frameId: info.frameId ?? 0 });
    }
    if (info.menuItemId === SCAN_MENU_ID && info.srcUrl) {
      void queue.add({ srcUrl: info.srcUrl, pageUrl: info.pageUrl ?? tab?.url ?? null, pageTitle: tab?.title ?? null, tabId: tab?.id ?? null, frameId: info.frameId ?? 0 });
    }
    if (info.menuItemId === SCAN_PAGE_MENU_ID && tab?.id !== undefined) {
      void findAndConfirmPageReceipts(browser.scripting, tab.id).then(async (targets) => {
        if (targets.length > 0) await scanBatch(targets);
      });
    }
  });

  browser.runtime.onMessage.addListener((message) => {
    if (!isExtensionMessage(message)) return;
    if (message.type === 'retry-scan') void queue.retry(message.receiptId);
    if (message.type === 'cancel-scan') void queue.cancel(message.receiptId);
    if (message.type === 'scans-deleted') void queue.deleted(message.receiptIds);
    if (message.type === 'scans-restored') void queue.restored(message.receiptIds);
    if (message.type === 'popup-opened') void queue.pump();
    if (message.type === 'scan-batch') return scanBatch(message.targets);
    if (message.type === 'scan-file') return queue.add(diskTarget(message.name), null, decodeBase64(message.base64)).then((receipt) => ({ receiptId: receipt.id }));
  });

  void queue.resume();
});
