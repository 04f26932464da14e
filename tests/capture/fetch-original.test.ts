import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { fetchOriginal } from '../../utils/capture/fetch-original';
import { ScanFailure, scanErrors, type ScanError } from '../../utils/scan-error';

const KB = 1024;
const bytesOfLength = (length: number): Uint8Array<ArrayBuffer> => Uint8Array.from({ length }, (_, index) => index % 251);

type Route = (request: IncomingMessage, response: ServerResponse) => void;
const routes: Record<string, Route> = {
  '/receipt.jpg': (_, response) => {
    response.writeHead(200, { 'Content-Type': 'image/jpeg', 'Content-Length': String(40 * KB) });
    response.end(bytesOfLength(40 * KB));
  },
  '/chunked-big': (_, response) => {
    response.writeHead(200, { 'Content-Type': 'image/jpeg' });
    let sent = 0;
    const send = () => {
      // Keeps sending until the client hangs up; only the client's limit ends it.
      if (response.destroyed || sent > 10_000 * KB) return response.end();
      sent += 16 * KB;
      response.write(bytesOfLength(16 * KB), () => setImmediate(send));
    };
    send();
  },
  '/chunked-small': (_, response) => {
    response.writeHead(200);
    response.write(bytesOfLength(3000));
    response.end(bytesOfLength(2000));
  },
  '/declared-huge': (_, response) => {
    response.writeHead(200, { 'Content-Length': String(50 * KB * KB) });
    response.end();
  },
  '/declared-shorter': (request, response) => {
    // Announces 1000 bytes but writes 5000: HTTP framing stops the client after 1000.
    response.socket?.end('HTTP/1.1 200 OK\r\nContent-Length: 1000\r\nConnection: close\r\n\r\n' + 'x'.repeat(5000));
    void request;
  },
  '/declared-longer': (request, response) => {
    response.socket?.end('HTTP/1.1 200 OK\r\nContent-Length: 9000\r\nConnection: close\r\n\r\n' + 'x'.repeat(3000));
    void request;
  },
  '/missing': (_, response) => {
    response.writeHead(404, { 'Content-Type': 'text/html' });
    response.end('<html>Not found</html>');
  },
  '/forbidden': (_, response) => {
    response.writeHead(403);
    response.end('no');
  },
  '/unauthorized': (_, response) => {
    response.writeHead(401, { 'WWW-Authenticate': 'Basic realm="receipts"' });
    response.end('sign in');
  },
  '/loop': (_, response) => {
    response.writeHead(302, { Location: '/loop' });
    response.end();
  },
  '/to-data': (_, response) => {
    response.writeHead(302, { Location: 'data:image/png;base64,iVBORw0KGgo=' });
    response.end();
  },
  '/to-file': (_, response) => {
    response.writeHead(301, { Location: 'file:///home/user/receipt.jpg' });
    response.end();
  },
  '/hop-to-data': (_, response) => {
    response.writeHead(307, { Location: '/to-data' });
    response.end();
  },
  '/broken': (_, response) => {
    response.writeHead(503);
    response.end();
  },
  '/empty': (_, response) => {
    response.writeHead(200, { 'Content-Length': '0' });
    response.end();
  },
  '/moved': (_, response) => {
    response.writeHead(302, { Location: '/receipt.jpg' });
    response.end();
  },
  '/stall-body': (_, response) => {
    response.writeHead(200, { 'Content-Length': String(10 * KB) });
    response.write(bytesOfLength(KB));
  },
  '/stall-headers': () => undefined,
  '/slow-but-steady': (_, response) => {
    response.writeHead(200);
    let left = 6;
    const timer = setInterval(() => {
      response.write(bytesOfLength(100));
      left -= 1;
      if (left === 0) {
        clearInterval(timer);
        response.end();
      }
    }, 40);
  },
  '/drip': (_, response) => {
    // One byte every 50 ms, never ending: the stall timer never fires.
    response.writeHead(200, { 'Content-Type': 'image/jpeg' });
    const timer = setInterval(() => response.write(bytesOfLength(1)), 50);
    response.on('close', () => {
      clearInterval(timer);
      dripsClosed += 1;
    });
  },
  '/cookie': (request, response) => {
    response.writeHead(200);
    response.end(request.headers.cookie ?? 'none');
  },
};

