/**
 * How fast a scan starts, in headless Chromium over HTTP/2: click to the first upload byte at the OCR server, side by
 * side with a floor (an ordinary page of the same browser fetching the same image and posting it; for a photo, one
 * decode and one encode at the extension's output size), runs alternating. Also the photo's upload size against the
 * limit, 12 scans at once against 1 s answers, and the worker's cold start (a scan sent to a stopped worker).
 * `--compare DIR` runs another build (say the last commit's, built in a temporary worktree) side by side, runs alternating.
 * `--only TEXT` runs only the cases whose name holds TEXT ("photo"), without the queue and cold-start parts.
 *   npm run bench:scan [-- --no-build] [--runs 7] [--compare ../old/.output/chrome-mv3] [--only photo]
 */
import { spawnSync } from 'node:child_process';
import { createServer } from 'node:http';
import { once } from 'node:events';
import type { AddressInfo } from 'node:net';
import type { Page, Worker } from 'playwright-core';
import { EXTENSION_DIR, launchExtension, type LaunchedExtension } from '../tests/e2e/harness/launch-extension';
import { launchRawChromium } from '../tests/e2e/harness/raw-chromium';
import { readBadgeText } from '../tests/e2e/harness/menu-clicks';
import { readReceiptImage } from '../tests/e2e/harness/receipts-dev';
import { startOcrServer, type OcrTestServer } from '../tests/ocr-server';

// tsx compiles named inner functions to __name(fn, "name") calls; functions sent to the browser need the helper there.
const NAME_HELPER = 'globalThis.__name ??= (target) => target;';
const API_KEY = 'bench-key-0001';
const UPLOAD_LIMIT = 1024 * 1024;
const CONCURRENCY = 2;

declare const chrome: {
  tabs: { query(query: object): Promise<{ id?: number; url?: string }[]> };
  contextMenus: { onClicked: { dispatch(info: object, tab: object): void } };
  storage: { local: { set(items: object): Promise<void> } };
};

/** Serves each image under many names, each with its own bytes after the JPEG's end, so no scan is a duplicate. */
async function startImageServer(images: Map<string, Buffer>) {
  const server = createServer((request, response) => {
    const url = new URL(request.url ?? '/', 'http://localhost');
    const match = /^\/images\/([\w-]+)\/(\d+)\.jpg$/.exec(url.pathname);
    if (url.pathname === '/page.html') return void response.writeHead(200, { 'content-type': 'text/html' }).end('<!doctype html><title>Bench</title><h1>Bench</h1>');
    const image = match ? images.get(match[1] ?? '') : undefined;
    if (!match || !image) return void response.writeHead(404).end();
    const body = Buffer.concat([image, Buffer.from(`variant ${match[2]}`)]);
    response.writeHead(200, { 'content-type': 'image/jpeg', 'content-length': String(body.length), 'access-control-allow-origin': '*' });
    response.end(body);
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return { pageUrl: `${origin}/page.html`, imageUrl: (id: string, variant: number) => `${origin}/images/${id}/${variant}.jpg`, close: () => (server.close(), server.closeAllConnections()) };
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? Number.NaN;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function waitFor(check: () => boolean | Promise<boolean>, timeoutMs: number, what: string): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await check()) return;
    await sleep(5);
  }
  throw new Error(`Timed out waiting for ${what}`);
}

/** Clicks "Scan receipt" on each address at once, as the menu does; answers the worker's clock at the click. */
function clickScan(worker: Worker, srcUrls: string[], pageUrl: string): Promise<number> {
  return worker.evaluate(async ({ srcUrls, pageUrl }) => {
    const tab = (await chrome.tabs.query({})).find((candidate) => candidate.url === pageUrl);
    if (!tab) throw new Error(`No tab shows ${pageUrl}`);
    const at = Date.now();
    for (const srcUrl of srcUrls) chrome.contextMenus.onClicked.dispatch({ menuItemId: 'scan-receipt', srcUrl, pageUrl, frameId: 0, mediaType: 'image', editable: false }, tab);
    return at;
  }, { srcUrls, pageUrl });
}

