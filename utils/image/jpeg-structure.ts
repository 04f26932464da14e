import { uint16BE } from './byte-reading';

/** What walking a JPEG's markers tells: its frame size, whether image data follows, and where the image ends. */
export interface JpegLayout {
  /** Size from the first start-of-frame; a height of 0 means it is announced later (DNL), so unknown here. */
  frame: { width: number; height: number } | null;
  /** A start-of-scan came after the frame: there is entropy-coded image data. */
  hasScan: boolean;
  /** Offset just past the end-of-image marker that ends the image; null when the bytes stop before it. */
  end: number | null;
}

const isStandalone = (marker: number) => marker === 0x01 || (marker >= 0xd0 && marker <= 0xd8);
const isFrame = (marker: number) => marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc;
const isRestart = (marker: number) => marker >= 0xd0 && marker <= 0xd7;

/** The next marker at or after `from`, as decoders find it: junk bytes before it skipped, 0xFF fill bytes too. */
function nextMarker(bytes: Uint8Array, from: number): { code: number; after: number } | null {
  for (let at = from; at + 1 < bytes.length; at += 1) {
    if (bytes[at] !== 0xff) continue;
    let code = bytes[at + 1] ?? 0;
    while (code === 0xff && at + 2 < bytes.length) code = bytes[(at += 1) + 1] ?? 0;
    if (code !== 0x00 && code !== 0xff) return { code, after: at + 2 };
  }
  return null;
}

/** Where the entropy-coded data after a scan header ends: the first marker that is neither a stuffed 0xFF00 nor a restart. */
function endOfEntropyData(bytes: Uint8Array, from: number): number | null {
  for (let at = from; at + 1 < bytes.length; at += 1) {
    if (bytes[at] !== 0xff) continue;
    const next = bytes[at + 1] ?? 0;
    if (next !== 0x00 && next !== 0xff && !isRestart(next)) return at;
  }
  return null;
}

/**
 * Walks the segments from the start-of-image the way decoders do: lengths are followed, so an end marker inside an
 * EXIF thumbnail (APP1) is never taken for the image's own; the scan's data is read up to its next real marker.
 * With `untilFrame`, stops at the frame header (enough for the size, without reading the image data).
 */
export function readJpegLayout(bytes: Uint8Array, untilFrame = false): JpegLayout {
  const layout: JpegLayout = { frame: null, hasScan: false, end: null };
  let offset = 2;
  for (;;) {
    const marker = nextMarker(bytes, offset);
    if (!marker) return layout;
    const { code, after } = marker;
    if (code === 0xd9) return { ...layout, end: after };
    if (isStandalone(code)) {
      offset = after;
      continue;
    }
    const length = uint16BE(bytes, after);
    if (length < 2 || after + length > bytes.length) return layout;
    if (isFrame(code) && layout.frame === null) {
      layout.frame = { width: uint16BE(bytes, after + 5), height: uint16BE(bytes, after + 3) };
      if (untilFrame) return layout;
    }
    if (code === 0xda) {
      if (untilFrame) return layout;
      layout.hasScan ||= layout.frame !== null;
      const dataEnd = endOfEntropyData(bytes, after + length);
      if (dataEnd === null) return layout;
      offset = dataEnd;
    } else {
      offset = after + length;
    }
  }
}

/** The JPEG itself, without what cameras and phones append after its end (a motion photo's video); else all the bytes. */
export function jpegImagePart<Buffer extends ArrayBufferLike>(bytes: Uint8Array<Buffer>): Uint8Array<Buffer> {
  const { end } = readJpegLayout(bytes);
  return end !== null && end < bytes.length ? bytes.subarray(0, end) : bytes;
}