let server: Server;
let base = '';
let dripsClosed = 0;
const hits = new Map<string, number>();

beforeAll(async () => {
  server = createServer((request, response) => {
    hits.set(request.url ?? '', (hits.get(request.url ?? '') ?? 0) + 1);
    const route = routes[request.url ?? ''];
    if (route) route(request, response);
    else {
      response.writeHead(500);
      response.end();
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

async function failureOf(promise: Promise<unknown>): Promise<ScanError> {
  const error = await promise.then(
    () => new Error('expected a ScanFailure'),
    (reason: unknown) => reason,
  );
  if (!(error instanceof ScanFailure)) throw error;
  return error.error;
}

const download = (path: string, extra: Partial<Parameters<typeof fetchOriginal>[0]> = {}) =>
  fetchOriginal({ url: `${base}${path}`, fetch, limitBytes: 100 * KB, ...extra });

describe('fetchOriginal over HTTP', () => {
  it('returns the body byte for byte and reports progress up to the full size', async () => {
    const progress: [number, number | null][] = [];
    const bytes = await download('/receipt.jpg', { onProgress: (loaded, total) => progress.push([loaded, total]) });
    expect(bytes).toEqual(bytesOfLength(40 * KB));
    expect(progress[0]).toEqual([0, 40 * KB]);
    expect(progress.at(-1)).toEqual([40 * KB, 40 * KB]);
    expect(progress.every(([, total]) => total === 40 * KB)).toBe(true);
    const loaded = progress.map(([value]) => value);
    expect(loaded).toEqual([...loaded].sort((a, b) => a - b));
  });

  it('reports an unknown total while chunked, then the full size at the end', async () => {
    const progress: [number, number | null][] = [];
    const bytes = await download('/chunked-small', { onProgress: (loaded, total) => progress.push([loaded, total]) });
    expect(bytes.length).toBe(5000);
    expect(progress.slice(0, -1).every(([, total]) => total === null)).toBe(true);
    expect(progress.at(-1)).toEqual([5000, 5000]);
  });

  it('follows redirects', async () => {
    expect((await download('/moved')).length).toBe(40 * KB);
  });

  it('asks for the response with the user\'s cookies and following redirects', async () => {
    const spy = vi.fn(fetch);
    await fetchOriginal({ url: `${base}/cookie`, fetch: spy, limitBytes: KB });
    expect(spy.mock.calls[0]?.[1]).toMatchObject({ credentials: 'include', redirect: 'follow' });
  });

  it('stops a chunked body without Content-Length as soon as it passes the limit', async () => {
    const progress: number[] = [];
    const error = await failureOf(download('/chunked-big', { onProgress: (loaded) => progress.push(loaded) }));
    expect(error).toEqual(scanErrors.tooLargeUnknown(100 * KB));
    expect(error.message).toBe('The image is larger than the 100 KB limit.');
    expect(Math.max(...progress)).toBeLessThanOrEqual(100 * KB);
  });

  it('fails before reading when Content-Length is over the limit', async () => {
    const onProgress = vi.fn();
    const error = await failureOf(download('/declared-huge', { onProgress }));
    expect(error).toEqual(scanErrors.tooLarge(50 * KB * KB, 100 * KB));
    expect(error.message).toBe('The image is 50 MB; the limit is 100 KB.');
    expect(onProgress).not.toHaveBeenCalled();
  });

  it('keeps only the announced bytes when Content-Length is shorter than the body', async () => {
    expect(await download('/declared-shorter')).toEqual(new Uint8Array(1000).fill(0x78));
  });

  it('says the download was cut short when Content-Length is longer than the body', async () => {
    expect(await failureOf(download('/declared-longer'))).toEqual(scanErrors.truncated('image'));
  });

  it.each([
    ['/missing', scanErrors.notFound()],
    ['/forbidden', scanErrors.accessDenied(403)],
    ['/unauthorized', scanErrors.accessDenied(401)],
    ['/broken', scanErrors.httpStatus(503, 'image server')],
  ])('turns the status of %s into a user-facing error', async (path, expected) => {
    expect(await failureOf(download(path))).toEqual(expected);
  });

  it('returns no bytes for an empty 200 answer', async () => {
    expect(await download('/empty')).toEqual(new Uint8Array(0));
  });

  it.each([
    ['the body', '/stall-body'],
    ['the headers', '/stall-headers'],
  ])('times out when %s stop coming', async (_, path) => {
    const started = Date.now();
    const error = await failureOf(download(path, { timeoutMs: 150 }));
    expect(error).toEqual(scanErrors.timeout('image server', 0.2));
    expect(Date.now() - started).toBeLessThan(2000);
  });

  it('does not time out a slow download that keeps sending', async () => {
    expect((await download('/slow-but-steady', { timeoutMs: 150 })).length).toBe(600);
  });

  it.each([
    ['the headers never come', '/stall-headers'],
    ['a byte drips in every 50 ms', '/drip'],
  ])('ends at the download deadline when %s, saying which deadline passed', async (_, path) => {
    const started = Date.now();
    const error = await failureOf(download(path, { timeoutMs: 5_000, deadlineMs: 400 }));
    expect(error).toEqual(scanErrors.downloadDeadline(0.4));
    expect(error.message).toBe('The image did not finish downloading within the download deadline of 0.4 seconds. If the image server is just slow, raise the download deadline in the options, then press Retry.');
    expect(Date.now() - started).toBeGreaterThanOrEqual(350);
    expect(Date.now() - started).toBeLessThan(2000);
  });

  it('hangs up on the dripping server when the deadline passes', async () => {
    const before = dripsClosed;
    await failureOf(download('/drip', { deadlineMs: 300 }));
    await vi.waitFor(() => expect(dripsClosed).toBe(before + 1), { timeout: 2000 });
  });

  it('does not cut a download that ends before its deadline', async () => {
    expect((await download('/slow-but-steady', { deadlineMs: 5_000 })).length).toBe(600);
  });

  it('says which host could not be reached', async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise((resolve) => closed.close(resolve));
    const error = await failureOf(fetchOriginal({ url: `http://127.0.0.1:${port}/x.jpg`, fetch, limitBytes: KB }));
    expect(error).toEqual(scanErrors.network(`127.0.0.1:${port}`));
  });

  it('passes on the caller\'s abort as it is', async () => {
    const controller = new AbortController();
    const pending = download('/stall-body', { signal: controller.signal });
    setTimeout(() => controller.abort(new Error('user cancelled')), 50);
    await expect(pending).rejects.toThrow('user cancelled');
  });
});

describe('fetchOriginal when a redirect cannot be followed (Node shows where each hop leads)', () => {
  it.each([
    ['a loop', '/loop', () => scanErrors.tooManyRedirects(new URL(base).host)],
    ['a redirect to data:', '/to-data', () => scanErrors.redirectToLocal(new URL(base).host, 'data')],
    ['a redirect to file:', '/to-file', () => scanErrors.redirectToLocal(new URL(base).host, 'file')],
    ['a second hop to data:', '/hop-to-data', () => scanErrors.redirectToLocal(new URL(base).host, 'data')],
  ])('names %s, and says trying again will not help', async (_, path, expected) => {
    const error = await failureOf(download(path));
    expect(error).toEqual(expected());
    expect(error.retryable).toBe(false);
  });

  it('asks the redirecting address once more, without following it, to tell a local target from a dropped connection', async () => {
    hits.clear();
    await failureOf(download('/to-file'));
    expect(hits.get('/to-file')).toBe(2);
  });
});

describe('fetchOriginal in a browser, where a failed fetch says only "Failed to fetch"', () => {
  const opaqueRedirect = { type: 'opaqueredirect', status: 0, headers: new Headers(), body: null } as unknown as Response;
  const browserFetch = (manualAnswer: (signal: AbortSignal | null | undefined) => Promise<Response>) =>
    vi.fn<typeof fetch>(async (_, init) => {
      if (init?.redirect === 'manual') return manualAnswer(init.signal);
      throw new TypeError('Failed to fetch');
    });

  it('names both a loop and a local target when the address redirects and the redirect is hidden', async () => {
    const spy = browserFetch(async () => opaqueRedirect);
    const error = await failureOf(fetchOriginal({ url: 'https://cdn.example/r.jpg', fetch: spy, limitBytes: KB }));
    expect(error).toEqual(scanErrors.redirectFailed('cdn.example'));
    expect(error.message).toBe(
      'The address on cdn.example redirects, and the browser would not follow it: the redirect loops, or leads to a local (data: or file:) address. The image cannot be downloaded.',
    );
    expect(spy.mock.calls.map(([, init]) => init?.redirect)).toEqual(['follow', 'manual']);
  });

  it.each([
    ['the second request fails too', async (): Promise<Response> => Promise.reject(new TypeError('Failed to fetch'))],
    ['the server answers the second request', async () => new Response('ok')],
  ])('says the host could not be reached, to be retried, when %s', async (_, manualAnswer) => {
    const error = await failureOf(fetchOriginal({ url: 'https://cdn.example/r.jpg', fetch: browserFetch(manualAnswer), limitBytes: KB }));
    expect(error).toEqual(scanErrors.network('cdn.example'));
    expect(error.retryable).toBe(true);
  });

  it('times out a second request that does not answer', async () => {
    const error = await failureOf(
      fetchOriginal({ url: 'https://cdn.example/r.jpg', fetch: browserFetch((signal) => new Promise<Response>((_, reject) => signal?.addEventListener('abort', () => reject(new DOMException('stopped', 'AbortError'))))), limitBytes: KB, timeoutMs: 100 }),
    );
    expect(error).toEqual(scanErrors.timeout('image server', 0.1));
  });
});

describe('fetchOriginal with a body that lies', () => {
  const lyingFetch = (declared: string, body: Uint8Array<ArrayBuffer>, headers: Record<string, string> = {}): typeof fetch =>
    vi.fn(async () => new Response(body, { headers: { 'Content-Length': declared, ...headers } }));

  it('enforces the limit on the bytes read even when Content-Length claims fewer', async () => {
    const error = await failureOf(fetchOriginal({ url: 'https://shop.example/r.jpg', fetch: lyingFetch('10', bytesOfLength(5000)), limitBytes: 4000 }));
    expect(error).toEqual(scanErrors.tooLargeUnknown(4000));
  });

  it('drops a total that the body overtakes, and ends at the real size', async () => {
    const progress: [number, number | null][] = [];
    await fetchOriginal({
      url: 'https://shop.example/r.jpg',
      fetch: lyingFetch('10', bytesOfLength(3000)),
      limitBytes: 4000,
      onProgress: (loaded, total) => progress.push([loaded, total]),
    });
    expect(progress[0]).toEqual([0, 10]);
    expect(progress.at(-1)).toEqual([3000, 3000]);
    expect(progress.slice(1, -1).every(([, total]) => total === null)).toBe(true);
  });

  it('ignores Content-Length of a compressed body', async () => {
    const progress: (number | null)[] = [];
    await fetchOriginal({
      url: 'https://shop.example/r.jpg',
      fetch: lyingFetch('100', bytesOfLength(300), { 'Content-Encoding': 'gzip' }),
      limitBytes: 4000,
      onProgress: (_, total) => progress.push(total),
    });
    expect(progress[0]).toBeNull();
  });
});

describe('fetchOriginal addresses', () => {
  it.each([
    ['base64', 'data:image/png;base64,iVBORw0KGgo=', [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]],
    ['percent-encoded', 'data:text/plain,a%20b', [0x61, 0x20, 0x62]],
  ])('reads a %s data: URL', async (_, url, expected) => {
    expect(await fetchOriginal({ url, fetch, limitBytes: KB })).toEqual(Uint8Array.from(expected));
  });

  it('says a data: URL without a comma is malformed', async () => {
    expect(await failureOf(fetchOriginal({ url: 'data:image/png;base64', fetch, limitBytes: KB }))).toEqual(
      scanErrors.notAnImage('a malformed data: address'),
    );
  });

  it('passes on an unexpected error of the fetch function as it is', async () => {
    const broken: typeof fetch = async () => {
      throw new RangeError('bug in a wrapper');
    };
    await expect(fetchOriginal({ url: 'https://shop.example/r.jpg', fetch: broken, limitBytes: KB })).rejects.toThrow(RangeError);
  });

  it('returns no bytes for a response without a body', async () => {
    const bodiless: typeof fetch = async () => new Response(null, { status: 200 });
    expect(await fetchOriginal({ url: 'https://shop.example/r.jpg', fetch: bodiless, limitBytes: KB })).toEqual(new Uint8Array(0));
  });

  it('enforces the limit on data: URLs', async () => {
    const url = `data:application/octet-stream;base64,${Buffer.from(bytesOfLength(3000)).toString('base64')}`;
    const error = await failureOf(fetchOriginal({ url, fetch, limitBytes: 2000 }));
    expect(error.code).toBe('too-large');
  });

  it.each([
    ['file:///home/user/receipt.jpg', 'file'],
    ['ftp://example.com/receipt.jpg', 'ftp'],
    ['chrome://settings/', 'chrome'],
    ['chrome-extension://abc/receipt.png', 'chrome-extension'],
    ['blob:https://shop.example/1234', 'blob'],
    ['not a url', 'not a url'],
  ])('refuses %s', async (url, scheme) => {
    const spy = vi.fn(fetch);
    expect(await failureOf(fetchOriginal({ url, fetch: spy, limitBytes: KB }))).toEqual(scanErrors.unsupportedSource(scheme));
    expect(spy).not.toHaveBeenCalled();
  });

  it.each([
    ['http://user:secret@shop.example/r.jpg', 'shop.example'],
    ['https://user@shop.example:8443/r.jpg', 'shop.example:8443'],
    ['https://:secret@shop.example/r.jpg', 'shop.example'],
  ])('refuses %s, with a user name or password, without fetching it', async (url, host) => {
    const spy = vi.fn(fetch);
    const error = await failureOf(fetchOriginal({ url, fetch: spy, limitBytes: KB }));
    expect(error).toEqual(scanErrors.credentialsInAddress(host));
    expect(error.retryable).toBe(false);
    expect(spy).not.toHaveBeenCalled();
  });

  it('fetches an address of 16 KB whole', async () => {
    const head = 'https://storage.example/r.jpg?X-Signature=';
    const url = `${head}${'a'.repeat(16 * KB - head.length)}`;
    expect(url.length).toBe(16 * KB);
    const spy = vi.fn(async () => new Response(bytesOfLength(10)));
    await fetchOriginal({ url, fetch: spy, limitBytes: KB });
    expect(spy).toHaveBeenCalledWith(url, expect.anything());
  });

  it('refuses an address over 16 KB without fetching it', async () => {
    const spy = vi.fn(fetch);
    const error = await failureOf(fetchOriginal({ url: `https://storage.example/r.jpg?s=${'a'.repeat(16 * KB)}`, fetch: spy, limitBytes: KB }));
    expect(error).toEqual(scanErrors.addressTooLong(16 * KB));
    expect(error.message).toBe('The image address is over 16 KB long, too long to download, so the image cannot be scanned.');
    expect(spy).not.toHaveBeenCalled();
  });

  it('reads a blob: URL through readBlobUrl and reports its size', async () => {
    const readBlobUrl = vi.fn(async () => bytesOfLength(500));
    const onProgress = vi.fn();
    const bytes = await fetchOriginal({ url: 'blob:https://shop.example/1234', fetch, limitBytes: KB, readBlobUrl, onProgress });
    expect(bytes).toEqual(bytesOfLength(500));
    expect(readBlobUrl).toHaveBeenCalledWith('blob:https://shop.example/1234');
    expect(onProgress).toHaveBeenCalledWith(500, 500);
  });

  it('enforces the limit on a blob: URL', async () => {
    const readBlobUrl = async () => bytesOfLength(2 * KB);
    const error = await failureOf(fetchOriginal({ url: 'blob:https://shop.example/1234', fetch, limitBytes: KB, readBlobUrl }));
    expect(error).toEqual(scanErrors.tooLarge(2 * KB, KB));
  });
});
