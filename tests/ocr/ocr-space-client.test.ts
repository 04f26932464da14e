import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildMultipartBody, type MultipartPart } from '../../utils/ocr/multipart';
import { createOcrClient, ocrFiletype, type OcrRequest, type UploadProgress } from '../../utils/ocr/ocr-space-client';
import type { ImageMime } from '../../utils/receipt';
import { ScanFailure, scanErrors, type ScanError } from '../../utils/scan-error';
import { createMemoryStreamingSupport, type StreamingSupportStore } from '../../utils/ocr/streaming-support';
import { type OcrFault } from '../ocr-server';
import { useOcrServer } from '../ocr-server/use-ocr-server';

const KEY = 'SECRET-key-7f3a9c';
const receiptBytes = new Uint8Array(readFileSync(path.resolve(__dirname, '../../../shared/receipts-dev/images/sroie-000.jpg')));
const EXPECTED_FIELDS = {
  language: 'eng',
  isOverlayRequired: 'true',
  isTable: 'true',
  OCREngine: '2',
  filetype: 'JPG',
  detectOrientation: 'true',
  scale: 'true',
};

const useServer = useOcrServer(KEY);

const host = () => new URL(useServer().http1Url).host;
const origin = () => new URL(useServer().http1Url).origin;

function requestFor(progress: UploadProgress[] = [], overrides: Partial<OcrRequest> = {}): OcrRequest {
  return {
    endpoint: useServer().http1Url,
    apiKey: KEY,
    file: { bytes: receiptBytes, filename: 'sroie-000.jpg', contentType: 'image/jpeg', filetype: 'JPG' },
    language: 'eng',
    engine: 2,
    onProgress: (p) => progress.push(p),
    ...overrides,
  };
}

async function failureOf(promise: Promise<unknown>): Promise<ScanError> {
  const error = await promise.then(() => undefined, (caught: unknown) => caught);
  if (!(error instanceof ScanFailure)) throw new Error(`expected a ScanFailure, got ${String(error)}`);
  expect(error.message).not.toContain(KEY);
  return error.error;
}

/** A fetch as a browser that cannot stream to this server (Chrome over HTTP/1.1): refuses before sending. */
function refusingStreams(pullFirst = false) {
  const calls: { kind: 'stream' | 'blob'; body: Uint8Array | null; contentType: string | null }[] = [];
  const fetchLike: typeof fetch = async (input, init) => {
    const contentType = new Headers(init?.headers).get('content-type');
    if (init?.body instanceof ReadableStream) {
      calls.push({ kind: 'stream', body: null, contentType });
      if (pullFirst) await init.body.getReader().read();
      throw new TypeError('Failed to fetch');
    }
    const body = init?.body instanceof Blob ? new Uint8Array(await init.body.arrayBuffer()) : null;
    calls.push({ kind: 'blob', body, contentType });
    return fetch(input, init);
  };
  return { fetch: fetchLike, calls };
}