/** The floor: what an ordinary page of the same browser needs to start the same upload. */
function postFromPage(page: Page, imageUrl: string, ocrUrl: string, reencode: { width: number; height: number } | null): Promise<number> {
  return page.evaluate(async ({ imageUrl, ocrUrl, reencode }) => {
    const at = Date.now();
    let file = await (await fetch(imageUrl)).blob();
    if (reencode) {
      const bitmap = await createImageBitmap(file);
      const canvas = new OffscreenCanvas(reencode.width, reencode.height);
      canvas.getContext('2d')?.drawImage(bitmap, 0, 0, reencode.width, reencode.height);
      file = await canvas.convertToBlob({ type: 'image/jpeg', quality: 0.7 });
    }
    const form = new FormData();
    form.append('file', file, 'receipt.jpg');
    // no-cors: the request goes out at once; the answer is not read, only the server's first byte matters.
    await fetch(ocrUrl, { method: 'POST', body: form, mode: 'no-cors' }).catch(() => undefined);
    return at;
  }, { imageUrl, ocrUrl, reencode });
}

/** A 12-megapixel photo of a receipt, as a phone makes it: drawn in the page from a shared receipt, with sensor noise. */
async function makePhoto(page: Page, sourceUrl: string): Promise<Buffer> {
  const base64 = await page.evaluate(async (url) => {
    const source = await createImageBitmap(await (await fetch(url)).blob());
    const canvas = new OffscreenCanvas(3000, 4000);
    const draw = canvas.getContext('2d');
    if (!draw) throw new Error('no canvas');
    draw.drawImage(source, 0, 0, 3000, 4000);
    const pixels = draw.getImageData(0, 0, 3000, 4000);
    for (let i = 0; i < pixels.data.length; i += 4) {
      const noise = (((i * 2654435761) >>> 24) % 49) - 24;
      pixels.data[i] = (pixels.data[i] ?? 0) + noise;
      pixels.data[i + 1] = (pixels.data[i + 1] ?? 0) + noise;
      pixels.data[i + 2] = (pixels.data[i + 2] ?? 0) + noise;
    }
    draw.putImageData(pixels, 0, 0);
    const bytes = new Uint8Array(await (await canvas.convertToBlob({ type: "image/jpeg", quality: 0.95 })).arrayBuffer());
    let binary = '';
    for (let at = 0; at < bytes.length; at += 0x8000) binary += String.fromCharCode(...bytes.subarray(at, at + 0x8000));
    return btoa(binary);
  }, sourceUrl);
  return Buffer.from(base64, 'base64');
}

async function waitForIdle(worker: Worker, ocr: OcrTestServer): Promise<void> {
  await waitFor(() => ocr.spans.every((span) => span.endedAt !== null), 60_000, 'uploads to end');
  await waitFor(async () => (await readBadgeText(worker)) === '', 60_000, 'the queue to empty');
}

interface Build {
  label: string;
  extension: LaunchedExtension;
  worker: Worker;
}

async function prepareBuild(label: string, dir: string, ocrUrl: string, pageUrl: string): Promise<Build> {
  const extension = await launchExtension(dir);
  const worker = await extension.worker();
  await worker.evaluate(NAME_HELPER);
  await worker.evaluate((settings) => chrome.storage.local.set({ settings, welcomeSeenAt: Date.now() }), { apiKey: API_KEY, endpoint: ocrUrl, concurrency: CONCURRENCY, notifications: false });
  const tab = await extension.context.newPage();
  await tab.goto(pageUrl);
  return { label, extension, worker };
}

