import { createHash } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import { createServer, type IncomingHttpHeaders, type IncomingMessage, type ServerResponse } from 'node:http';
import { constants as http2Constants, createSecureServer, type Http2ServerRequest, type Http2ServerResponse, type ServerHttp2Session } from 'node:http2';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  badKeyAnswer,
  e216Answer,
  emptyPageAnswer,
  fileTooLargeAnswer,
  htmlAnswer,
  rateLimitAnswer,
  readQueuedAnswer,
  serverErrorAnswer,
  textAnswer,
  timeoutAnswer,
  type RawAnswer,
} from './ocr-answers';
import { readUploadForm, type FormReading } from './read-upload-form';
import { createSelfSignedCert } from './self-signed-cert';

export const OCR_FAULTS = [
  'file-too-large', 'rate-limit', 'e216', 'timeout-exit-3', 'http-500', 'non-json', 'slow', 'drop-connection', 'bad-key', 'hold',
  'stall-body',
] as const;
export type OcrFault = (typeof OCR_FAULTS)[number];

export interface ReceivedUpload {
  protocol: 'http/1.1' | 'h2';
  headers: IncomingHttpHeaders;
  fields: Record<string, string>;
  file: { filename: string; contentType: string; bytes: Buffer; sha256: string };
}

/** When one upload request arrived and when its answer was sent (null while it is still held). */
export interface UploadSpan {
  startedAt: number;
  endedAt: number | null;
}

export interface FaultOptions {
  /** For 'rate-limit': the window the 403 text names ("…within N seconds"); 600 unless told. */
  windowSeconds?: number;
  /** For 'slow': how long each answer is held; SLOW_ANSWER_MS unless told. */
  delayMs?: number;
}

export interface OcrTestServer {
  /** http://127.0.0.1:PORT/parse/image */
  http1Url: string;
  /** https://localhost:PORT/parse/image, HTTP/2 over TLS with a certificate made for this run. */
  http2Url: string;
  /** http://127.0.0.1:PORT/__control: POST /queue, POST /fault, POST /release, POST /reset, GET /received. */
  controlUrl: string;
  received: ReceivedUpload[];
  /** Every upload request, in order of arrival, from its first byte to its answer. */
  spans: UploadSpan[];
  /** The most uploads that were in progress at once since the last reset. */
  maxInFlight(): number;
  /** Lets every upload held by the 'hold' fault answer (with whatever fault is set by then). */
  release(): void;
  /** How many uploads the 'hold' fault is holding now. */
  heldCount(): number;
  /** Answers the 'stall-body' fault began (headers and a first chunk, then nothing): how many are still open, how many the client closed. */
  stalledBodies(): { open: number; closed: number };
  /** Answers the next accepted upload; `{ status, body, contentType? }` is sent as it is, anything else as JSON. */
  queueAnswer(answer: unknown): void;
  setFault(fault: OcrFault | null, options?: FaultOptions): void;
  /** Forgets received uploads, queued answers and the fault. */
  reset(): void;
  close(): Promise<void>;
}

export interface OcrServerOptions {
  apiKey?: string;
  fixturesDir?: string;
}

type Request = IncomingMessage | Http2ServerRequest;
type Reply = ServerResponse | Http2ServerResponse;

export const FREE_SIZE_LIMIT_BYTES = 1024 * 1024;
export const SLOW_ANSWER_MS = 3000;
const MAX_BODY_BYTES = 32 * 1024 * 1024;
const UPLOAD_PATH = '/parse/image';
const CONTROL_PATH = '/__control';
const projectRoot = path.resolve(fileURLToPath(import.meta.url), '../../..');
const CORS_HEADERS = {
  'access-control-allow-origin': '*',
  'access-control-allow-methods': 'POST, GET, OPTIONS',
  'access-control-allow-headers': 'apikey, content-type',
  'access-control-max-age': '600',
};

const sha256 = (bytes: Buffer): string => createHash('sha256').update(bytes).digest('hex');

/** sha256 of each shared image → the recorded answer's path. */
async function indexFixtures(fixturesDir: string): Promise<Map<string, string>> {
  const answers = new Map<string, string>();
  const images = await readdir(path.join(fixturesDir, 'images')).catch(() => []);
  for (const image of images.filter((name) => name.endsWith('.jpg'))) {
    const bytes = await readFile(path.join(fixturesDir, 'images', image));
    answers.set(sha256(bytes), path.join(fixturesDir, 'ocrspace', image.replace(/\.jpg$/, '.json')));
  }
  return answers;
}

