import { ascii, startsWith, uint32BE, uint32LE } from './byte-reading';
import { readJpegLayout } from './jpeg-structure';
import type { ImageMime } from '../receipt';
import { scanErrors, type ScanError } from '../scan-error';

export type SniffResult = { ok: true; mime: ImageMime; extension: string } | { ok: false; error: ScanError };

export interface SniffOptions {
  /** The bytes are all the source has (its Content-Length matched, or a page's blob): a cut file will not come back whole. */
  whole?: boolean;
}

/** Length without the zero bytes some servers and tools pad files with. */
function lengthWithoutPadding(bytes: Uint8Array): number {
  let end = bytes.length;
  while (end > 0 && bytes[end - 1] === 0) end -= 1;
  return end;
}

const found = (mime: ImageMime, extension: string): SniffResult => ({ ok: true, mime, extension });
/** How a cut file is refused: retried when the download may have been interrupted, not when the source itself is cut. */
type CutShort = (type: string) => SniffResult;
const cutShortBy = (whole: boolean): CutShort => (type) => ({ ok: false, error: whole ? scanErrors.truncatedAtSource(type) : scanErrors.truncated(type) });

/** Whole once its markers lead to the end-of-image, whatever follows it (phones append data, motion photos a video). */
function checkJpeg(bytes: Uint8Array, cutShort: CutShort): SniffResult {
  if (readJpegLayout(bytes).end !== null) return found('image/jpeg', 'jpg');
  const end = lengthWithoutPadding(bytes);
  return bytes[end - 2] === 0xff && bytes[end - 1] === 0xd9 ? found('image/jpeg', 'jpg') : cutShort('JPEG');
}

/** Walks the chunks: a PNG is whole once its IEND chunk is reached inside the bytes. */
function checkPng(bytes: Uint8Array, cutShort: CutShort): SniffResult {
  if (bytes.length < 33 || ascii(bytes, 12, 4) !== 'IHDR') return cutShort('PNG');
  let offset = 8;
  while (offset + 8 <= bytes.length) {
    const chunkEnd = offset + 12 + uint32BE(bytes, offset);
    if (ascii(bytes, offset + 4, 4) === 'IEND') return chunkEnd <= bytes.length ? found('image/png', 'png') : cutShort('PNG');
    offset = chunkEnd;
  }
  return cutShort('PNG');
}

function checkGif(bytes: Uint8Array, cutShort: CutShort): SniffResult {
  return bytes[lengthWithoutPadding(bytes) - 1] === 0x3b && bytes.length > 13 ? found('image/gif', 'gif') : cutShort('GIF');
}

/** The RIFF size counts everything after its first 8 bytes; fewer bytes than announced means a cut download. */
function checkWebp(bytes: Uint8Array, cutShort: CutShort): SniffResult {
  return bytes.length >= uint32LE(bytes, 4) + 8 ? found('image/webp', 'webp') : cutShort('WebP');
}

const BMP_HEADER_SIZES = new Set([12, 16, 40, 52, 56, 64, 108, 124]);

/** "BM" alone starts many texts ("BMW ..."), so a BMP also needs a known DIB header size. */
const looksLikeBmp = (bytes: Uint8Array) => startsWith(bytes, [0x42, 0x4d]) && BMP_HEADER_SIZES.has(uint32LE(bytes, 14));

function checkBmp(bytes: Uint8Array, cutShort: CutShort): SniffResult {
  const declared = uint32LE(bytes, 2);
  return declared > bytes.length ? cutShort('BMP') : found('image/bmp', 'bmp');
}

function checkTiff(bytes: Uint8Array, cutShort: CutShort): SniffResult {
  const littleEndian = bytes[0] === 0x49;
  const firstDirectory = littleEndian ? uint32LE(bytes, 4) : uint32BE(bytes, 4);
  return firstDirectory >= 8 && firstDirectory + 2 <= bytes.length ? found('image/tiff', 'tiff') : cutShort('TIFF');
}

function checkPdf(bytes: Uint8Array, cutShort: CutShort): SniffResult {
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
export function sniffImageType(bytes: Uint8Array, { whole = false }: SniffOptions = {}): SniffResult {
  const cutShort = cutShortBy(whole);
  if (bytes.length === 0) return { ok: false, error: scanErrors.empty() };
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return checkJpeg(bytes, cutShort);
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return checkPng(bytes, cutShort);
  if (/^GIF8[79]a$/.test(ascii(bytes, 0, 6))) return checkGif(bytes, cutShort);
  if (ascii(bytes, 0, 4) === 'RIFF' && ascii(bytes, 8, 4) === 'WEBP') return checkWebp(bytes, cutShort);
  if (looksLikeBmp(bytes)) return checkBmp(bytes, cutShort);
  if (startsWith(bytes, [0x49, 0x49, 0x2a, 0x00]) || startsWith(bytes, [0x4d, 0x4d, 0x00, 0x2a])) return checkTiff(bytes, cutShort);
  if (ascii(bytes, 0, 5) === '%PDF-') return checkPdf(bytes, cutShort);
  return { ok: false, error: scanErrors.notAnImage(describeNonImage(bytes)) };
}
