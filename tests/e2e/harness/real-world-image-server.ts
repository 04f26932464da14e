import { once } from 'node:events';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { concatBytes, flatGreyJpeg, jpegHeaderWithHtml, mp4LikeTail } from '../../image/jpeg-builder';
import { readReceiptImage } from './receipts-dev';

/** Images as they come from phones, scanners and broken servers (journey 22), each served with its true Content-Length. */
export interface RealWorldImages {
  /** A shared receipt with about 1 MB of MP4-like video after its end-of-image marker, as motion photos are. */
  motionPhoto: Uint8Array;
  /** The JPEG part of the motion photo: the shared receipt itself. */
  motionPhotoJpeg: Uint8Array;
  /** A real, decodable 20000 × 20000 grey JPEG of 1.5 MB with one junk byte before its frame header. */
  bomb: Uint8Array;
  /** A little-endian TIFF of `tiffSize` bytes, which no browser decodes. */
  tiff: Uint8Array;
  /** 136 bytes: a JPEG header whose image data is an HTML page. */
  htmlInJpeg: Uint8Array;
}

export interface RealWorldImageServer {
  images: RealWorldImages;
  pageUrl: string;
  url(name: 'motion-photo.jpg' | 'bomb.jpg' | 'receipt.tiff' | 'html-in.jpg'): string;
  /** Requests per path, to tell a single download from retries. */
  requests: Map<string, number>;
  close(): Promise<void>;
}

function buildTiff(size: number): Uint8Array {
  const tiff = new Uint8Array(size);
  // "II", 42, first directory at 8 with no entries: structure enough for the sniffer; the rest is strip data.
  tiff.set([0x49, 0x49, 0x2a, 0x00, 8, 0, 0, 0, 0, 0, 0, 0, 0, 0]);
  for (let at = 14; at < size; at += 1) tiff[at] = (at * 7) & 0xff;
  return tiff;
}

export async function startRealWorldImageServer(receiptId: string, tiffSize: number): Promise<RealWorldImageServer> {
  const receipt = new Uint8Array(await readReceiptImage(receiptId));
  const images: RealWorldImages = {
    motionPhoto: concatBytes(receipt, mp4LikeTail(1024 * 1024)),
    motionPhotoJpeg: receipt,
    bomb: flatGreyJpeg(20_000, 20_000, { beforeFrame: [0x00] }),
    tiff: buildTiff(tiffSize),
    htmlInJpeg: jpegHeaderWithHtml(),
  };
  const byPath = new Map<string, [string, Uint8Array]>([
    ['/motion-photo.jpg', ['image/jpeg', images.motionPhoto]],
    ['/bomb.jpg', ['image/jpeg', images.bomb]],
    ['/receipt.tiff', ['image/tiff', images.tiff]],
    ['/html-in.jpg', ['image/jpeg', images.htmlInJpeg]],
  ]);
  const requests = new Map<string, number>();
  const server = createServer((request, response) => {
    const path = new URL(request.url ?? '/', 'http://localhost').pathname;
    requests.set(path, (requests.get(path) ?? 0) + 1);
    const send = (status: number, type: string, body: string | Uint8Array) => {
      response.writeHead(status, { 'content-type': type, 'content-length': String(Buffer.byteLength(body)), 'cache-control': 'no-store' });
      response.end(body);
    };
    if (path === '/photos.html') return send(200, 'text/html; charset=utf-8', '<!doctype html><html><head><meta charset="utf-8"><title>Shared photos</title></head><body><h1>Shared photos</h1></body></html>');
    const image = byPath.get(path);
    return image ? send(200, image[0], image[1]) : send(404, 'text/plain', 'not found');
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    images,
    pageUrl: `${origin}/photos.html`,
    url: (name) => `${origin}/${name}`,
    requests,
    close: async () => {
      server.closeAllConnections();
      server.close();
      await once(server, 'close');
    },
  };
}
