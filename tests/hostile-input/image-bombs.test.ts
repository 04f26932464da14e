import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import type { CanvasEnv, CanvasLike, ImageBitmapLike } from '../../utils/image/downscale';
import { readImageDimensions } from '../../utils/image/image-dimensions';
import { createOcrClient } from '../../utils/ocr/ocr-space-client';
import { createMemoryStreamingSupport } from '../../utils/ocr/streaming-support';
import type { ScanError } from '../../utils/scan-error';
import { DEFAULT_SETTINGS } from '../../utils/settings';
import { startOcrServer, type OcrTestServer } from '../ocr-server';
import {
  createScanScene,
  expectRefusedBeforeStoring,
  PNG_SIGNATURE,
  pngChunk,
  pngHeader,
  readDevAnswer,
  serveBytes,
  startTestServer,
  type ScanScene,
  type TestServer,
} from './harness';

const u16 = (value: number) => [value & 0xff, value >> 8];

/** LZW for 2-bit pixels with a clear code before each pixel, so the code width never grows past 3 bits. */
function encodeGifPixels(pixels: number[]): number[] {
  const codes = pixels.flatMap((pixel) => [4, pixel]).concat(5);
  const packed: number[] = [];
  let buffer = 0;
  let bits = 0;
  for (const code of codes) {
    buffer |= code << bits;
    bits += 3;
    while (bits >= 8) {
      packed.push(buffer & 0xff);
      buffer >>= 8;
      bits -= 8;
    }
  }
  if (bits > 0) packed.push(buffer & 0xff);
  const blocks: number[] = [2];
  for (let at = 0; at < packed.length; at += 255) {
    const block = packed.slice(at, at + 255);
    blocks.push(block.length, ...block);
  }
  return blocks.concat(0);
}

interface GifFrame {
  left: number;
  top: number;
  width: number;
  height: number;
  pixels: number[];
}

/** An animated GIF89a with a 4-colour palette, looping forever, one graphic control block per frame. */
function buildGif(width: number, height: number, frames: GifFrame[]): Uint8Array<ArrayBuffer> {
  const bytes: number[] = [...Buffer.from('GIF89a', 'latin1'), ...u16(width), ...u16(height), 0x91, 0, 0];
  bytes.push(0, 0, 0, 255, 255, 255, 255, 0, 0, 0, 0, 255);
  bytes.push(0x21, 0xff, 0x0b, ...Buffer.from('NETSCAPE2.0', 'latin1'), 3, 1, 0, 0, 0);
  for (const frame of frames) {
    bytes.push(0x21, 0xf9, 4, 0, 10, 0, 0, 0);
    bytes.push(0x2c, ...u16(frame.left), ...u16(frame.top), ...u16(frame.width), ...u16(frame.height), 0);
    bytes.push(...encodeGifPixels(frame.pixels));
  }
  bytes.push(0x3b);
  return new Uint8Array(bytes);
}

const SIDE = 16;
const animation = buildGif(
  SIDE,
  SIDE,
  Array.from({ length: 500 }, (_, index) => ({
    left: 0,
    top: 0,
    width: SIDE,
    height: SIDE,
    pixels: Array.from({ length: SIDE * SIDE }, (_, pixel) => (pixel + index) % 4),
  })),
);

/** A canvas that records what it decodes and encodes a fixed JPEG. */
function recordingCanvas(encoded: Uint8Array<ArrayBuffer>) {
  const decoded: Blob[] = [];
  const bitmap: ImageBitmapLike = { width: SIDE, height: SIDE, close: () => undefined };
  const canvas: CanvasLike = {
    getContext: () => ({ fillStyle: '', imageSmoothingEnabled: false, imageSmoothingQuality: 'low', fillRect: () => undefined, drawImage: () => undefined }),
    convertToBlob: async () => new Blob([encoded], { type: 'image/jpeg' }),
  };
  const env: CanvasEnv = {
    createImageBitmap: vi.fn(async (blob: Blob) => {
      decoded.push(blob);
      return bitmap;
    }),
    createCanvas: vi.fn(() => canvas),
  };
  return { env, decoded };
}

const bytesOf = async (blob: Blob | undefined) => (blob ? new Uint8Array(await blob.arrayBuffer()) : undefined);

let server: TestServer;
let ocr: OcrTestServer;
let scene: ScanScene;

beforeAll(async () => {
  [server, ocr] = await Promise.all([startTestServer(), startOcrServer()]);
});
afterAll(() => Promise.all([server.close(), ocr.close()]));
beforeEach(() => {
  scene = createScanScene();
  ocr.reset();
});

