import { createServer } from 'node:http';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { once } from 'node:events';
import type { AddressInfo } from 'node:net';
import { readReceiptImage } from './receipts-dev';

export interface PageServer {
  origin: string;
  /** A page showing the given shared receipts as <img id="<id>" src="/images/<id>.jpg">. */
  receiptsPageUrl(ids: readonly string[]): string;
  imageUrl(id: string): string;
  /** A page that fetches the two receipts and shows them as <img id="blob-image"> (blob:) and <img id="data-image"> (data:). */
  blobAndDataPageUrl(blobId: string, dataId: string): string;
  /** An HTML document sent as image/jpeg. */
  htmlAsJpegUrl: string;
  notFoundUrl: string;
  /** A JPEG of `bytes` bytes (a real header, then filler), streamed; `withLength` says whether Content-Length is sent. */
  hugeImageUrl(bytes: number, withLength: boolean): string;
  /** Paths requested so far, to tell whether the extension fetched a URL. */
  requests: string[];
  close(): Promise<void>;
}

const HTML_AS_JPEG = '<!doctype html><html><head><title>Not a receipt</title></head><body><p>Sorry, this is a web page.</p></body></html>\n';

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

function receiptsPage(ids: readonly string[]): string {
  const images = ids.map((id) => `<figure><img id="${escapeHtml(id)}" src="/images/${escapeHtml(id)}.jpg" alt="Receipt ${escapeHtml(id)}" width="200"><figcaption>${escapeHtml(id)}</figcaption></figure>`);
  return `<!doctype html><html><head><meta charset="utf-8"><title>Receipts to scan</title></head><body><h1>Receipts to scan</h1>${images.join('')}</body></html>`;
}

function blobAndDataPage(blobId: string, dataId: string): string {
  // The page builds both images from fetched bytes, as a web app would; data-ready marks when both are shown.
  const script = `
    const load = async (id) => new Uint8Array(await (await fetch('/images/' + id + '.jpg')).arrayBuffer());
    const toBase64 = (bytes) => { let s = ''; for (let i = 0; i < bytes.length; i += 0x8000) s += String.fromCharCode(...bytes.subarray(i, i + 0x8000)); return btoa(s); };
    const shown = (img) => new Promise((ok, fail) => { img.onload = ok; img.onerror = fail; });
    (async () => {
      const blobImg = document.getElementById('blob-image');
      const dataImg = document.getElementById('data-image');
      const blobBytes = await load(${JSON.stringify(blobId)});
      const dataBytes = await load(${JSON.stringify(dataId)});
      const both = Promise.all([shown(blobImg), shown(dataImg)]);
      blobImg.src = URL.createObjectURL(new Blob([blobBytes], { type: 'image/jpeg' }));
      dataImg.src = 'data:image/jpeg;base64,' + toBase64(dataBytes);
      await both;
      document.body.dataset.ready = 'true';
    })().catch((error) => { document.body.dataset.ready = 'error: ' + error; });`;
  return `<!doctype html><html><head><meta charset="utf-8"><title>Receipts from blob and data</title></head><body>
<img id="blob-image" alt="Receipt from a blob" width="200"><img id="data-image" alt="Receipt from a data URL" width="200">
<script type="module">${script}</script></body></html>`;
}

/** A JPEG start (SOI + JFIF APP0) so that sniffing alone cannot refuse it; the size is what must be refused. */
const JPEG_HEAD = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0x00, 0x01, 0x01, 0x00, 0x00, 0x01, 0x00, 0x01, 0x00, 0x00]);

async function streamHugeImage(response: ServerResponse, size: number, withLength: boolean): Promise<void> {
  response.writeHead(200, { 'content-type': 'image/jpeg', ...(withLength ? { 'content-length': String(size) } : {}) });
  const chunk = Buffer.alloc(256 * 1024, 0x5a);
  let sent = 0;
  const write = (bytes: Buffer) => (response.write(bytes) ? Promise.resolve() : once(response, 'drain').then(() => undefined));
  await write(JPEG_HEAD);
  sent += JPEG_HEAD.length;
  while (sent < size && !response.destroyed) {
    const part = chunk.subarray(0, Math.min(chunk.length, size - sent));
    await write(part);
    sent += part.length;
  }
  response.end();
}

async function route(request: IncomingMessage, response: ServerResponse): Promise<void> {
  const url = new URL(request.url ?? '/', 'http://localhost');
  const send = (status: number, type: string, body: string | Buffer) => {
    response.writeHead(status, { 'content-type': type, 'content-length': String(Buffer.byteLength(body)), 'cache-control': 'no-store' });
    response.end(body);
  };
  const image = /^\/images\/([\w-]+)\.jpg$/.exec(url.pathname);
  if (url.pathname === '/receipts.html') return send(200, 'text/html; charset=utf-8', receiptsPage(url.searchParams.getAll('id')));
  if (url.pathname === '/blob-and-data.html')
    return send(200, 'text/html; charset=utf-8', blobAndDataPage(url.searchParams.get('blob') ?? '', url.searchParams.get('data') ?? ''));
  if (image?.[1]) {
    const bytes = await readReceiptImage(image[1]).catch(() => null);
    return bytes ? send(200, 'image/jpeg', bytes) : send(404, 'text/plain', 'no such receipt image');
  }
  if (url.pathname === '/html-as-jpeg.jpg') return send(200, 'image/jpeg', HTML_AS_JPEG);
  if (url.pathname === '/huge.jpg')
    return streamHugeImage(response, Number(url.searchParams.get('bytes') ?? '0'), url.searchParams.get('length') === 'yes');
  return send(404, 'text/html; charset=utf-8', '<!doctype html><title>404</title><p>Not found</p>');
}

/** Serves the web pages a user would right-click receipts on, on 127.0.0.1 at a random port. */
export async function startPageServer(): Promise<PageServer> {
  const requests: string[] = [];
  const server = createServer((request, response) => {
    requests.push(request.url ?? '');
    route(request, response).catch((error: unknown) => {
      if (!response.headersSent) response.writeHead(500, { 'content-type': 'text/plain' });
      response.end(String(error));
    });
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as AddressInfo;
  const origin = `http://127.0.0.1:${port}`;
  return {
    origin,
    receiptsPageUrl: (ids) => `${origin}/receipts.html?${ids.map((id) => `id=${encodeURIComponent(id)}`).join('&')}`,
    imageUrl: (id) => `${origin}/images/${id}.jpg`,
    blobAndDataPageUrl: (blobId, dataId) => `${origin}/blob-and-data.html?blob=${encodeURIComponent(blobId)}&data=${encodeURIComponent(dataId)}`,
    htmlAsJpegUrl: `${origin}/html-as-jpeg.jpg`,
    notFoundUrl: `${origin}/missing-receipt.jpg`,
    hugeImageUrl: (bytes, withLength) => `${origin}/huge.jpg?bytes=${bytes}&length=${withLength ? 'yes' : 'no'}`,
    requests,
    close: async () => {
      server.closeAllConnections();
      server.close();
      await once(server, 'close');
    },
  };
}
