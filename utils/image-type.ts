import type { ImageMime } from './receipt';
import { scanErrors, type ScanError } from './scan-error';

export type SniffResult = { ok: true; mime: ImageMime; extension: string } | { ok: false; error: ScanError };

export interface ImageDimensions {
  width: number;
  height: number;
}

const ascii = (bytes: Uint8Array, start: number, length: number) =>
  String.fromCharCode(...bytes.subarray(start, start + length));

const startsWith = (bytes: Uint8Array, signature: readonly number[], at = 0) =>
  bytes.length >= at + signature.length && signature.every((byte, index) => bytes[at + index] === byte);

const uint16BE = (bytes: Uint8Array, at: number) => ((bytes[at] ?? 0) << 8) | (bytes[at + 1] ?? 0);
const uint16LE = (bytes: Uint8Array, at: number) => (bytes[at] ?? 0) | ((bytes[at + 1] ?? 0) << 8);
const uint32BE = (bytes: Uint8Array, at: number) => uint16BE(bytes, at) * 0x10000 + uint16BE(bytes, at + 2);
const uint32LE = (bytes: Uint8Array, at: number) => uint16LE(bytes, at) + uint16LE(bytes, at + 2) * 0x10000;
const int32LE = (bytes: Uint8Array, at: number) => uint32LE(bytes, at) | 0;

/** Length without the zero bytes some servers and tools pad files with. */
function lengthWithoutPadding(bytes: Uint8Array): number {
  let end = bytes.length;
  while (end > 0 && bytes[end - 1] === 0) end -= 1;
  return end;
}

const found = (mime: ImageMime, extension: string): SniffResult => ({ ok: true, mime, extension });
const cutShort = (type: string): SniffResult => ({ ok: false, error: scanErrors.truncated(type) });

function checkJpeg(bytes: Uint8Array): SniffResult {
  const end = lengthWithoutPadding(bytes);
  return bytes[end - 2] === 0xff && bytes[end - 1] === 0xd9 ? found('image/jpeg', 'jpg') : cutShort('JPEG');
}

/** Walks the chunks: a PNG is whole once its IEND chunk is reached inside the bytes. */
function checkPng(bytes: Uint8Array): SniffResult {
  if (bytes.length < 33 || ascii(bytes, 12, 4) !== 'IHDR') return cutShort('PNG');
  let offset = 8;
  while (offset + 8 <= bytes.length) {
    const chunkEnd = offset + 12 + uint32BE(bytes, offset);
    if (ascii(bytes, offset + 4, 4) === 'IEND') return chunkEnd <= bytes.length ? found('image/png', 'png') : cutShort('PNG');
    offset = chunkEnd;
  }
  return cutShort('PNG');
}

function checkGif(bytes: Uint8Array): SniffResult {
  return bytes[lengthWithoutPadding(bytes) - 1] === 0x3b && bytes.length > 13 ? found('image/gif', 'gif') : cutShort('GIF');
}

/** The RIFF size counts everything after its first 8 bytes; fewer bytes than announced means a cut download. */
function checkWebp(bytes: Uint8Array): SniffResult {
  return bytes.length >= uint32LE(bytes, 4) + 8 ? found('image/webp', 'webp') : cutShort('WebP');
}

const BMP_HEADER_SIZES = new Set([12, 16, 40, 52, 56, 64, 108, 124]);

/** "BM" alone starts many texts ("BMW ..."), so a BMP also needs a known DIB header size. */
const looksLikeBmp = (bytes: Uint8Array) => startsWith(bytes, [0x42, 0x4d]) && BMP_HEADER_SIZES.has(uint32LE(bytes, 14));

function checkBmp(bytes: Uint8Array): SniffResult {
  const declared = uint32LE(bytes, 2);
  return declared > bytes.length ? cutShort('BMP') : found('image/bmp', 'bmp');
}

function checkTiff(bytes: Uint8Array): SniffResult {
  const littleEndian = bytes[0] === 0x49;
  const firstDirectory = littleEndian ? uint32LE(bytes, 4) : uint32BE(bytes, 4);
  return firstDirectory >= 8 && firstDirectory + 2 <= bytes.length ? found('image/tiff', 'tiff') : cutShort('TIFF');
}

