import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { fetchOriginal } from '../../utils/capture/fetch-original';
import { ScanFailure, type ScanError } from '../../utils/scan-error';
import {
  buildPng,
  createScanScene,
  expectRefusedBeforeStoring,
  MB,
  readDevImage,
  serveBytes,
  serveRaw,
  startTestServer,
  type Route,
  type ScanScene,
  type TestServer,
} from './harness';

const jpeg = readDevImage('sroie-000.jpg');
const png = buildPng(40, 30);
const text = (value: string) => new TextEncoder().encode(value);

const notAnImage = (what: string): ScanError => ({
  code: 'not-an-image',
  message: `This is not an image: it looks like ${what}. Only JPEG, PNG, GIF, WebP, BMP, TIFF and PDF can be scanned.`,
  retryable: false,
});
const truncated = (type: string): ScanError => ({
  code: 'truncated',
  message: `The ${type} file is cut short; the download may have been interrupted.`,
  retryable: true,
});
const EMPTY: ScanError = { code: 'empty', message: 'The image is empty (0 bytes).', retryable: false };

let server: TestServer;
let routeCount = 0;
let scene: ScanScene;

beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.close());
beforeEach(() => {
  scene = createScanScene();
});

describe('hostile bodies served as images end failed, with nothing stored or uploaded', () => {
  it.each<[string, Route, ScanError]>([
    ['an empty file served as image/jpeg', serveBytes(new Uint8Array(0), { 'content-type': 'image/jpeg', 'content-length': '0' }), EMPTY],
    ['a 0-byte chunked 200 without headers', serveBytes(new Uint8Array(0)), EMPTY],
    ['a 204 No Content', (_, response) => void response.writeHead(204).end(), EMPTY],
    ['a 1-byte file (0xFF)', serveBytes(new Uint8Array([0xff]), { 'content-type': 'image/jpeg' }), notAnImage('unknown binary data')],
    ['a 1-byte file (a letter)', serveBytes(text('R'), { 'content-type': 'image/png' }), notAnImage('text')],
    ['a JPEG cut to its first 2 bytes', serveBytes(jpeg.slice(0, 2), { 'content-type': 'image/jpeg' }), notAnImage('unknown binary data')],
    ['a JPEG cut to its signature', serveBytes(jpeg.slice(0, 3), { 'content-type': 'image/jpeg' }), truncated('JPEG')],
    ['a JPEG cut in half', serveBytes(jpeg.slice(0, jpeg.length >> 1), { 'content-type': 'image/jpeg' }), truncated('JPEG')],
    ['a JPEG missing its end marker', serveBytes(jpeg.slice(0, -2), { 'content-type': 'image/jpeg' }), truncated('JPEG')],
    ['a JPEG missing its last byte', serveBytes(jpeg.slice(0, -1), { 'content-type': 'image/jpeg' }), truncated('JPEG')],
    ['a PNG cut to its signature', serveBytes(png.slice(0, 8), { 'content-type': 'image/png' }), truncated('PNG')],
    ['a PNG cut inside IHDR', serveBytes(png.slice(0, 20), { 'content-type': 'image/png' }), truncated('PNG')],
    ['a PNG cut inside IDAT', serveBytes(png.slice(0, 60), { 'content-type': 'image/png' }), truncated('PNG')],
    ['a PNG without its IEND chunk', serveBytes(png.slice(0, -12), { 'content-type': 'image/png' }), truncated('PNG')],
    ['a PNG missing its last byte', serveBytes(png.slice(0, -1), { 'content-type': 'image/png' }), truncated('PNG')],
    ['an HTML page', serveBytes(text('<!DOCTYPE html><html><body><img src=x onerror=alert(1)></body></html>'), { 'content-type': 'image/jpeg' }), notAnImage('an HTML page')],
    ['an HTML page after a BOM and blank lines', serveBytes(text('\uFEFF\n\n  <html lang="en"><head></head></html>'), { 'content-type': 'image/png' }), notAnImage('an HTML page')],
    ['a JSON error body', serveBytes(text('{"error":"not found","status":404}'), { 'content-type': 'image/jpeg' }), notAnImage('JSON')],
    ['a JSON array', serveBytes(text('[1,2,3]'), { 'content-type': 'image/webp' }), notAnImage('JSON')],
    ['an SVG', serveBytes(text('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'), { 'content-type': 'image/svg+xml' }), notAnImage('an SVG image (vector images are not supported)')],
    ['an SVG behind an XML declaration', serveBytes(text('<?xml version="1.0"?>\n<svg width="10" height="10"/>'), { 'content-type': 'image/png' }), notAnImage('an SVG image (vector images are not supported)')],
    ['a script', serveBytes(text('(function(){document.cookie="x"})();'), { 'content-type': 'image/gif' }), notAnImage('a script')],
    ['a module script', serveBytes(text('import { steal } from "./x.js";\nsteal();'), { 'content-type': 'image/jpeg' }), notAnImage('a script')],
  ])('%s', async (_, route, error) => {
    const path = `/hostile-${(routeCount += 1)}`;
    server.route(path, route);
    await expectRefusedBeforeStoring(scene, await scene.scan(server.url(path)), error);
  });
});