function send(reply: Reply, answer: RawAnswer): void {
  if (reply.headersSent || reply.writableEnded) return;
  reply.statusCode = answer.status;
  for (const [name, value] of Object.entries({ ...CORS_HEADERS, 'content-type': answer.contentType })) reply.setHeader(name, value);
  reply.end(answer.body);
}

/** Drops the connection on the first bytes when asked, as a network failure mid-upload. */
function readBody(request: Request, dropConnection: boolean): Promise<Buffer | undefined> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const drop = () => {
      if ('stream' in request) request.stream.close(http2Constants.NGHTTP2_INTERNAL_ERROR);
      else request.socket.destroy();
      resolve(undefined);
    };
    request.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (dropConnection || size > MAX_BODY_BYTES) return drop();
      chunks.push(chunk);
    });
    request.on('end', () => resolve(Buffer.concat(chunks)));
    request.on('error', () => resolve(undefined));
    request.on('aborted', () => resolve(undefined));
  });
}

export async function startOcrServer(options: OcrServerOptions = {}): Promise<OcrTestServer> {
  const apiKey = options.apiKey ?? 'helloworld';
  const fixtures = await indexFixtures(options.fixturesDir ?? path.resolve(projectRoot, '../shared/receipts-dev'));
  const received: ReceivedUpload[] = [];
  const queue: unknown[] = [];
  const timers = new Set<NodeJS.Timeout>();
  let fault: OcrFault | null = null;
  let faultOptions: FaultOptions = {};
  const spans: UploadSpan[] = [];
  let inFlight = 0;
  let maxInFlight = 0;
  const held = new Set<() => void>();
  const stalled = { open: 0, closed: 0 };

  const wait = (ms: number) =>
    new Promise<void>((resolve) => {
      const timer = setTimeout(() => {
        timers.delete(timer);
        resolve();
      }, ms);
      timers.add(timer);
    });

  async function answerUpload(headers: IncomingHttpHeaders, reading: FormReading): Promise<RawAnswer> {
    if (headers.apikey !== apiKey || fault === 'bad-key') return badKeyAnswer();
    if (fault === 'rate-limit') return rateLimitAnswer(faultOptions.windowSeconds);
    if (fault === 'http-500') return serverErrorAnswer();
    if (fault === 'non-json') return htmlAnswer();
    if (!reading.ok) return reading.answer;
    if (fault === 'e216') return e216Answer();
    if (fault === 'file-too-large' || reading.form.file.bytes.length > FREE_SIZE_LIMIT_BYTES) return fileTooLargeAnswer();
    if (fault === 'timeout-exit-3') return timeoutAnswer();
    if (queue.length > 0) return readQueuedAnswer(queue.shift());
    const recorded = fixtures.get(sha256(reading.form.file.bytes));
    return recorded ? textAnswer(200, await readFile(recorded, 'utf8'), 'application/json; charset=utf-8') : emptyPageAnswer();
  }

  async function handleUpload(request: Request, reply: Reply): Promise<void> {
    const span: UploadSpan = { startedAt: Date.now(), endedAt: null };
    spans.push(span);
    inFlight += 1;
    maxInFlight = Math.max(maxInFlight, inFlight);
    try {
      await receiveAndAnswer(request, reply);
    } finally {
      inFlight -= 1;
      span.endedAt = Date.now();
    }
  }

  async function receiveAndAnswer(request: Request, reply: Reply): Promise<void> {
    const body = await readBody(request, fault === 'drop-connection');
    if (!body) return;
    const reading = readUploadForm(request.headers['content-type'], body);
    if (reading.ok) {
      const { file, fields } = reading.form;
      const protocol = request.httpVersion === '2.0' ? 'h2' : 'http/1.1';
      received.push({ protocol, headers: request.headers, fields, file: { ...file, sha256: sha256(file.bytes) } });
    }
    if (fault === 'slow') await wait(faultOptions.delayMs ?? SLOW_ANSWER_MS);
    if (fault === 'hold') await new Promise<void>((resolve) => held.add(resolve));
    if (fault === 'stall-body') return stallBody(reply);
    send(reply, await answerUpload(request.headers, reading));
  }

  /** Sends the headers and the start of a JSON answer, then nothing, until the client hangs up. */
  function stallBody(reply: Reply): Promise<void> {
    reply.statusCode = 200;
    for (const [name, value] of Object.entries({ ...CORS_HEADERS, 'content-type': 'application/json' })) reply.setHeader(name, value);
    const writer: { write(chunk: string): boolean } = reply;
    writer.write('{"ParsedResults":[');
    stalled.open += 1;
    return new Promise<void>((resolve) =>
      reply.once('close', () => {
        stalled.open -= 1;
        stalled.closed += 1;
        resolve();
      }),
    );
  }

  async function handleControl(action: string, request: Request, reply: Reply): Promise<void> {
    if (action === '/received' && request.method === 'GET') {
      const uploads = received.map(({ file: { bytes, ...file }, ...upload }) => ({ ...upload, file: { ...file, size: bytes.length } }));
      return send(reply, { status: 200, body: JSON.stringify(uploads), contentType: 'application/json' });
    }
    if (request.method !== 'POST') return send(reply, textAnswer(405, 'Method not allowed'));
    const text = (await readBody(request, false))?.toString('utf8') ?? '';
    let json: unknown;
    try {
      json = text === '' ? null : JSON.parse(text);
    } catch {
      return send(reply, textAnswer(400, 'The body is not JSON'));
    }
    if (action === '/queue') server.queueAnswer(json);
    else if (action === '/reset') server.reset();
    else if (action === '/release') server.release();
    else if (action === '/fault') {
      const wanted = typeof json === 'object' && json !== null && 'fault' in json ? json.fault : json;
      const known = OCR_FAULTS.find((name) => name === wanted);
      if (wanted !== null && known === undefined) return send(reply, textAnswer(400, `Unknown fault ${JSON.stringify(wanted)}`));
      const windowSeconds = typeof json === 'object' && json !== null && 'windowSeconds' in json && typeof json.windowSeconds === 'number' ? json.windowSeconds : undefined;
      server.setFault(known ?? null, windowSeconds === undefined ? {} : { windowSeconds });
    } else return send(reply, textAnswer(404, 'Unknown control action'));
    send(reply, { status: 204, body: '', contentType: 'text/plain' });
  }

  function handle(request: Request, reply: Reply): void {
    const { pathname } = new URL(request.url ?? '/', 'http://localhost');
    const work =
      request.method === 'OPTIONS'
        ? Promise.resolve(send(reply, { status: 204, body: '', contentType: 'text/plain' }))
        : pathname === UPLOAD_PATH && request.method === 'POST'
          ? handleUpload(request, reply)
          : pathname.startsWith(`${CONTROL_PATH}/`)
            ? handleControl(pathname.slice(CONTROL_PATH.length), request, reply)
            : Promise.resolve(send(reply, textAnswer(404, 'Not found')));
    work.catch((error: unknown) => send(reply, textAnswer(500, `Test server failure: ${String(error)}`)));
  }

  const http1 = createServer(handle);
  const { key, cert } = await createSelfSignedCert();
  const http2 = createSecureServer({ key, cert, allowHTTP1: true }, handle);
  const sessions = new Set<ServerHttp2Session>();
  http2.on('session', (session) => {
    sessions.add(session);
    session.on('close', () => sessions.delete(session));
  });
  const listen = (target: typeof http1 | typeof http2) =>
    new Promise<number>((resolve, reject) => {
      target.once('error', reject);
      target.listen(0, '127.0.0.1', () => resolve((target.address() as AddressInfo).port));
    });
  const [port1, port2] = await Promise.all([listen(http1), listen(http2)]);

  const server: OcrTestServer = {
    http1Url: `http://127.0.0.1:${port1}${UPLOAD_PATH}`,
    http2Url: `https://localhost:${port2}${UPLOAD_PATH}`,
    controlUrl: `http://127.0.0.1:${port1}${CONTROL_PATH}`,
    received,
    spans,
    maxInFlight: () => maxInFlight,
    release: () => {
      const waiting = [...held];
      held.clear();
      for (const resolve of waiting) resolve();
    },
    heldCount: () => held.size,
    stalledBodies: () => ({ ...stalled }),
    queueAnswer: (answer) => void queue.push(answer),
    setFault: (next, options = {}) => {
      fault = next;
      faultOptions = options;
    },
    reset: () => {
      server.release();
      received.length = 0;
      queue.length = 0;
      spans.length = 0;
      maxInFlight = inFlight;
      stalled.closed = 0;
      fault = null;
      faultOptions = {};
    },
    close: async () => {
      server.release();
      for (const timer of timers) clearTimeout(timer);
      timers.clear();
      for (const session of sessions) session.destroy();
      http1.closeAllConnections();
      await Promise.all([
        new Promise<void>((resolve) => http1.close(() => resolve())),
        new Promise<void>((resolve) => http2.close(() => resolve())),
      ]);
    },
  };
  return server;
}
