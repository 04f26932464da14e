import { buildMultipartBody, createBoundary, multipartContentType, type MultipartPart } from './multipart';
import { readOcrAnswer } from './ocr-answer';
import type { ImageMime, OcrPage } from '../receipt';
import { startDeadline } from '../deadline';
import { ScanFailure, scanErrors } from '../scan-error';
import type { OcrEngine } from '../settings';
import { countedStream, detectRequestStreams, type StreamingSupportStore } from './streaming-support';

export type UploadProgress = { loaded: number; total: number } | { indeterminate: true };

export interface OcrRequest {
  endpoint: string;
  apiKey: string;
  file: {
    bytes: Uint8Array;
    filename: string;
    contentType: string;
    /** OCR.space's own type name: 'JPG', 'PNG', 'GIF', 'PDF', 'BMP', 'TIF', 'WEBP'. */
    filetype: string;
  };
  language: string;
  engine: OcrEngine;
  onProgress?: (progress: UploadProgress) => void;
  signal?: AbortSignal;
  /** Longest the whole exchange may take: upload, answer and reading its body; none when absent. */
  deadlineMs?: number;
}

export interface OcrClientEnv {
  fetch: typeof fetch;
  streamingSupport: StreamingSupportStore;
  timeoutMs?: number;
  /** Whether this runtime can build a streamed request at all (Firefox cannot); detected when absent. */
  canStreamRequests?: boolean;
}

const DEFAULT_TIMEOUT_MS = 60_000;

const FILETYPES: Record<ImageMime, string> = {
  'image/jpeg': 'JPG',
  'image/png': 'PNG',
  'image/gif': 'GIF',
  'image/webp': 'WEBP',
  'image/bmp': 'BMP',
  'image/tiff': 'TIF',
  'application/pdf': 'PDF',
};

export function ocrFiletype(mime: ImageMime): string {
  return FILETYPES[mime];
}

function buildOcrBody(request: OcrRequest, boundary: string): Uint8Array<ArrayBuffer> {
  const parts: MultipartPart[] = [
    { name: 'language', value: request.language },
    { name: 'isOverlayRequired', value: 'true' },
    { name: 'isTable', value: 'true' },
    { name: 'OCREngine', value: String(request.engine) },
    { name: 'filetype', value: request.file.filetype },
    { name: 'detectOrientation', value: 'true' },
    { name: 'scale', value: 'true' },
    { name: 'file', filename: request.file.filename, contentType: request.file.contentType, bytes: request.file.bytes },
  ];
  return new Uint8Array(buildMultipartBody(parts, boundary));
}

const isTypeError = (error: unknown): boolean => error instanceof TypeError || (error instanceof Error && error.name === 'TypeError');

export function createOcrClient(env: OcrClientEnv) {
  const timeoutMs = env.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const canStream = env.canStreamRequests ?? detectRequestStreams();
  // Detached: a browser's fetch called as a method of env throws "Illegal invocation".
  const fetchOnce = env.fetch;

  /** Sends one request; `timeoutMs` bounds the wait for the answer's headers (the deadline also covers its body). */
  async function post(url: URL, headers: Record<string, string>, body: BodyInit, signal: AbortSignal) {
    const timeout = new AbortController();
    const timer = setTimeout(() => timeout.abort(), timeoutMs);
    let response: Response;
    try {
      const init: RequestInit & { duplex: 'half' } = { method: 'POST', headers, body, signal: AbortSignal.any([signal, timeout.signal]), duplex: 'half' };
      response = await fetchOnce(url.href, init);
    } catch (error) {
      if (timeout.signal.aborted && !signal.aborted) throw new ScanFailure(scanErrors.timeout('OCR service', Math.ceil(timeoutMs / 1000)));
      throw error;
    } finally {
      clearTimeout(timer);
    }
    try {
      return { status: response.status, text: await response.text() };
    } catch (error) {
      // The upload went through; losing the answer is the network's doing, not a reason to resend.
      if (isTypeError(error)) throw new ScanFailure(scanErrors.network(url.host));
      throw error;
    }
  }

  async function recognise(request: OcrRequest): Promise<OcrPage> {
    const url = parseEndpoint(request.endpoint);
    const apiKey = request.apiKey.trim();
    // A key a header cannot carry would make fetch throw a message quoting it.
    if (!/^[\x21-\x7e]+$/.test(apiKey)) throw new ScanFailure(scanErrors.ocrBadKey());
    const boundary = createBoundary();
    const body = buildOcrBody(request, boundary);
    const headers = { apikey: apiKey, 'content-type': multipartContentType(boundary) };
    // The header timeout ends at the answer's headers; the deadline also covers reading its body.
    const deadline = startDeadline(request.deadlineMs, request.signal);
    try {
      return await exchange({ url, headers, body, request, deadline });
    } finally {
      deadline.stop();
    }
  }

  interface Exchange {
    url: URL;
    headers: Record<string, string>;
    body: Uint8Array<ArrayBuffer>;
    request: OcrRequest;
    deadline: ReturnType<typeof startDeadline>;
  }

  async function exchange({ url, headers, body, request, deadline }: Exchange): Promise<OcrPage> {
    const { signal } = deadline;
    const total = body.byteLength;
    const sendBlob = async () => {
      request.onProgress?.({ indeterminate: true });
      return post(url, headers, new Blob([body]), signal);
    };
    const failWith = (error: unknown): never => {
      if (deadline.passed() && request.deadlineMs !== undefined) throw new ScanFailure(scanErrors.ocrDeadline(Math.round(request.deadlineMs / 100) / 10));
      if (error instanceof ScanFailure) throw error;
      if (request.signal?.aborted) throw new ScanFailure(scanErrors.interrupted());
      if (isTypeError(error)) throw new ScanFailure(scanErrors.network(url.host));
      throw error;
    };

    let answer: { status: number; text: string };
    const supported = canStream ? await env.streamingSupport.get(url.origin).catch(() => undefined) : false;
    if (supported === false) {
      answer = await sendBlob().catch(failWith);
    } else {
      const streamed = countedStream(body, (loaded) => request.onProgress?.({ loaded, total }));
      try {
        request.onProgress?.({ loaded: 0, total });
        answer = await post(url, headers, streamed.stream, signal);
        if (supported === undefined) await env.streamingSupport.set(url.origin, true).catch(() => undefined);
      } catch (error) {
        // Refused before sending (Chrome over HTTP/1.1); a failure after several chunks is the network's.
        if (!isTypeError(error) || streamed.pulls() > 1 || signal.aborted) return failWith(error);
        answer = await sendBlob().catch(failWith);
        await env.streamingSupport.set(url.origin, false).catch(() => undefined);
      }
    }
    const read = readOcrAnswer(answer.status, answer.text);
    if (!read.ok) throw new ScanFailure(read.error);
    return read.page;
  }

  return { recognise };
}

function parseEndpoint(endpoint: string): URL {
  try {
    const url = new URL(endpoint);
    if (url.protocol === 'https:' || url.protocol === 'http:') return url;
  } catch {
    // Reported below as the user's setting, not as a thrown TypeError.
  }
  throw new ScanFailure(scanErrors.ocrBadEndpoint(endpoint));
}
