import { startOcrServer } from '../../ocr-server';
import { describe, expect, E2E_API_KEY, test } from '../fixtures';
import { launchRawChromium, type RawChromium } from '../harness/raw-chromium';
import { readParsedText, readReceiptImage, sha256 } from '../harness/receipts-dev';

const IMAGE = 'sroie-012';

interface StoredState {
  receipts: { id: string; status: string; ocrText: string | null; originalSha256: string | null }[];
  originals: { id: string; sha256: string }[];
}

/** Runs in the service worker: every receipt and every stored original, hashed there. */
const READ_STATE = `(async () => {
  const db = await new Promise((done, fail) => { const open = indexedDB.open('receipt-scanner'); open.onsuccess = () => done(open.result); open.onerror = () => fail(open.error); });
  const all = (store) => new Promise((done) => { const request = db.transaction(store).objectStore(store).getAll(); request.onsuccess = () => done(request.result); });
  const hex = (buffer) => [...new Uint8Array(buffer)].map((byte) => byte.toString(16).padStart(2, '0')).join('');
  const receipts = (await all('receipts')).map((r) => ({ id: r.id, status: r.status, ocrText: r.ocr ? r.ocr.text : null, originalSha256: r.original ? r.original.sha256 : null }));
  const originals = await Promise.all((await all('originals')).map(async (o) => ({ id: o.id, sha256: hex(await crypto.subtle.digest('SHA-256', await o.blob.arrayBuffer())) })));
  db.close();
  return { receipts, originals };
})()`;

async function readState(chrome: RawChromium): Promise<StoredState> {
  return chrome.evaluate<StoredState>((await chrome.findWorker()).targetId, READ_STATE);
}

describe('journey 10: the service worker stops mid-upload', () => {
  // Raw DevTools over a pipe: Chrome never stops a worker a debugger holds, and Playwright holds every worker.
  test('the scan continues from the stored original once the worker starts again', async ({ harness, onTestFinished }) => {
    const [chrome, ocr] = await Promise.all([launchRawChromium(), startOcrServer({ apiKey: E2E_API_KEY })]);
    onTestFinished(async () => {
      ocr.release();
      await chrome.close();
      await ocr.close();
    });
    const { pages } = harness;
    const source = await readReceiptImage(IMAGE);
    await chrome.send('Target.setDiscoverTargets', { discover: true });
    const before = await chrome.findWorker();
    const extensionId = new URL(before.url).host;
    const settings = JSON.stringify({ settings: { apiKey: E2E_API_KEY, endpoint: ocr.http2Url } });
    await chrome.evaluate(before.targetId, `chrome.storage.local.set(${settings})`);

    const pageUrl = pages.receiptsPageUrl([IMAGE]);
    const requestsBefore = pages.requests.length;
    await chrome.send('Target.createTarget', { url: pageUrl });
    ocr.setFault('hold');
    const click = JSON.stringify({ menuItemId: 'scan-receipt', srcUrl: pages.imageUrl(IMAGE), pageUrl, frameId: 0, editable: false });
    await chrome.evaluate(
      before.targetId,
      `(async () => {
        self.e2eWorkerMarker = 'before the stop';
        let [tab] = await chrome.tabs.query({ url: ${JSON.stringify(pageUrl)} });
        for (let tries = 0; !tab && tries < 50; tries++) { await new Promise((wait) => setTimeout(wait, 100)); [tab] = await chrome.tabs.query({ url: ${JSON.stringify(pageUrl)} }); }
        chrome.contextMenus.onClicked.dispatch(${click}, tab);
      })()`,
    );
    await expect.poll(() => ocr.heldCount(), { timeout: 15_000 }).toBe(1);
    const inFlight = await readState(chrome);
    expect(inFlight.receipts.map((receipt) => [receipt.status, receipt.originalSha256])).toEqual([['reading', sha256(source)]]);

    // Stopped as Chrome stops an idle worker, with the upload still waiting for its answer.
    const { targetId: controlPage } = (await chrome.send('Target.createTarget', { url: 'about:blank' })) as { targetId: string };
    const { sessionId } = (await chrome.send('Target.attachToTarget', { targetId: controlPage, flatten: true })) as { sessionId: string };
    await chrome.send('ServiceWorker.enable', {}, sessionId);
    const destroyed = chrome.waitForEvent('Target.targetDestroyed', (params) => params.targetId === before.targetId);
    await chrome.send('ServiceWorker.stopAllWorkers', {}, sessionId);
    await destroyed;
    // The held answer belongs to a worker that is gone; it reaches nobody.
    ocr.setFault(null);
    ocr.release();

    // Opening the popup is enough to start the worker again.
    await chrome.send('Target.createTarget', { url: `chrome-extension://${extensionId}/popup.html` });
    const after = await chrome.findWorker();
    expect(after.targetId).not.toBe(before.targetId);
    expect(await chrome.evaluate<string>(after.targetId, `self.e2eWorkerMarker ?? 'gone'`)).toBe('gone');

    await expect.poll(async () => (await readState(chrome)).receipts.map((receipt) => receipt.status), { timeout: 20_000 }).toEqual(['done']);
    const finished = await readState(chrome);
    const [receipt] = finished.receipts;
    expect(receipt?.ocrText).toBe(await readParsedText(IMAGE));
    expect(finished.originals).toEqual([{ id: receipt?.id, sha256: sha256(source) }]);
    // Sent again from the stored original: besides the page's own load, the image was downloaded once.
    expect(ocr.received.map((upload) => upload.file.sha256)).toEqual([sha256(source), sha256(source)]);
    expect(pages.requests.slice(requestsBefore).filter((path) => path === `/images/${IMAGE}.jpg`)).toHaveLength(2);
  });
});
