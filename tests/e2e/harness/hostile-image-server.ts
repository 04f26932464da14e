import { createHmac } from 'node:crypto';
import { once } from 'node:events';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { readReceiptImage } from './receipts-dev';

const SECRET = 'journey-20-signing-key';
/** Enough for a 17 KB address to reach the handler (Node's default is 16 KB), so a request for it would be counted. */
const MAX_HEADER_BYTES = 64 * 1024;

export interface HostileImageServer {
  origin: string;
  /** "host:port", as the extension's messages name it. */
  host: string;
  /** A page to open as the tab the images are scanned from. */
  pageUrl: string;
  /** A ~1,200-character pre-signed address of the receipt image: only the whole signature is served, 403 otherwise. */
  signedUrl(receipt: string): string;
  /** A signed address whose first request answers 503, then serves like signedUrl. */
  flakySignedUrl(receipt: string): string;
  /** An address of about `length` characters (never served: a request for it is only counted). */
  longUrl(length: number): string;
  /** Redirects to itself with a growing hop number, without end. */
  loopUrl: string;
  redirectToDataUrl: string;
  redirectToFileUrl: string;
  /** An image address with user:password in it. */
  credentialsUrl: string;
  unauthorizedUrl: string;
  forbiddenUrl: string;
  /** Requests per path and query ("/loop?hop=0"), for telling how often the extension asked. */
  requests: Map<string, number>;
  /** Requests whose path starts with `prefix`. */
  countRequests(prefix: string): number;
  close(): Promise<void>;
}

const sign = (payload: string) => createHmac('sha256', SECRET).update(payload).digest('hex');

/** A storage-style query: credential, date, expiry, a long policy, then the signature over all of it. */
function signedQuery(path: string): string {
  const params = new URLSearchParams({
    'X-Goog-Algorithm': 'GOOG4-RSA-SHA256',
    'X-Goog-Credential': `receipts-bot@example-project.iam.gserviceaccount.com/20261128/auto/storage/goog4_request`,
    'X-Goog-Date': '20261128T050000Z',
    'X-Goog-Expires': '900',
    'X-Goog-SignedHeaders': 'host',
    'X-Goog-Policy': Buffer.from('receipt-policy:'.repeat(30)).toString('base64url'),
  });
  const unsigned = params.toString();
  // The signature itself is long too, as RSA signatures are: five HMACs of the path and query.
  const signature = [0, 1, 2, 3, 4].map((part) => sign(`${part}\n${path}?${unsigned}`)).join('');
  return `${unsigned}&X-Goog-Signature=${signature}`;
}

function hasValidSignature(path: string, query: string): boolean {
  const at = query.lastIndexOf('&X-Goog-Signature=');
  if (at < 0) return false;
  const unsigned = query.slice(0, at);
  const expected = [0, 1, 2, 3, 4].map((part) => sign(`${part}\n${path}?${unsigned}`)).join('');
  return query.slice(at + '&X-Goog-Signature='.length) === expected;
}

/**
 * Image addresses that go wrong the ways real ones do: pre-signed storage links of ~1,200 characters, redirect loops and
 * redirects to data: or file:, images that need a login, an address with a user name and password. Every request is counted.
 */
export async function startHostileImageServer(): Promise<HostileImageServer> {
  const requests = new Map<string, number>();
  const server = createServer({ maxHeaderSize: MAX_HEADER_BYTES }, (request, response) => {
    const target = request.url ?? '/';
    requests.set(target, (requests.get(target) ?? 0) + 1);
    const url = new URL(target, 'http://localhost');
    const send = (status: number, headers: Record<string, string>, body: string | Buffer = '') => {
      response.writeHead(status, { 'cache-control': 'no-store', 'content-length': String(Buffer.byteLength(body)), ...headers });
      response.end(body);
    };
    const redirect = (location: string) => send(302, { location });
    const path = url.pathname;
    const signed = /^\/(signed|flaky)\/([\w-]+)\.jpg$/.exec(path);
    if (path === '/page.html') return send(200, { 'content-type': 'text/html; charset=utf-8' }, '<!doctype html><title>Attachments</title><h1>Attachments</h1>');
    if (signed?.[1] && signed[2]) {
      if (signed[1] === 'flaky' && requests.get(target) === 1) return send(503, { 'content-type': 'text/plain' }, 'try again');
      if (!hasValidSignature(path, url.search.slice(1))) return send(403, { 'content-type': 'application/xml' }, '<Error><Code>SignatureDoesNotMatch</Code></Error>');
      readReceiptImage(signed[2]).then(
        (bytes) => send(200, { 'content-type': 'image/jpeg' }, bytes),
        (error: unknown) => send(500, { 'content-type': 'text/plain' }, String(error)),
      );
      return;
    }
    if (path === '/loop') return redirect(`/loop?hop=${Number(url.searchParams.get('hop') ?? '0') + 1}`);
    if (path === '/to-data.jpg') return redirect('data:image/gif;base64,R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7');
    if (path === '/to-file.jpg') return redirect('file:///etc/hostname');
    if (path === '/needs-login.jpg') return send(401, { 'www-authenticate': 'Basic realm="receipts"', 'content-type': 'text/plain' }, 'sign in');
    if (path === '/not-shared.jpg') return send(403, { 'content-type': 'text/plain' }, 'not shared with you');
    return send(404, { 'content-type': 'text/plain' }, 'not found');
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as AddressInfo;
  const host = `127.0.0.1:${port}`;
  const origin = `http://${host}`;
  const signedUrl = (kind: string, receipt: string) => {
    const path = `/${kind}/${receipt}.jpg`;
    return `${origin}${path}?${signedQuery(path)}`;
  };
  return {
    origin,
    host,
    pageUrl: `${origin}/page.html`,
    signedUrl: (receipt) => signedUrl('signed', receipt),
    flakySignedUrl: (receipt) => signedUrl('flaky', receipt),
    longUrl: (length) => `${origin}/attachment.jpg?token=${'t'.repeat(Math.max(0, length - origin.length - 22))}`,
    loopUrl: `${origin}/loop?hop=0`,
    redirectToDataUrl: `${origin}/to-data.jpg`,
    redirectToFileUrl: `${origin}/to-file.jpg`,
    credentialsUrl: `http://receipts:s3cret@${host}/private/receipt.jpg`,
    unauthorizedUrl: `${origin}/needs-login.jpg`,
    forbiddenUrl: `${origin}/not-shared.jpg`,
    requests,
    countRequests: (prefix) => [...requests].filter(([target]) => target.startsWith(prefix)).reduce((sum, [, count]) => sum + count, 0),
    close: async () => {
      server.closeAllConnections();
      server.close();
      await once(server, 'close');
    },
  };
}