function checkPdf(bytes: Uint8Array): SniffResult {
  const tail = ascii(bytes, Math.max(0, bytes.length - 1024), 1024);
  return tail.includes('%%EOF') ? found('application/pdf', 'pdf') : cutShort('PDF');
}

const SCRIPT_START = /^(#!|\/\/|\/\*|["']use strict["']|(function|var|let|const|import|export|async|class|window\.|document\.|self\.)\b|\(function|!function|\(\(\)\s*=>)/;

/** Names what a download that is not an image looks like, for the user's error message. */
function describeNonImage(bytes: Uint8Array): string {
  if (startsWith(bytes, [0x50, 0x4b]) && [0x03, 0x05, 0x07].includes(bytes[2] ?? 0)) return 'a ZIP archive';
  if (ascii(bytes, 4, 4) === 'ftyp' && /^(heic|heix|hevc|mif1|msf1|avif|avis)$/.test(ascii(bytes, 8, 4))) {
    return 'an HEIC or AVIF photo (save it as JPEG first)';
  }
  let head: string;
  try {
    head = new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(0, 4096), { stream: true });
  } catch {
    return 'unknown binary data';
  }
  if (/[\u0000-\u0008\u000e-\u001a\u001c-\u001f]/.test(head)) return 'unknown binary data';
  const text = head.replace(/^\uFEFF/, '').trimStart();
  const lower = text.toLowerCase();
  if (/^<(!doctype html|html|head|body)\b/.test(lower)) return 'an HTML page';
  if (/^<svg\b/.test(lower) || (/^<(\?xml|!doctype svg|!--)/.test(lower) && lower.includes('<svg'))) {
    return 'an SVG image (vector images are not supported)';
  }
  if (lower.startsWith('<') && lower.includes('<html')) return 'an HTML page';
  if (/^[{[]/.test(text)) return 'JSON';
  if (SCRIPT_START.test(text)) return 'a script';
  return 'text';
}

/** Recognises a receipt image from its first bytes, never from a name or a server's Content-Type, and spots cut downloads. */
export function sniffImageType(bytes: Uint8Array): SniffResult {
  if (bytes.length === 0) return { ok: false, error: scanErrors.empty() };
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return checkJpeg(bytes);
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return checkPng(bytes);
  if (/^GIF8[79]a$/.test(ascii(bytes, 0, 6))) return checkGif(bytes);
  if (ascii(bytes, 0, 4) === 'RIFF' && ascii(bytes, 8, 4) === 'WEBP') return checkWebp(bytes);
  if (looksLikeBmp(bytes)) return checkBmp(bytes);
  if (startsWith(bytes, [0x49, 0x49, 0x2a, 0x00]) || startsWith(bytes, [0x4d, 0x4d, 0x00, 0x2a])) return checkTiff(bytes);
  if (ascii(bytes, 0, 5) === '%PDF-') return checkPdf(bytes);
  return { ok: false, error: scanErrors.notAnImage(describeNonImage(bytes)) };
}

const JPEG_STANDALONE_MARKERS = new Set([0x01, 0xd0, 0xd1, 0xd2, 0xd3, 0xd4, 0xd5, 0xd6, 0xd7, 0xd8]);
const isJpegFrameMarker = (marker: number) => marker >= 0xc0 && marker <= 0xcf && ![0xc4, 0xc8, 0xcc].includes(marker);

/** Walks JPEG segments up to the first start-of-frame, which holds the size. */
function readJpegDimensions(bytes: Uint8Array): ImageDimensions | null {
  let offset = 2;
  while (offset + 4 <= bytes.length) {
    if (bytes[offset] !== 0xff) return null;
    const marker = bytes[offset + 1] ?? 0;
    if (marker === 0xff) {
      offset += 1;
    } else if (JPEG_STANDALONE_MARKERS.has(marker)) {
      offset += 2;
    } else if (isJpegFrameMarker(marker)) {
      return offset + 9 <= bytes.length ? { width: uint16BE(bytes, offset + 7), height: uint16BE(bytes, offset + 5) } : null;
    } else if (marker === 0xd9 || marker === 0xda) {
      return null;
    } else {
      offset += 2 + uint16BE(bytes, offset + 2);
    }
  }
  return null;
}

function readWebpDimensions(bytes: Uint8Array): ImageDimensions | null {
  const format = ascii(bytes, 12, 4);
  if (format === 'VP8 ' && bytes.length >= 30 && startsWith(bytes, [0x9d, 0x01, 0x2a], 23)) {
    return { width: uint16LE(bytes, 26) & 0x3fff, height: uint16LE(bytes, 28) & 0x3fff };
  }
  if (format === 'VP8L' && bytes.length >= 25 && bytes[20] === 0x2f) {
    const bits = uint32LE(bytes, 21);
    return { width: (bits & 0x3fff) + 1, height: (Math.floor(bits / 0x4000) & 0x3fff) + 1 };
  }
  if (format === 'VP8X' && bytes.length >= 30) {
    const read24 = (at: number) => uint16LE(bytes, at) + (bytes[at + 2] ?? 0) * 0x10000;
    return { width: read24(24) + 1, height: read24(27) + 1 };
  }
  return null;
}

/** Where the first frame ends, walking past the colour table and the extension blocks; null when cut or malformed. */
function readFirstGifFrameExtent(bytes: Uint8Array): ImageDimensions | null {
  const screenFlags = bytes[10] ?? 0;
  let offset = 13 + (screenFlags & 0x80 ? 3 * 2 ** ((screenFlags & 0x07) + 1) : 0);
  while (offset < bytes.length) {
    const block = bytes[offset];
    if (block === 0x2c) {
      if (offset + 9 > bytes.length) return null;
      return { width: uint16LE(bytes, offset + 1) + uint16LE(bytes, offset + 5), height: uint16LE(bytes, offset + 3) + uint16LE(bytes, offset + 7) };
    }
    if (block !== 0x21) return null;
    offset += 2;
    for (let size = -1; size !== 0 && offset < bytes.length; offset += 1 + size) size = bytes[offset] ?? 0;
  }
  return null;
}

/** Browsers grow a GIF to hold a first frame larger than its logical screen, so that frame's extent counts too. */
function readGifDimensions(bytes: Uint8Array): ImageDimensions | null {
  if (bytes.length < 10) return null;
  const screen = { width: uint16LE(bytes, 6), height: uint16LE(bytes, 8) };
  const frame = readFirstGifFrameExtent(bytes);
  return frame ? { width: Math.max(screen.width, frame.width), height: Math.max(screen.height, frame.height) } : screen;
}

function readBmpDimensions(bytes: Uint8Array): ImageDimensions | null {
  if (bytes.length < 26) return null;
  if (uint32LE(bytes, 14) === 12) return { width: uint16LE(bytes, 18), height: uint16LE(bytes, 20) };
  // A negative height means the rows are stored top-down.
  return { width: Math.abs(int32LE(bytes, 18)), height: Math.abs(int32LE(bytes, 22)) };
}

function readRawDimensions(bytes: Uint8Array, mime: ImageMime): ImageDimensions | null {
  switch (mime) {
    case 'image/png':
      return bytes.length >= 24 ? { width: uint32BE(bytes, 16), height: uint32BE(bytes, 20) } : null;
    case 'image/jpeg':
      return readJpegDimensions(bytes);
    case 'image/gif':
      return readGifDimensions(bytes);
    case 'image/webp':
      return readWebpDimensions(bytes);
    case 'image/bmp':
      return readBmpDimensions(bytes);
    default:
      return null;
  }
}

/** Reads the pixel size from the header, to refuse absurd sizes before decoding; null when unknown (TIFF, PDF, damaged header). */
export function readImageDimensions(bytes: Uint8Array, mime: ImageMime): ImageDimensions | null {
  const dimensions = readRawDimensions(bytes, mime);
  return dimensions !== null && dimensions.width > 0 && dimensions.height > 0 ? dimensions : null;
}
