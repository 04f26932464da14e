import { createServer } from 'node:http';
import { once } from 'node:events';
import type { AddressInfo } from 'node:net';
import { readReceiptImage } from './receipts-dev';

export interface VariantImageServer {
  /** A page showing the images as <img>, to right-click them from. */
  pageUrl: string;
  /** The shared receipt with `variant` bytes after its end marker: a different file (and original) that reads the same. */
  imageUrl(id: string, variant: number): string;
  close(): Promise<void>;
}

/** Many distinct receipts from the few shared ones, as phones make them (data after the JPEG's end). */
export async function startVariantImageServer(): Promise<VariantImageServer> {
  const server = createServer((request, response) => {
    const url = new URL(request.url ?? '/', 'http://localhost');
    const match = /^\/variant\/([\w-]+)\/(\d+)\.jpg$/.exec(url.pathname);
    if (url.pathname === '/page.html') {
      response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      return void response.end('<!doctype html><html><head><title>Receipts</title></head><body><h1>Receipts</h1></body></html>');
    }
    if (!match) return void response.writeHead(404).end();
    void readReceiptImage(match[1] ?? '').then(
      (image) => {
        const body = Buffer.concat([image, Buffer.alloc(Number(match[2]) + 1, 0x20)]);
        response.writeHead(200, { 'content-type': 'image/jpeg', 'content-length': String(body.length) });
        response.end(body);
      },
      () => void response.writeHead(404).end(),
    );
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    pageUrl: `${origin}/page.html`,
    imageUrl: (id, variant) => `${origin}/variant/${id}/${variant}.jpg`,
    // Chromium keeps connections open: without closing them, close() waits out their idle time (minutes).
    close: () => new Promise((resolve) => {
      server.close(() => resolve());
      server.closeAllConnections();
    }),
  };
}
