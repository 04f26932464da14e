import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { readFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { crc32, deflateSync } from 'node:zlib';
import { expect } from 'vitest';
import { readOcrAnswer } from '../../utils/ocr/ocr-answer';
import type { OcrRequest } from '../../utils/ocr/ocr-space-client';
import type { OcrPage, ReceiptRecord } from '../../utils/receipt';
import { openReceiptDb } from '../../utils/storage/receipt-db';
import { createReceiptRepository, type ReceiptRepository } from '../../utils/storage/receipt-repository';
import type { ScanError } from '../../utils/scan-error';
import type { ScanTarget } from '../../utils/protocol';
import { createScanner, type ScanEnv } from '../../utils/scan/scan-pipeline';
import { DEFAULT_SETTINGS } from '../../utils/settings';

/** The shared receipts, read by path: they are never copied into the repository. */
export const RECEIPTS_DEV = new URL('../../../shared/receipts-dev/', import.meta.url);
export const readDevImage = (name: string): Uint8Array<ArrayBuffer> => new Uint8Array(readFileSync(new URL(`images/${name}`, RECEIPTS_DEV)));
export const readDevAnswer = (name: string): string => readFileSync(new URL(`ocrspace/${name}`, RECEIPTS_DEV), 'utf8');

export const MB = 1024 * 1024;

function recordedPage(): OcrPage {
  const answer = readOcrAnswer(200, readDevAnswer('sroie-000.json'));
  if (!answer.ok) throw new Error(`sroie-000.json no longer reads: ${answer.error.message}`);
  return answer.page;
}

export interface ScanScene {
  repository: ReceiptRepository;
  uploads: OcrRequest[];
  /** A ScanEnv with real Node fetch, a fresh fake IndexedDB and a recognise that records uploads. */
  env: (change?: Partial<ScanEnv>) => ScanEnv;
  scan: (srcUrl: string, change?: Partial<ScanEnv>) => Promise<ReceiptRecord>;
}

export function createScanScene(): ScanScene {
  globalThis.indexedDB = new IDBFactory();
  const repository = createReceiptRepository(openReceiptDb());
  const uploads: OcrRequest[] = [];
  const page = recordedPage();
  const env = (change: Partial<ScanEnv> = {}): ScanEnv => {
    let id = 0;
    return {
      repository,
      loadSettings: async () => DEFAULT_SETTINGS,
      fetch: (input, init) => fetch(input, init),
      readBlobUrl: async () => {
        throw new Error('no blob: sources in these tests');
      },
      recognise: async (request) => {
        uploads.push(request);
        return page;
      },
      canvas: null,
      broadcast: () => undefined,
      newId: () => `r${++id}`,
      now: () => Date.UTC(2024, 5, 1),
      locale: 'en-GB',
      ...change,
    };
  };
  const scan = async (srcUrl: string, change: Partial<ScanEnv> = {}): Promise<ReceiptRecord> => {
    const target: ScanTarget = { srcUrl, pageUrl: 'https://shop.example/orders', pageTitle: 'Orders', tabId: 1, frameId: 0 };
    const id = await createScanner(env(change)).scan(target);
    const receipt = await repository.get(id);
    if (!receipt) throw new Error(`receipt ${id} was not created`);
    return receipt;
  };
  return { repository, uploads, env, scan };
}

/** Nothing half-saved: failed with exactly this error, no original, no thumbnail, no OCR page, nothing uploaded. */
export async function expectRefusedBeforeStoring(scene: ScanScene, receipt: ReceiptRecord, error: ScanError): Promise<void> {
  expect(receipt.status).toBe('failed');
  expect(receipt.error).toEqual(error);
  expect(receipt).toMatchObject({ progress: null, original: null, thumbnail: null, ocr: null, fields: null, receiptDate: '' });
  expect(await scene.repository.getOriginal(receipt.id)).toBeUndefined();
  expect(await scene.repository.getOcrPage(receipt.id)).toBeUndefined();
  expect(scene.uploads).toEqual([]);
}

export type Route = (request: IncomingMessage, response: ServerResponse) => void;

export interface TestServer {
  url: (path: string) => string;
  route: (path: string, handler: Route) => void;
  close: () => Promise<void>;
}

/** A real HTTP/1.1 server on 127.0.0.1 and a random port; routes are set per test. */
export async function startTestServer(): Promise<TestServer> {
  const routes = new Map<string, Route>();
  const server: Server = createServer((request, response) => {
    const route = routes.get(new URL(request.url ?? '/', 'http://127.0.0.1').pathname);
    if (route) return route(request, response);
    response.writeHead(500);
    response.end('no route');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: (path) => `http://127.0.0.1:${port}${path}`,
    route: (path, handler) => void routes.set(path, handler),
    close: async () => {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}

/** Serves bytes with the headers given, as a plain 200. */
export const serveBytes = (bytes: Uint8Array, headers: Record<string, string> = {}): Route => (_, response) => {
  response.writeHead(200, headers);
  response.end(bytes);
};

/** Writes a raw HTTP answer on the socket, for framing Node's http module would refuse to send. */
export const serveRaw = (head: string, body: Uint8Array): Route => (_, response) => {
  response.socket?.end(Buffer.concat([Buffer.from(head, 'latin1'), body]));
};

const ascii = (text: string) => Buffer.from(text, 'latin1');

export function pngChunk(type: string, data: Uint8Array): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(Buffer.concat([ascii(type), data])));
  return Buffer.concat([length, ascii(type), data, crc]);
}

export const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

export function pngHeader(width: number, height: number): Buffer {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 2, 0, 0, 0], 8); // 8-bit RGB, deflate, no filter, no interlace
  return pngChunk('IHDR', header);
}

/** A whole, valid RGB PNG of the given size with a grey gradient. */
export function buildPng(width: number, height: number): Uint8Array<ArrayBuffer> {
  const rows = Buffer.alloc((width * 3 + 1) * height);
  for (let y = 0; y < height; y += 1) {
    for (let x = 0; x < width * 3; x += 1) rows[y * (width * 3 + 1) + 1 + x] = (x + y) % 256;
  }
  const png = Buffer.concat([PNG_SIGNATURE, pngHeader(width, height), pngChunk('IDAT', deflateSync(rows)), pngChunk('IEND', new Uint8Array(0))]);
  return new Uint8Array(png);
}