describe('images that declare more pixels than can be decoded', () => {
  const tooManyPixels = (width: number, height: number, megapixels: number): ScanError => ({
    code: 'too-many-pixels',
    message: `The image is ${width} × ${height} pixels (${megapixels} megapixels); images up to 100 megapixels and 20000 pixels a side can be scanned.`,
    retryable: false,
  });
  const bombPng = new Uint8Array(
    Buffer.concat([PNG_SIGNATURE, pngHeader(30000, 30000), pngChunk('IDAT', new Uint8Array([0x78, 0x9c, 0x03, 0x00, 0x00, 0x00, 0x00, 0x01])), pngChunk('IEND', new Uint8Array(0))]),
  );

  it.each<[string, Uint8Array<ArrayBuffer>, string, ScanError]>([
    ['a PNG declaring 30000 × 30000', bombPng, 'image/png', tooManyPixels(30000, 30000, 900)],
    [
      'a GIF whose first frame is far larger than its 16 × 16 screen (browsers grow the image to fit it)',
      buildGif(SIDE, SIDE, [{ left: 0, top: 0, width: 60000, height: 60000, pixels: [0] }]),
      'image/gif',
      tooManyPixels(60000, 60000, 3600),
    ],
    [
      'a GIF whose first frame is placed far outside its screen',
      buildGif(SIDE, SIDE, [{ left: 50000, top: 50000, width: 10, height: 10, pixels: [0] }]),
      'image/gif',
      tooManyPixels(50010, 50010, 2501),
    ],
  ])('refuses %s before any decode, store or upload', async (name, bytes, contentType, error) => {
    const path = `/bomb-${name.length}`;
    server.route(path, serveBytes(bytes, { 'content-type': contentType }));
    const canvas = recordingCanvas(new Uint8Array([0xff, 0xd8, 0xff, 0xd9]));
    await expectRefusedBeforeStoring(scene, await scene.scan(server.url(path), { canvas: canvas.env }), error);
    expect(canvas.env.createImageBitmap).not.toHaveBeenCalled();
    expect(canvas.env.createCanvas).not.toHaveBeenCalled();
  });
});

describe('a GIF with 500 frames', () => {
  const ocrEnv = (uploadLimitBytes = DEFAULT_SETTINGS.uploadLimitBytes) => ({
    loadSettings: async () => ({ ...DEFAULT_SETTINGS, endpoint: ocr.http1Url, uploadLimitBytes }),
    recognise: createOcrClient({ fetch, streamingSupport: createMemoryStreamingSupport() }).recognise,
  });

  it('is a plain GIF to the sniffer, sized by its screen', () => {
    expect(animation.length).toBe(107_045);
    expect(readImageDimensions(animation, 'image/gif')).toEqual({ width: SIDE, height: SIDE });
  });

  it('is accepted, stored and uploaded unchanged when under the upload limit; the OCR service reads it', async () => {
    server.route('/animated.gif', serveBytes(animation, { 'content-type': 'image/gif' }));
    ocr.queueAnswer(JSON.parse(readDevAnswer('sroie-000.json')));
    const canvas = recordingCanvas(new Uint8Array([0xff, 0xd8, 0xff, 0xd9]));
    const receipt = await scene.scan(server.url('/animated.gif'), { ...ocrEnv(), canvas: canvas.env });
    expect(receipt).toMatchObject({ status: 'done', error: null, original: { mime: 'image/gif', extension: 'gif', size: animation.length } });
    expect(receipt.fields).toMatchObject({ date: '2018-12-25', total: '9.00' });
    expect(await bytesOf(await scene.repository.getOriginal(receipt.id))).toEqual(animation);
    expect(ocr.received).toHaveLength(1);
    expect(ocr.received[0]?.fields.filetype).toBe('GIF');
    expect(ocr.received[0]?.file.filename).toBe('receipt-r1.gif');
    expect(ocr.received[0]?.file.contentType).toBe('image/gif');
    expect(new Uint8Array(ocr.received[0]?.file.bytes ?? [])).toEqual(animation);
    // Only the list thumbnail decodes it, once: a browser's createImageBitmap gives the first frame.
    expect(await Promise.all(canvas.decoded.map(bytesOf))).toEqual([animation]);
  });

  it('over the upload limit, is decoded once (its first frame) and uploaded as that frame in JPEG', async () => {
    server.route('/animated.gif', serveBytes(animation, { 'content-type': 'image/gif' }));
    ocr.queueAnswer(JSON.parse(readDevAnswer('sroie-000.json')));
    const firstFrameJpeg = new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 1, 2, 3, 0xff, 0xd9]);
    const canvas = recordingCanvas(firstFrameJpeg);
    const receipt = await scene.scan(server.url('/animated.gif'), { ...ocrEnv(50_000), canvas: canvas.env });
    expect(receipt.status).toBe('done');
    expect(await bytesOf(await scene.repository.getOriginal(receipt.id))).toEqual(animation);
    expect(ocr.received.map((upload) => [upload.fields.filetype, upload.file.filename, upload.file.contentType])).toEqual([['JPG', 'receipt-r1.jpg', 'image/jpeg']]);
    expect(new Uint8Array(ocr.received[0]?.file.bytes ?? [])).toEqual(firstFrameJpeg);
    // One decode serves the data check, the shrink and the thumbnail.
    expect(await Promise.all(canvas.decoded.map(bytesOf))).toEqual([animation]);
  });
});