describe('lying and broken HTTP framing', () => {
  it('keeps only the announced bytes when Content-Length is smaller than the body, and calls the JPEG cut short at its source, not worth retrying', async () => {
    server.route('/short-length', serveRaw(`HTTP/1.1 200 OK\r\nContent-Type: image/jpeg\r\nContent-Length: ${jpeg.length - 1000}\r\nConnection: close\r\n\r\n`, jpeg));
    await expectRefusedBeforeStoring(scene, await scene.scan(server.url('/short-length')), {
      code: 'truncated',
      message: 'The JPEG file is cut short, though the server sent every byte it announced: the file itself is damaged, so downloading it again will not help.',
      retryable: false,
    });
  });

  it.each<[string, Record<string, string>, ScanError]>([
    ['its Content-Length matched: the file itself is cut, not retried', { 'content-length': String(jpeg.length >> 1) }, { ...truncated('JPEG'), message: 'The JPEG file is cut short, though the server sent every byte it announced: the file itself is damaged, so downloading it again will not help.', retryable: false }],
    ['no length was announced: the download may have been cut, retried', {}, truncated('JPEG')],
  ])('calls a JPEG cut in half cut short; %s', async (name, headers, error) => {
    const path = `/half-${name.length}`;
    server.route(path, serveBytes(jpeg.slice(0, jpeg.length >> 1), { 'content-type': 'image/jpeg', ...headers }));
    await expectRefusedBeforeStoring(scene, await scene.scan(server.url(path)), error);
  });

  it('calls the download cut short when Content-Length is larger than the body', async () => {
    server.route('/long-length', serveRaw(`HTTP/1.1 200 OK\r\nContent-Type: image/jpeg\r\nContent-Length: ${jpeg.length + 1000}\r\nConnection: close\r\n\r\n`, jpeg));
    await expectRefusedBeforeStoring(scene, await scene.scan(server.url('/long-length')), truncated('image'));
  });

  it('names a redirect loop instead of calling the server unreachable', async () => {
    let hops = 0;
    server.route('/loop', (_, response) => {
      hops += 1;
      response.writeHead(302, { location: '/loop' }).end();
    });
    const receipt = await scene.scan(server.url('/loop'));
    await expectRefusedBeforeStoring(scene, receipt, {
      code: 'too-many-redirects',
      message: `The address on ${new URL(server.url('/')).host} redirects in a loop, so the image cannot be downloaded. Open the image in its own tab and scan it from there.`,
      retryable: false,
    });
    expect(hops).toBe(21);
  });
});