/** A worker cannot be stopped while Playwright holds it: a raw Chromium, whose worker the bench lets go of and stops. */
async function measureColdStart(dir: string, ocr: OcrTestServer, imageUrl: () => string, pageUrl: string, runs: number) {
  const chrome = await launchRawChromium(dir);
  try {
    await chrome.send('Target.setDiscoverTargets', { discover: true });
    const first = await chrome.findWorker();
    const extensionId = new URL(first.url).host;
    const settings = JSON.stringify({ settings: { apiKey: API_KEY, endpoint: ocr.http2Url, concurrency: CONCURRENCY, notifications: false }, welcomeSeenAt: Date.now() });
    await chrome.evaluate(first.targetId, `chrome.storage.local.set(${settings})`);
    const { targetId: control } = (await chrome.send('Target.createTarget', { url: 'about:blank' })) as { targetId: string };
    const { sessionId: controlSession } = (await chrome.send('Target.attachToTarget', { targetId: control, flatten: true })) as { sessionId: string };
    await chrome.send('ServiceWorker.enable', {}, controlSession);
    const { targetId: sender } = (await chrome.send('Target.createTarget', { url: `chrome-extension://${extensionId}/welcome.html` })) as { targetId: string };
    await sleep(500);

    /** Sends one scan as a message (the event that starts a stopped worker, as a menu click does); the sender's clock at sending. */
    const sendScan = () => {
      const targets = JSON.stringify([{ srcUrl: imageUrl(), pageUrl, pageTitle: 'Bench', tabId: null, frameId: 0 }]);
      return chrome.evaluate<number>(sender, `(() => { const at = Date.now(); chrome.runtime.sendMessage({ type: 'scan-batch', targets: ${targets} }).catch(() => undefined); return at; })()`);
    };
    /** When the worker started, and when it handled the scan (the receipt's capture time), by its own clock. */
    const workerTimes = async () => {
      const worker = await chrome.findWorker();
      return chrome.evaluate<{ started: number; handled: number }>(
        worker.targetId,
        `new Promise((resolve, reject) => { const open = indexedDB.open('receipt-scanner'); open.onerror = reject; open.onsuccess = () => {
          const all = open.result.transaction('receipts').objectStore('receipts').getAll(); all.onerror = reject;
          all.onsuccess = () => { open.result.close(); resolve({ started: performance.timeOrigin, handled: Math.max(...all.result.map((receipt) => receipt.capturedAt)) }); };
        }; })`,
      );
    };
    const stopWorker = async () => {
      const worker = await chrome.findWorker();
      const destroyed = chrome.waitForEvent('Target.targetDestroyed', (params) => params.targetId === worker.targetId);
      await chrome.send('ServiceWorker.stopAllWorkers', {}, controlSession);
      await destroyed;
    };
    const idle = () => waitFor(() => ocr.spans.every((span) => span.endedAt !== null), 60_000, 'uploads to end');

    const cold = { start: [] as number[], evaluatedToHandled: [] as number[], handled: [] as number[], firstByte: [] as number[] };
    const warm = { handled: [] as number[], firstByte: [] as number[] };
    let lost = 0;
    for (let run = 0; run < runs; run++) {
      await stopWorker();
      let before = ocr.spans.length;
      let sent = await sendScan();
      // Now and then a message sent while the worker stops reaches nobody: that run is counted as lost, not timed.
      const started = await waitFor(() => ocr.spans.length > before, 15_000, 'the cold upload').then(() => true, () => false);
      if (!started) {
        lost += 1;
        continue;
      }
      const coldFirstByte = (ocr.spans[before]?.startedAt ?? Number.NaN) - sent;
      const coldTimes = await workerTimes();
      cold.start.push(coldTimes.started - sent);
      cold.evaluatedToHandled.push(coldTimes.handled - coldTimes.started);
      cold.handled.push(coldTimes.handled - sent);
      cold.firstByte.push(coldFirstByte);
      await idle();
      before = ocr.spans.length;
      sent = await sendScan();
      await waitFor(() => ocr.spans.length > before, 30_000, 'the warm upload');
      warm.firstByte.push((ocr.spans[before]?.startedAt ?? Number.NaN) - sent);
      warm.handled.push((await workerTimes()).handled - sent);
      await idle();
    }
    return {
      lost,
      start: median(cold.start),
      evaluatedToHandled: median(cold.evaluatedToHandled),
      coldHandled: median(cold.handled),
      warmHandled: median(warm.handled),
      coldFirstByte: median(cold.firstByte),
      warmFirstByte: median(warm.firstByte),
    };
  } finally {
    await chrome.close();
  }
}