describe('createOcrClient against the test server over HTTP/1.1 (Node streams)', () => {
  it('streams the upload with the key header, every field and the file byte for byte', async () => {
    const progress: UploadProgress[] = [];
    const streamingSupport = createMemoryStreamingSupport();
    const page = await createOcrClient({ fetch, streamingSupport }).recognise(requestFor(progress));

    expect(page.text.startsWith('TAN WOON YANN\r\n')).toBe(true);
    expect(page.lines).toHaveLength(27);
    expect(useServer().received).toHaveLength(1);
    const [upload] = useServer().received;
    expect(upload?.headers.apikey).toBe(KEY);
    expect(upload?.headers['content-type']).toMatch(/^multipart\/form-data; boundary=----ReceiptScanner[0-9a-f]{24}$/);
    expect(upload?.fields).toEqual(EXPECTED_FIELDS);
    expect(upload?.file.filename).toBe('sroie-000.jpg');
    expect(upload?.file.contentType).toBe('image/jpeg');
    expect(Buffer.compare(upload?.file.bytes ?? Buffer.alloc(0), Buffer.from(receiptBytes))).toBe(0);

    const loaded = progress.map((p) => ('loaded' in p ? p.loaded : -1));
    const total = progress[0] && 'total' in progress[0] ? progress[0].total : 0;
    expect(total).toBeGreaterThan(receiptBytes.byteLength);
    expect(loaded[0]).toBe(0);
    expect(loaded.at(-1)).toBe(total);
    expect(loaded).toEqual([...loaded].sort((a, b) => a - b));
    expect(loaded.length).toBe(1 + Math.ceil(total / (64 * 1024)));
    expect(await streamingSupport.get(origin())).toBe(true);
  });

  it.each<[OcrFault, ScanError]>([
    ['rate-limit', scanErrors.ocrRateLimit('10 calls in 600 seconds', 600_000)],
    ['bad-key', scanErrors.ocrBadKey()],
    ['http-500', scanErrors.ocrServer(500)],
    ['e216', scanErrors.ocrFileType()],
    ['file-too-large', scanErrors.ocrFileTooLarge(1024)],
    ['timeout-exit-3', scanErrors.ocrTimeout()],
    ['non-json', scanErrors.ocrInvalidAnswer('not JSON')],
    ['drop-connection', scanErrors.network('127.0.0.1')],
  ])('turns the %s fault into its ScanError', async (fault, expected) => {
    useServer().setFault(fault);
    const error = await failureOf(createOcrClient({ fetch, streamingSupport: createMemoryStreamingSupport() }).recognise(requestFor()));
    expect(error).toEqual(fault === 'drop-connection' ? scanErrors.network(host()) : expected);
  });

  it('gives up after its timeout and says so', async () => {
    useServer().setFault('slow');
    const client = createOcrClient({ fetch, streamingSupport: createMemoryStreamingSupport(), timeoutMs: 400 });
    expect(await failureOf(client.recognise(requestFor()))).toEqual(scanErrors.timeout('OCR service', 1));
  });

  it.each([
    ['sends its headers, then stalls the body', 'stall-body'],
    ['holds its answer', 'hold'],
  ] as const)('ends at the OCR deadline when the server %s, saying which deadline passed', async (_, fault) => {
    useServer().setFault(fault);
    const client = createOcrClient({ fetch, streamingSupport: createMemoryStreamingSupport(), timeoutMs: 10_000 });
    const started = Date.now();
    const error = await failureOf(client.recognise(requestFor([], { deadlineMs: 500 })));
    expect(error).toEqual(scanErrors.ocrDeadline(0.5));
    expect(error.message).toBe('The OCR service did not finish within the OCR deadline of 0.5 seconds (upload, answer and reading it). If the service is just slow, raise the OCR deadline in the options, then press Retry.');
    expect(Date.now() - started).toBeGreaterThanOrEqual(450);
    expect(Date.now() - started).toBeLessThan(3000);
    expect(useServer().received).toHaveLength(1);
    if (fault === 'stall-body') await expect.poll(() => useServer().stalledBodies()).toEqual({ open: 0, closed: 1 });
    useServer().release();
  });

  it('reads an answer that ends before the deadline', async () => {
    const client = createOcrClient({ fetch, streamingSupport: createMemoryStreamingSupport() });
    const page = await client.recognise(requestFor([], { deadlineMs: 5_000 }));
    expect(page.text.length).toBeGreaterThan(0);
  });

  it('reports a cancelled scan as interrupted', async () => {
    useServer().setFault('slow');
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 200);
    const client = createOcrClient({ fetch, streamingSupport: createMemoryStreamingSupport() });
    expect(await failureOf(client.recognise(requestFor([], { signal: controller.signal })))).toEqual(scanErrors.interrupted());
  });
});

