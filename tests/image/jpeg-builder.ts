/** JPEGs built byte by byte, for the marker walker and the pixel limit: no file reads, usable by unit tests and journeys. */

export const SOI = [0xff, 0xd8];
export const EOI = [0xff, 0xd9];

/** A marker segment: 0xFF, the marker, a length that counts itself, the data. */
export const segment = (marker: number, data: number[]): number[] => [0xff, marker, (data.length + 2) >> 8, (data.length + 2) & 0xff, ...data];

const DQT_ALL_ONES = segment(0xdb, [0x00, ...new Array<number>(64).fill(1)]);
/** Baseline frame, one grey component, no subsampling, quantisation table 0. */
export const sof0 = (width: number, height: number) => segment(0xc0, [8, height >> 8, height & 0xff, width >> 8, width & 0xff, 1, 1, 0x11, 0]);
/** Huffman tables of one 1-bit code each: DC difference 0 and AC end-of-block, so a flat block costs 2 bits. */
const DHT_ONE_CODE = [...segment(0xc4, [0x00, 1, ...new Array<number>(15).fill(0), 0x00]), ...segment(0xc4, [0x10, 1, ...new Array<number>(15).fill(0), 0x00])];
export const SOS_GREY = segment(0xda, [1, 1, 0x00, 0, 63, 0]);
/** An APP1 EXIF segment whose embedded thumbnail ends with its own end-of-image marker. */
export const EXIF_WITH_THUMBNAIL = segment(0xe1, [...Array.from('Exif\0\0', (char) => char.charCodeAt(0)), ...SOI, 0x11, 0x22, ...EOI, 0x33]);

export interface FlatJpegOptions {
  /** Bytes between the tables and the frame header that a strict reader stops at and decoders skip. */
  beforeFrame?: number[];
  /** Segments right after the start-of-image (APP0, APP1 EXIF). */
  head?: number[];
}

/** A real, decodable mid-grey baseline JPEG: every 8×8 block is 2 zero bits, so 20000 × 20000 pixels weigh 1.5 MB. */
export function flatGreyJpeg(width: number, height: number, options: FlatJpegOptions = {}): Uint8Array<ArrayBuffer> {
  const blocks = Math.ceil(width / 8) * Math.ceil(height / 8);
  const bits = blocks * 2;
  const data = new Uint8Array(Math.ceil(bits / 8));
  // Pad the last byte with 1 bits, as encoders do.
  if (bits % 8 !== 0) data[data.length - 1] = (1 << (8 - (bits % 8))) - 1;
  const head = Uint8Array.from([...SOI, ...(options.head ?? []), ...DQT_ALL_ONES, ...DHT_ONE_CODE, ...(options.beforeFrame ?? []), ...sof0(width, height), ...SOS_GREY]);
  const jpeg = new Uint8Array(head.length + data.length + 2);
  jpeg.set(head);
  jpeg.set(data, head.length);
  jpeg.set(EOI, head.length + data.length);
  return jpeg;
}

/** The 136-byte file of the issue: a JPEG header (APP0, frame, scan header) whose "image data" is an HTML page. */
export function jpegHeaderWithHtml(): Uint8Array<ArrayBuffer> {
  const app0 = segment(0xe0, [...Array.from('JFIF\0', (char) => char.charCodeAt(0)), 1, 1, 0, 0, 1, 0, 1, 0, 0]);
  const head = [...SOI, ...app0, ...sof0(16, 16), ...SOS_GREY];
  const html = '<!doctype html><html><body>Session expired</body></html>'.padEnd(136 - head.length - 2, ' ');
  return Uint8Array.from([...head, ...Array.from(html, (char) => char.charCodeAt(0)), ...EOI]);
}

export const concatBytes = (...parts: Uint8Array[]): Uint8Array<ArrayBuffer> => {
  const joined = new Uint8Array(parts.reduce((sum, part) => sum + part.length, 0));
  let offset = 0;
  for (const part of parts) {
    joined.set(part, offset);
    offset += part.length;
  }
  return joined;
};

/** About `size` bytes that look like an MP4 (an ftyp box, then media data), the way motion photos append their video. */
export function mp4LikeTail(size: number): Uint8Array<ArrayBuffer> {
  const tail = new Uint8Array(size);
  tail.set([0x00, 0x00, 0x00, 0x18, ...Array.from('ftypmp42', (char) => char.charCodeAt(0)), 0, 0, 0, 0, ...Array.from('isommp42', (char) => char.charCodeAt(0))]);
  // Media data holds every byte value, end-of-image markers included.
  for (let at = 24; at < size; at += 1) tail[at] = (at * 131 + (at >> 7)) & 0xff;
  tail.set(EOI, size >> 1);
  return tail;
}
