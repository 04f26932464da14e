import { once } from 'node:events';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { readReceiptImage } from './receipts-dev';

/** What a picture of the page becomes once the page has shown it: still the receipt, an HTML page, or gone. */
export type LaterAnswer = 'receipt' | 'html' | 'not-found';

export interface MixedImage {
  /** Its path on the server, "/<name>.jpg". */
  name: string;
  receipt: string;
  later: LaterAnswer;
}

export interface MixedPageServer {
  pageUrl: string;
  imageUrl(name: string): string;
  iconUrl: string;
  /** Requests per path, to tell the page's own load from the extension's download. */
  requests: Map<string, number>;
  close(): Promise<void>;
}

/** A 1×1 transparent GIF: shown as a 16×16 icon, it is no receipt. */
const ICON_GIF = Buffer.from('R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7', 'base64');
export const HTML_PAGE = '<!doctype html><html><head><title>Session expired</title></head><body><p>Please sign in again.</p></body></html>\n';

/**
 * A web page whose images all decode in the page (so they count as receipts), but some of which are different
 * when the extension downloads them: an HTML login page sent as image/jpeg, or a 404, as with expiring links.
 */
export async function startMixedPageServer(images: readonly MixedImage[]): Promise<MixedPageServer> {
  const requests = new Map<string, number>();
  const server = createServer((request, response) => {
    const path = new URL(request.url ?? '/', 'http://localhost').pathname;
    const count = (requests.get(path) ?? 0) + 1;
    requests.set(path, count);
    const send = (status: number, type: string, body: string | Buffer) => {
      response.writeHead(status, { 'content-type': type, 'content-length': String(Buffer.byteLength(body)), 'cache-control': 'no-store' });
      response.end(body);
    };
    if (path === '/mixed.html') {
      const figures = images.map(({ name }) => `<figure><img src="/${name}.jpg" alt="Receipt ${name}" width="200"></figure>`);
      const icon = '<img src="/icon.gif" alt="" width="16" height="16">';
      return send(200, 'text/html; charset=utf-8', `<!doctype html><html><head><meta charset="utf-8"><title>Expenses, March</title></head><body>${icon}<h1>Expenses</h1>${figures.join('')}</body></html>`);
    }
    if (path === '/icon.gif') return send(200, 'image/gif', ICON_GIF);
    const image = images.find(({ name }) => path === `/${name}.jpg`);
    if (!image) return send(404, 'text/plain', 'not found');
    if (count > 1 && image.later === 'html') return send(200, 'image/jpeg', HTML_PAGE);
    if (count > 1 && image.later === 'not-found') return send(404, 'text/html; charset=utf-8', '<!doctype html><title>404</title>');
    readReceiptImage(image.receipt).then(
      (bytes) => send(200, 'image/jpeg', bytes),
      (error: unknown) => send(500, 'text/plain', String(error)),
    );
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    pageUrl: `${origin}/mixed.html`,
    imageUrl: (name) => `${origin}/${name}.jpg`,
    iconUrl: `${origin}/icon.gif`,
    requests,
    close: async () => {
      server.closeAllConnections();
      server.close();
      await once(server, 'close');
    },
  };
}