async function main(args: string[]): Promise<number> {
  const runsAt = args.indexOf('--runs');
  const runs = runsAt >= 0 ? Number(args[runsAt + 1]) : 7;
  const compareAt = args.indexOf('--compare');
  const compareDir = compareAt >= 0 ? (args[compareAt + 1] ?? null) : null;
  const onlyAt = args.indexOf('--only');
  const only = onlyAt >= 0 ? (args[onlyAt + 1] ?? '') : null;
  if (!args.includes('--no-build') && spawnSync('npx', ['wxt', 'build'], { stdio: 'inherit' }).status !== 0) return 1;
  const images = new Map<string, Buffer>();
  const cases = [
    { name: '98 KB receipt', id: 'sroie-000' },
    { name: '244 KB receipt', id: 'sroie-008' },
    { name: '772 KB receipt', id: 'sroie-014' },
  ];
  for (const { id } of cases) images.set(id, await readReceiptImage(id));
  images.set('source', await readReceiptImage('sroie-290'));
  const [ocr, site] = await Promise.all([startOcrServer({ apiKey: API_KEY }), startImageServer(images)]);
  const builds: Build[] = [];
  try {
    const current = await prepareBuild('this build', EXTENSION_DIR, ocr.http2Url, site.pageUrl);
    builds.push(current);
    if (compareDir) builds.push(await prepareBuild('compared', compareDir, ocr.http2Url, site.pageUrl));
    const page = await current.extension.context.newPage();
    await page.goto(site.pageUrl);
    await page.evaluate(NAME_HELPER);
    const photo = await makePhoto(page, site.imageUrl('source', 0));
    images.set('photo-12mp', photo);
    cases.push({ name: `12 MP photo (${(photo.length / 1024 / 1024).toFixed(1)} MB)`, id: 'photo-12mp' });

    let variant = 0;
    console.log(`\nClick to first upload byte, medians of ${runs} alternating runs (ms)${compareDir ? `; compared: ${compareDir}` : ''}\n`);
    console.log(`case                      ${builds.map((build) => build.label.padStart(12)).join('')}   floor  ${builds.map((build) => `ratio (${build.label})`).join('  ')}`);
    for (const { name, id } of cases.filter((candidate) => only === null || candidate.name.includes(only))) {
      const extensionMs = builds.map((): number[] => []);
      const floorMs: number[] = [];
      const outputs = builds.map((): { width: number; height: number; bytes: number } | null => null);
      for (let run = 0; run < runs; run++) {
        for (const [at, build] of builds.entries()) {
          const before = ocr.spans.length;
          const clicked = await clickScan(build.worker, [site.imageUrl(id, variant++)], site.pageUrl);
          await waitFor(() => ocr.spans.length > before, 30_000, 'the extension upload');
          extensionMs[at]?.push((ocr.spans[before]?.startedAt ?? Number.NaN) - clicked);
          await waitForIdle(build.worker, ocr);
          const upload = ocr.received.at(-1);
          if (upload && id === 'photo-12mp') {
            const size = await page.evaluate(async (base64) => {
              const bitmap = await createImageBitmap(new Blob([Uint8Array.from(atob(base64), (char) => char.charCodeAt(0))]));
              return { width: bitmap.width, height: bitmap.height };
            }, upload.file.bytes.toString('base64'));
            outputs[at] = { ...size, bytes: upload.file.bytes.length };
          }
        }
        const output = outputs[0] ?? null;
        const floorBefore = ocr.spans.length;
        const started = await postFromPage(page, site.imageUrl(id, variant++), ocr.http2Url, output && id === 'photo-12mp' ? output : null);
        await waitFor(() => ocr.spans.length > floorBefore, 30_000, 'the floor upload');
        floorMs.push((ocr.spans[floorBefore]?.startedAt ?? Number.NaN) - started);
        for (const build of builds) await waitForIdle(build.worker, ocr);
      }
      const floor = median(floorMs);
      const medians = extensionMs.map(median);
      const ratios = medians.map((ms, at) => `${(ms / Math.max(1, floor)).toFixed(1)}x`.padStart(`ratio (${builds[at]?.label})`.length));
      console.log(`${name.padEnd(26)}${medians.map((ms) => String(ms).padStart(12)).join('')}${String(floor).padStart(8)}  ${ratios.join('  ')}`);
      // On a shared machine the medians wander; the fastest runs show what each can do.
      console.log(`${'  fastest'.padEnd(26)}${extensionMs.map((runs) => String(Math.min(...runs)).padStart(12)).join('')}${String(Math.min(...floorMs)).padStart(8)}`);
      for (const [at, output] of outputs.entries()) {
        if (output) console.log(`  ${builds[at]?.label}: uploaded as ${output.width} × ${output.height} px, ${Math.round(output.bytes / 1024)} KB: ${Math.round((output.bytes / UPLOAD_LIMIT) * 100)}% of the ${UPLOAD_LIMIT / 1024} KB limit`);
      }
    }

    if (only !== null) return 0;
    // Twelve at once against 1 s answers: two at a time, the ideal is six rounds of a second.
    ocr.setFault('slow', { delayMs: 1000 });
    console.log('');
    for (const build of builds) {
      const before = ocr.spans.length;
      const urls = Array.from({ length: 12 }, () => site.imageUrl('sroie-000', variant++));
      const clicked = await clickScan(build.worker, urls, site.pageUrl);
      await waitFor(() => ocr.spans.length >= before + 12 && ocr.spans.every((span) => span.endedAt !== null), 60_000, 'twelve scans');
      await waitFor(async () => (await readBadgeText(build.worker)) === '', 60_000, 'the queue to empty');
      const took = Date.now() - clicked;
      const ideal = Math.ceil(12 / CONCURRENCY) * 1000;
      console.log(`12 scans at once, 1 s answers, ${CONCURRENCY} at a time (${build.label}): ${took} ms, ideal ${ideal} ms: ${(took / ideal).toFixed(2)}x`);
    }
    ocr.setFault(null);
    for (const build of builds) await build.extension.close();
    builds.length = 0;

    console.log(`\nCold start: a scan sent to a stopped worker (a message from an extension page, the event a menu click also is), medians of ${runs} (ms)\n`);
    console.log('build          worker start  start→handled  handled cold/warm  first byte cold/warm');
    for (const [label, dir] of [['this build', EXTENSION_DIR], ...(compareDir ? [['compared', compareDir]] : [])] as const) {
      const cold = await measureColdStart(dir, ocr, () => site.imageUrl('sroie-000', variant++), site.pageUrl, runs);
      console.log(
        `${label.padEnd(15)}${cold.start.toFixed(1).padStart(12)}${cold.evaluatedToHandled.toFixed(1).padStart(15)}${`${cold.coldHandled} / ${cold.warmHandled}`.padStart(19)}${`${cold.coldFirstByte} / ${cold.warmFirstByte}`.padStart(22)}${cold.lost ? `  (${cold.lost} of ${runs} runs lost)` : ''}`,
      );
    }
    console.log('  worker start: message sent → worker created; start→handled: worker created → scan handled (script evaluated, listeners run)');
    return 0;
  } finally {
    for (const build of builds) await build.extension.close();
    await ocr.close();
    site.close();
  }
}
main(process.argv.slice(2)).then(
  (code) => (process.exitCode = code),
  (error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  },
);