describe('the fallback when the browser refuses a streamed body', () => {
  it.each([
    ['refused before any pull', false],
    ['refused after pulling the first chunk', true],
  ])('%s: resends the identical bytes as a Blob and remembers the origin', async (_name, pullFirst) => {
    const browser = refusingStreams(pullFirst);
    const streamingSupport = createMemoryStreamingSupport();
    const client = createOcrClient({ fetch: browser.fetch, streamingSupport, canStreamRequests: true });
    const progress: UploadProgress[] = [];

    const page = await client.recognise(requestFor(progress));

    expect(page.lines).toHaveLength(27);
    expect(browser.calls.map((call) => call.kind)).toEqual(['stream', 'blob']);
    const [streamCall, blobCall] = browser.calls;
    expect(blobCall?.contentType).toBe(streamCall?.contentType);
    const boundary = /boundary=(.+)$/.exec(blobCall?.contentType ?? '')?.[1] ?? '';
    const parts: MultipartPart[] = [
      ...Object.entries(EXPECTED_FIELDS).map(([name, value]) => ({ name, value })),
      { name: 'file', filename: 'sroie-000.jpg', contentType: 'image/jpeg', bytes: receiptBytes },
    ];
    expect(Buffer.compare(Buffer.from(blobCall?.body ?? []), Buffer.from(buildMultipartBody(parts, boundary)))).toBe(0);
    expect(useServer().received[0]?.fields).toEqual(EXPECTED_FIELDS);
    expect(useServer().received[0]?.file.bytes.equals(Buffer.from(receiptBytes))).toBe(true);
    expect(progress.at(-1)).toEqual({ indeterminate: true });
    expect(await streamingSupport.get(origin())).toBe(false);

    // The next upload to that origin goes straight to the Blob body.
    await client.recognise(requestFor());
    expect(browser.calls.map((call) => call.kind)).toEqual(['stream', 'blob', 'blob']);
  });

  it('sends a Blob from the start where the runtime cannot stream (Firefox)', async () => {
    const browser = refusingStreams();
    const streamingSupport = createMemoryStreamingSupport();
    const progress: UploadProgress[] = [];
    await createOcrClient({ fetch: browser.fetch, streamingSupport, canStreamRequests: false }).recognise(requestFor(progress));
    expect(browser.calls.map((call) => call.kind)).toEqual(['blob']);
    expect(progress).toEqual([{ indeterminate: true }]);
    expect(await streamingSupport.get(origin())).toBeUndefined();
  });

  it('reports a network failure, and remembers nothing, when the Blob attempt fails too', async () => {
    const kinds: string[] = [];
    const offline: typeof fetch = async (_input, init) => {
      kinds.push(init?.body instanceof ReadableStream ? 'stream' : 'blob');
      throw new TypeError('Failed to fetch');
    };
    const streamingSupport = createMemoryStreamingSupport();
    const client = createOcrClient({ fetch: offline, streamingSupport, canStreamRequests: true });
    expect(await failureOf(client.recognise(requestFor()))).toEqual(scanErrors.network(host()));
    expect(kinds).toEqual(['stream', 'blob']);
    expect(await streamingSupport.get(origin())).toBeUndefined();
  });

  it('reports a failure after several chunks as the network, without a Blob retry', async () => {
    const kinds: string[] = [];
    const dropsMidway: typeof fetch = async (_input, init) => {
      kinds.push(init?.body instanceof ReadableStream ? 'stream' : 'blob');
      if (init?.body instanceof ReadableStream) {
        const reader = init.body.getReader();
        for (let chunk = 0; chunk < 4; chunk += 1) await reader.read();
      }
      throw new TypeError('network error');
    };
    const streamingSupport: StreamingSupportStore = createMemoryStreamingSupport();
    const progress: UploadProgress[] = [];
    const client = createOcrClient({ fetch: dropsMidway, streamingSupport, canStreamRequests: true });
    const file = { bytes: new Uint8Array(600 * 1024).fill(7), filename: 'big.jpg', contentType: 'image/jpeg', filetype: 'JPG' };
    expect(await failureOf(client.recognise(requestFor(progress, { file })))).toEqual(scanErrors.network(host()));
    expect(kinds).toEqual(['stream']);
    // Four chunks read, the fourth still with the reader when the connection dropped: three were sent.
    expect(progress.at(-1)).toEqual({ loaded: 3 * 64 * 1024, total: expect.any(Number) });
    expect(await streamingSupport.get(origin())).toBeUndefined();
  });
});

describe('an answer lost after the upload', () => {
  it('is a network failure, not a reason to resend as a Blob', async () => {
    const kinds: string[] = [];
    const losesAnswer: typeof fetch = async (_input, init) => {
      kinds.push(init?.body instanceof ReadableStream ? 'stream' : 'blob');
      const broken = new ReadableStream<Uint8Array>({ pull: (controller) => controller.error(new TypeError('terminated')) });
      return new Response(broken, { status: 200 });
    };
    const streamingSupport = createMemoryStreamingSupport();
    const client = createOcrClient({ fetch: losesAnswer, streamingSupport, canStreamRequests: true });
    expect(await failureOf(client.recognise(requestFor()))).toEqual(scanErrors.network(host()));
    expect(kinds).toEqual(['stream']);
    expect(await streamingSupport.get(origin())).toBeUndefined();
  });
});

describe('requests refused before sending', () => {
  const neverCalled: typeof fetch = async () => {
    throw new Error('fetch must not be called');
  };
  it.each<[string, Partial<OcrRequest>, ScanError]>([
    ['a key with a line break', { apiKey: `${KEY}\nX-Other: 1` }, scanErrors.ocrBadKey()],
    ['an empty key', { apiKey: '  ' }, scanErrors.ocrBadKey()],
    ['an endpoint that is not an address', { endpoint: 'ocr space' }, scanErrors.ocrBadEndpoint('ocr space')],
    ['an endpoint on another scheme', { endpoint: 'ftp://api.ocr.space/parse/image' }, scanErrors.ocrBadEndpoint('ftp://api.ocr.space/parse/image')],
  ])('%s', async (_name, overrides, expected) => {
    const client = createOcrClient({ fetch: neverCalled, streamingSupport: createMemoryStreamingSupport() });
    expect(await failureOf(client.recognise(requestFor([], overrides)))).toEqual(expected);
  });
});

describe('ocrFiletype', () => {
  it.each<[ImageMime, string]>([
    ['image/jpeg', 'JPG'],
    ['image/png', 'PNG'],
    ['image/gif', 'GIF'],
    ['image/webp', 'WEBP'],
    ['image/bmp', 'BMP'],
    ['image/tiff', 'TIF'],
    ['application/pdf', 'PDF'],
  ])('names %s as %s', (mime, filetype) => {
    expect(ocrFiletype(mime)).toBe(filetype);
  });
});
