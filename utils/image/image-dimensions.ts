import { ascii, int32LE, startsWith, uint16LE, uint32BE, uint32LE } from './byte-reading';
import { readJpegLayout } from './jpeg-structure';
import type { ImageMime } from '../receipt';

export interface ImageDimensions {
  width: number;
  height: number;
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
      return readJpegLayout(bytes, true).frame;
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
