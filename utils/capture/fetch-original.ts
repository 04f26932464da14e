import { startDeadline } from '../deadline';
import { ScanFailure, scanErrors, type ScanError } from '../scan-error';
import { explainFailedConnection } from './failed-connection';
import { MAX_IMAGE_ADDRESS, isTooLongToDownload } from './image-address';

export interface FetchOriginalOptions {
  url: string;
  fetch: typeof fetch;
  limitBytes: number;
  onProgress?: (loaded: number, total: number | null) => void;
  /** The body's length as the server announced it (null when it did not say), once the headers are in. */
  onDeclaredLength?: (length: number | null) => void;
  signal?: AbortSignal;
  /** Longest wait for the next bytes (or the headers) before giving up; the whole download may take longer. */
  timeoutMs?: number;
  /** Longest the whole download may take, however steadily bytes arrive; none when absent. */
  deadlineMs?: number;
  /** Reads a blob: URL where it lives (the page); without it blob: URLs are refused. */
  readBlobUrl?: (url: string) => Promise<Uint8Array>;
}

const DEFAULT_TIMEOUT_MS = 30_000;
const SERVER = 'image server';

const fail = (error: ScanError): never => {
  throw new ScanFailure(error);
};

/** Content-Length is a byte count only when it is a plain number and the body is not re-encoded on the way. */
function readDeclaredLength(response: Response): number | null {
  const header = response.headers.get('content-length');
  const encoding = response.headers.get('content-encoding');
  if (header === null || !/^\d{1,15}$/.test(header.trim())) return null;
  if (encoding !== null && encoding.trim().toLowerCase() !== 'identity') return null;
  return Number(header.trim());
}

function parseSource(url: string): URL {
  try {
    return new URL(url);
  } catch {
    return fail(scanErrors.unsupportedSource(/^([a-z][a-z0-9+.-]*):/i.exec(url)?.[1]?.toLowerCase() ?? url.slice(0, 40)));
  }
}

async function readBlob(url: string, limitBytes: number, options: FetchOriginalOptions): Promise<Uint8Array> {
  if (!options.readBlobUrl) return fail(scanErrors.unsupportedSource('blob'));
  const bytes = await options.readBlobUrl(url);
  if (bytes.length > limitBytes) fail(scanErrors.tooLarge(bytes.length, limitBytes));
  options.onProgress?.(bytes.length, bytes.length);
  return bytes;
}

function joinChunks(chunks: Uint8Array[], length: number): Uint8Array {
  const bytes = new Uint8Array(length);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.length;
  }
  return bytes;
}

/** Reads the body chunk by chunk and stops as soon as it passes the limit, whatever the headers said. */
async function readBody(response: Response, options: FetchOriginalOptions, total: number | null, onBytes: () => void): Promise<Uint8Array> {
  if (!response.body) return new Uint8Array(0);
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let loaded = 0;
  let reportedTotal = total;
  options.onProgress?.(0, reportedTotal);
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    onBytes();
    loaded += value.length;
    if (loaded > options.limitBytes) {
      await reader.cancel().catch(() => undefined);
      return fail(scanErrors.tooLargeUnknown(options.limitBytes));
    }
    chunks.push(value);
    if (reportedTotal !== null && loaded > reportedTotal) reportedTotal = null;
    options.onProgress?.(loaded, reportedTotal);
  }
  if (reportedTotal !== loaded) options.onProgress?.(loaded, loaded);
  return joinChunks(chunks, loaded);
}

const isAbort = (error: unknown) => error instanceof Error && error.name === 'AbortError';

/** What a server's refusal means to the user: gone, not theirs to see, or a failure that may pass. */
function statusError(status: number): ScanError {
  if (status === 404) return scanErrors.notFound();
  if (status === 401 || status === 403) return scanErrors.accessDenied(status);
  return scanErrors.httpStatus(status, SERVER);
}

/** Addresses refused before any request: ones a download cannot use, and ones fetch would throw on at once. */
function checkWebAddress(url: string, source: URL): void {
  if (isTooLongToDownload(url)) fail(scanErrors.addressTooLong(MAX_IMAGE_ADDRESS));
  if (source.username !== '' || source.password !== '') fail(scanErrors.credentialsInAddress(source.host));
}

/** Downloads the original image as the user's browser would (with their cookies), within a size limit and a stall timeout. */
export async function fetchOriginal(options: FetchOriginalOptions): Promise<Uint8Array> {
  const { url, limitBytes, signal, timeoutMs = DEFAULT_TIMEOUT_MS, deadlineMs } = options;
  const source = parseSource(url);
  const scheme = source.protocol.replace(/:$/, '');
  if (scheme === 'blob') return readBlob(url, limitBytes, options);
  if (scheme !== 'http' && scheme !== 'https' && scheme !== 'data') return fail(scanErrors.unsupportedSource(scheme));
  if (scheme !== 'data') checkWebAddress(url, source);
  signal?.throwIfAborted();

  // A server that drips a byte now and then never stalls: the deadline ends the download whatever it does.
  const deadline = startDeadline(deadlineMs, signal);
  const controller = new AbortController();
  const forwardAbort = () => controller.abort(deadline.signal.reason);
  deadline.signal.addEventListener('abort', forwardAbort, { once: true });
  let stalled = false;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const restartStallTimer = () => {
    clearTimeout(timer);
    timer = setTimeout(() => {
      stalled = true;
      controller.abort();
    }, timeoutMs);
  };
  const explain = async (error: unknown, phase: 'connect' | 'body'): Promise<unknown> => {
    if (error instanceof ScanFailure) return error;
    if (deadline.passed() && deadlineMs !== undefined) return new ScanFailure(scanErrors.downloadDeadline(Math.round(deadlineMs / 100) / 10));
    if (stalled) return new ScanFailure(scanErrors.timeout(SERVER, Math.round(timeoutMs / 100) / 10));
    if (signal?.aborted || isAbort(error)) return signal?.reason ?? error;
    if (scheme === 'data') return new ScanFailure(scanErrors.notAnImage('a malformed data: address'));
    if (!(error instanceof TypeError)) return error;
    if (phase === 'body') return new ScanFailure(scanErrors.truncated('image'));
    restartStallTimer();
    const cause = await explainFailedConnection(source, error, { fetch: options.fetch, signal: controller.signal });
    return stalled || signal?.aborted ? explain(new DOMException('stopped', 'AbortError'), phase) : new ScanFailure(cause);
  };

  try {
    restartStallTimer();
    const init: RequestInit = scheme === 'data' ? { signal: controller.signal } : { signal: controller.signal, credentials: 'include', redirect: 'follow' };
    const response = await options.fetch(url, init).catch(async (error: unknown) => {
      throw await explain(error, 'connect');
    });
    restartStallTimer();
    if (!response.ok) {
      await response.body?.cancel().catch(() => undefined);
      return fail(statusError(response.status));
    }
    const total = readDeclaredLength(response);
    options.onDeclaredLength?.(total);
    if (total !== null && total > limitBytes) {
      await response.body?.cancel().catch(() => undefined);
      return fail(scanErrors.tooLarge(total, limitBytes));
    }
    return await readBody(response, options, total, restartStallTimer).catch(async (error: unknown) => {
      throw await explain(error, 'body');
    });
  } finally {
    clearTimeout(timer);
    deadline.stop();
    deadline.signal.removeEventListener('abort', forwardAbort);
  }
}