describe('bodies that never end', () => {
  it('gives up on a server that stops sending mid-body, with the stall timeout', async () => {
    let closed = false;
    server.route('/stall', (request, response) => {
      response.writeHead(200, { 'content-type': 'image/jpeg', 'content-length': String(jpeg.length) });
      response.write(jpeg.slice(0, 4096));
      request.socket.on('close', () => {
        closed = true;
      });
    });
    const started = performance.now();
    const failure = await fetchOriginal({ url: server.url('/stall'), fetch, limitBytes: 20 * MB, timeoutMs: 200 }).then(
      () => undefined,
      (error: unknown) => error,
    );
    expect(failure).toBeInstanceOf(ScanFailure);
    expect(failure instanceof ScanFailure ? failure.error : null).toEqual({
      code: 'timeout',
      message: 'The image server did not answer within 0.2 seconds.',
      retryable: true,
    });
    expect(performance.now() - started).toBeLessThan(2000);
    await expect.poll(() => closed).toBe(true);
  });

  it('cuts off a server that streams forever at the download limit', async () => {
    let sent = 0;
    let cut = false;
    server.route('/forever', (_, response) => {
      response.writeHead(200, { 'content-type': 'image/jpeg' });
      response.on('close', () => {
        cut = !response.writableFinished;
      });
      const chunk = new Uint8Array(64 * 1024).fill(0xab);
      const send = () => {
        if (response.destroyed) return;
        sent += chunk.length;
        response.write(chunk, () => setImmediate(send));
      };
      response.write(jpeg.slice(0, 3));
      send();
    });
    const receipt = await scene.scan(server.url('/forever'), { loadSettings: async () => ({ ...(await scene.env().loadSettings()), downloadLimitBytes: 2 * MB }) });
    await expectRefusedBeforeStoring(scene, receipt, { code: 'too-large', message: 'The image is larger than the 2 MB limit.', retryable: false });
    await expect.poll(() => cut).toBe(true);
    expect(sent).toBeLessThan(12 * MB);
  });
});

describe('a 40 MB TIFF against the 20 MB download limit', () => {
  const tiffHeader = new Uint8Array([0x49, 0x49, 0x2a, 0x00, 0x08, 0x00, 0x00, 0x00, 0x00, 0x00]);

  /** Streams a 40 MB TIFF in 256 KB writes, honouring back-pressure, and counts what left the server. */
  function serveTiff(headers: Record<string, string>) {
    const stats = { sent: 0, cut: false, finished: false };
    server.route('/big.tiff', (_, response) => {
      response.writeHead(200, { 'content-type': 'image/tiff', ...headers });
      response.on('close', () => {
        stats.cut = !response.writableFinished;
      });
      const chunk = new Uint8Array(256 * 1024);
      chunk.set(tiffHeader);
      const send = () => {
        if (response.destroyed) return;
        if (stats.sent >= 40 * MB) {
          stats.finished = true;
          return void response.end();
        }
        stats.sent += chunk.length;
        if (response.write(chunk)) setImmediate(send);
        else response.once('drain', send);
      };
      send();
    });
    return stats;
  }

  it('refuses it while streaming when no length is announced, cutting the socket far before 40 MB', async () => {
    const stats = serveTiff({});
    const receipt = await scene.scan(server.url('/big.tiff'));
    await expectRefusedBeforeStoring(scene, receipt, { code: 'too-large', message: 'The image is larger than the 20 MB limit.', retryable: false });
    await expect.poll(() => stats.cut).toBe(true);
    expect(stats.finished).toBe(false);
    expect(stats.sent).toBeGreaterThan(20 * MB);
    expect(stats.sent).toBeLessThan(30 * MB);
  });

  it('refuses it from its Content-Length before reading the body', async () => {
    const stats = serveTiff({ 'content-length': String(40 * MB) });
    const receipt = await scene.scan(server.url('/big.tiff'));
    await expectRefusedBeforeStoring(scene, receipt, { code: 'too-large', message: 'The image is 40 MB; the limit is 20 MB.', retryable: false });
    await expect.poll(() => stats.cut).toBe(true);
    expect(stats.finished).toBe(false);
    expect(stats.sent).toBeLessThan(10 * MB);
  });
});
