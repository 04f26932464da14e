/** Receipt images from the shared dev set, and hand-built headers of every image type the extension reads. */
import { readFileSync, readdirSync } from 'node:fs';

export const IMAGES = '../shared/receipts-dev/images';
export const readReceipt = (name: string) => new Uint8Array(readFileSync(`${IMAGES}/${name}`));
export const realReceipts = readdirSync(IMAGES).filter((name) => name.endsWith('.jpg')).sort();

export const bytesOf = (...parts: (string | number[])[]): Uint8Array =>
  Uint8Array.from(parts.flatMap((part) => (typeof part === 'string' ? Array.from(part, (char) => char.charCodeAt(0)) : part)));
export const le16 = (value: number) => [value & 0xff, (value >> 8) & 0xff];
export const le32 = (value: number) => [...le16(value & 0xffff), ...le16(Math.floor(value / 0x10000))];
export const be32 = (value: number) => le32(value).reverse();
export const text = (value: string) => new TextEncoder().encode(value);

/** Chunks with zero CRCs: the sniffer reads structure, not checksums. */
export const pngChunk = (type: string, data: number[]) => [...be32(data.length), ...bytesOf(type), ...data, 0, 0, 0, 0];
export const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
export const png = (width: number, height: number, withEnd = true) =>
  bytesOf(
    PNG_SIGNATURE,
    pngChunk('IHDR', [...be32(width), ...be32(height), 8, 2, 0, 0, 0]),
    pngChunk('IDAT', [0x78, 0x9c, 0x63, 0x00, 0x00]),
    withEnd ? pngChunk('IEND', []) : [],
  );
export const gif = (width: number, height: number, trailer = [0x3b]) =>
  bytesOf('GIF89a', le16(width), le16(height), [0x00, 0x00, 0x00], [0x2c, 0, 0, 0, 0, 1, 0, 1, 0, 0, 0x02, 0x02, 0x44, 0x01, 0x00], trailer);
export const riff = (chunk: number[], declaredExtra = 0) => bytesOf('RIFF', le32(4 + chunk.length + declaredExtra), 'WEBP', chunk);
export const webpLossy = (width: number, height: number) =>
  riff([...bytesOf('VP8 '), ...le32(10), 0x50, 0x01, 0x00, 0x9d, 0x01, 0x2a, ...le16(width), ...le16(height)]);
export const webpLossless = (width: number, height: number) => {
  const bits = (width - 1) + (height - 1) * 0x4000;
  return riff([...bytesOf('VP8L'), ...le32(6), 0x2f, ...le32(bits), 0x00]);
};
export const webpExtended = (width: number, height: number) =>
  riff([...bytesOf('VP8X'), ...le32(10), 0x10, 0, 0, 0, ...le32(width - 1).slice(0, 3), ...le32(height - 1).slice(0, 3)]);
export const bmp = (width: number, height: number, declaredSize?: number) => {
  const pixels = new Array<number>(16).fill(0xff);
  const size = 14 + 40 + pixels.length;
  return bytesOf('BM', le32(declaredSize ?? size), le32(0), le32(54), le32(40), le32(width), le32(height), le16(1), le16(24), new Array<number>(24).fill(0), pixels);
};
export const tiffLittle = bytesOf('II', [0x2a, 0x00], le32(8), le16(0), le32(0));
export const tiffBig = bytesOf('MM', [0x00, 0x2a], be32(8), [0, 0], be32(0));
export const pdf = (ending: string) => text(`%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n${ending}`);
