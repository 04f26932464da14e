import { readFileSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readImageDimensions, sniffImageType } from '../utils/image-type';
import type { ImageMime } from '../utils/receipt';
import { scanErrors } from '../utils/scan-error';

const IMAGES = '../shared/receipts-dev/images';
const readReceipt = (name: string) => new Uint8Array(readFileSync(`${IMAGES}/${name}`));
const realReceipts = readdirSync(IMAGES).filter((name) => name.endsWith('.jpg')).sort();

const bytesOf = (...parts: (string | number[])[]): Uint8Array =>
  Uint8Array.from(parts.flatMap((part) => (typeof part === 'string' ? Array.from(part, (char) => char.charCodeAt(0)) : part)));
const le16 = (value: number) => [value & 0xff, (value >> 8) & 0xff];
const le32 = (value: number) => [...le16(value & 0xffff), ...le16(Math.floor(value / 0x10000))];
const be32 = (value: number) => le32(value).reverse();
const text = (value: string) => new TextEncoder().encode(value);

/** Chunks with zero CRCs: the sniffer reads structure, not checksums. */
const pngChunk = (type: string, data: number[]) => [...be32(data.length), ...bytesOf(type), ...data, 0, 0, 0, 0];
const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
const png = (width: number, height: number, withEnd = true) =>
  bytesOf(
    PNG_SIGNATURE,
    pngChunk('IHDR', [...be32(width), ...be32(height), 8, 2, 0, 0, 0]),
    pngChunk('IDAT', [0x78, 0x9c, 0x63, 0x00, 0x00]),
    withEnd ? pngChunk('IEND', []) : [],
  );
const gif = (width: number, height: number, trailer = [0x3b]) =>
  bytesOf('GIF89a', le16(width), le16(height), [0x00, 0x00, 0x00], [0x2c, 0, 0, 0, 0, 1, 0, 1, 0, 0, 0x02, 0x02, 0x44, 0x01, 0x00], trailer);
const riff = (chunk: number[], declaredExtra = 0) => bytesOf('RIFF', le32(4 + chunk.length + declaredExtra), 'WEBP', chunk);
const webpLossy = (width: number, height: number) =>
  riff([...bytesOf('VP8 '), ...le32(10), 0x50, 0x01, 0x00, 0x9d, 0x01, 0x2a, ...le16(width), ...le16(height)]);
const webpLossless = (width: number, height: number) => {
  const bits = (width - 1) + (height - 1) * 0x4000;
  return riff([...bytesOf('VP8L'), ...le32(6), 0x2f, ...le32(bits), 0x00]);
};
const webpExtended = (width: number, height: number) =>
  riff([...bytesOf('VP8X'), ...le32(10), 0x10, 0, 0, 0, ...le32(width - 1).slice(0, 3), ...le32(height - 1).slice(0, 3)]);
const bmp = (width: number, height: number, declaredSize?: number) => {
  const pixels = new Array<number>(16).fill(0xff);
  const size = 14 + 40 + pixels.length;
  return bytesOf('BM', le32(declaredSize ?? size), le32(0), le32(54), le32(40), le32(width), le32(height), le16(1), le16(24), new Array<number>(24).fill(0), pixels);
};
const tiffLittle = bytesOf('II', [0x2a, 0x00], le32(8), le16(0), le32(0));
const tiffBig = bytesOf('MM', [0x00, 0x2a], be32(8), [0, 0], be32(0));
const pdf = (ending: string) => text(`%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n${ending}`);

describe('sniffImageType on the real receipts', () => {
  it.each(realReceipts)('recognises %s as a whole JPEG', (name) => {
    expect(sniffImageType(readReceipt(name))).toEqual({ ok: true, mime: 'image/jpeg', extension: 'jpg' });
  });

  it.each([
    ['half', 0.5],
    ['all but the last byte', -1],
    ['the first 1000 bytes', 1000],
  ])('says a JPEG cut to %s is truncated', (_, cut) => {
    const whole = readReceipt('sroie-000.jpg');
    const end = cut === -1 ? whole.length - 1 : cut < 1 ? Math.floor(whole.length * cut) : cut;
    expect(sniffImageType(whole.subarray(0, end))).toEqual({ ok: false, error: scanErrors.truncated('JPEG') });
  });

  it('accepts a JPEG followed by zero padding', () => {
    const whole = readReceipt('sroie-002.jpg');
    expect(sniffImageType(bytesOf(Array.from(whole), new Array<number>(512).fill(0)))).toMatchObject({ ok: true, mime: 'image/jpeg' });
  });
});

describe('sniffImageType on hand-built images', () => {
  it.each<[string, Uint8Array, ImageMime, string]>([
    ['PNG', png(3, 2), 'image/png', 'png'],
    ['PNG with bytes after IEND', bytesOf(Array.from(png(3, 2)), [0, 0, 0]), 'image/png', 'png'],
    ['GIF89a', gif(4, 5), 'image/gif', 'gif'],
    ['GIF87a', bytesOf('GIF87a', Array.from(gif(4, 5).subarray(6))), 'image/gif', 'gif'],
    ['GIF with zero padding', gif(4, 5, [0x3b, 0, 0]), 'image/gif', 'gif'],
    ['lossy WebP', webpLossy(37, 23), 'image/webp', 'webp'],
    ['lossless WebP', webpLossless(37, 23), 'image/webp', 'webp'],
    ['extended WebP', webpExtended(37, 23), 'image/webp', 'webp'],
    ['BMP', bmp(2, 2), 'image/bmp', 'bmp'],
    ['little-endian TIFF', tiffLittle, 'image/tiff', 'tiff'],
    ['big-endian TIFF', tiffBig, 'image/tiff', 'tiff'],
    ['PDF', pdf('%%EOF\n'), 'application/pdf', 'pdf'],
  ])('recognises a %s', (_, bytes, mime, extension) => {
    expect(sniffImageType(bytes)).toEqual({ ok: true, mime, extension });
  });

  it.each<[string, Uint8Array, string]>([
    ['PNG without IEND', png(3, 2, false), 'PNG'],
    ['PNG cut inside IEND', png(3, 2).subarray(0, png(3, 2).length - 2), 'PNG'],
    ['PNG cut inside IHDR', png(3, 2).subarray(0, 20), 'PNG'],
    ['PNG signature only', bytesOf(PNG_SIGNATURE), 'PNG'],
    ['GIF without trailer', gif(4, 5, []), 'GIF'],
    ['GIF header only', bytesOf('GIF89a'), 'GIF'],
    ['WebP shorter than its RIFF size', riff(Array.from(webpLossy(37, 23).subarray(12)), 100), 'WebP'],
    ['WebP cut in half', webpLossless(37, 23).subarray(0, 16), 'WebP'],
    ['BMP shorter than its size field', bmp(2, 2, 500), 'BMP'],
    ['TIFF whose directory is past the end', tiffLittle.subarray(0, 9), 'TIFF'],
    ['PDF without %%EOF', pdf('stream\n'), 'PDF'],
  ])('says a %s is truncated', (_, bytes, type) => {
    expect(sniffImageType(bytes)).toEqual({ ok: false, error: scanErrors.truncated(type) });
  });

  it('says an empty download is empty', () => {
    expect(sniffImageType(new Uint8Array(0))).toEqual({ ok: false, error: scanErrors.empty() });
  });
});

describe('sniffImageType on things that are not images', () => {
  it.each<[string, Uint8Array, string]>([
    ['an HTML page', text('<!DOCTYPE html>\n<html><body>Login</body></html>'), 'an HTML page'],
    ['HTML with a BOM and blank lines', text('\uFEFF\n\n  <html lang="en"><head>'), 'an HTML page'],
    ['an HTML fragment after a comment', text('<!-- cached --><html><body></body></html>'), 'an HTML page'],
    ['an SVG', text('<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10"/>'), 'an SVG image (vector images are not supported)'],
    ['an SVG with an XML prolog', text('<?xml version="1.0"?>\n<svg xmlns="http://www.w3.org/2000/svg"></svg>'), 'an SVG image (vector images are not supported)'],
    ['a JSON error', text('{"error":"Forbidden"}'), 'JSON'],
    ['a JSON array', text('  [1, 2, 3]'), 'JSON'],
    ['a JavaScript file', text('(function () { window.x = 1; })();'), 'a script'],
    ['a module', text('import { a } from "./a.js";\nexport default a;'), 'a script'],
    ['a shell script', text('#!/bin/sh\necho hi\n'), 'a script'],
    ['plain text starting with BM', text('BMW service receipt, total 120.00'), 'text'],
    ['plain text', text('Access denied.\r\n'), 'text'],
    ['a ZIP archive', bytesOf('PK', [0x03, 0x04, 0x14, 0x00, 0x00, 0x00]), 'a ZIP archive'],
    ['an HEIC photo', bytesOf([0, 0, 0, 0x18], 'ftypheic', [0, 0, 0, 0]), 'an HEIC or AVIF photo (save it as JPEG first)'],
    ['random binary', Uint8Array.from([0x00, 0x01, 0x02, 0xfe, 0x80, 0x7f]), 'unknown binary data'],
    ['invalid UTF-8', Uint8Array.from([0x41, 0xc3, 0x28, 0x41]), 'unknown binary data'],
    ['a RIFF WAVE file', bytesOf('RIFF', le32(4), 'WAVE'), 'unknown binary data'],
  ])('rejects %s', (_, bytes, what) => {
    expect(sniffImageType(bytes)).toEqual({ ok: false, error: scanErrors.notAnImage(what) });
  });

  it('puts the description into the user-facing sentence', () => {
    const result = sniffImageType(text('<html></html>'));
    expect(result.ok ? '' : result.error.message).toBe(
      'This is not an image: it looks like an HTML page. Only JPEG, PNG, GIF, WebP, BMP, TIFF and PDF can be scanned.',
    );
  });
});

describe('readImageDimensions', () => {
  it.each([
    ['sroie-000.jpg', 463, 1013],
    ['sroie-008.jpg', 992, 1403],
    ['sroie-014.jpg', 780, 2044],
    ['sroie-290.jpg', 4961, 7016],
  ])('reads the SOF size of %s', (name, width, height) => {
    expect(readImageDimensions(readReceipt(name), 'image/jpeg')).toEqual({ width, height });
  });

  it('reads a JPEG size from the first 64 KB alone', () => {
    expect(readImageDimensions(readReceipt('sroie-304.jpg').subarray(0, 65536), 'image/jpeg')).toEqual({ width: 4961, height: 7016 });
  });

  it.each<[string, Uint8Array, ImageMime, { width: number; height: number } | null]>([
    ['PNG', png(3000, 40000), 'image/png', { width: 3000, height: 40000 }],
    ['GIF', gif(640, 480), 'image/gif', { width: 640, height: 480 }],
    ['lossy WebP', webpLossy(1037, 9023), 'image/webp', { width: 1037, height: 9023 }],
    ['lossless WebP', webpLossless(16384, 3), 'image/webp', { width: 16384, height: 3 }],
    ['extended WebP', webpExtended(30000, 20001), 'image/webp', { width: 30000, height: 20001 }],
    ['bottom-up BMP', bmp(123, 456), 'image/bmp', { width: 123, height: 456 }],
    ['top-down BMP', bmp(123, -456), 'image/bmp', { width: 123, height: 456 }],
    ['TIFF', tiffLittle, 'image/tiff', null],
    ['PDF', pdf('%%EOF'), 'application/pdf', null],
    ['PNG cut before its size', png(3, 2).subarray(0, 18), 'image/png', null],
    [
      'progressive JPEG after fill bytes and a restart marker',
      Uint8Array.from([0xff, 0xd8, 0xff, 0xff, 0xe0, 0x00, 0x04, 0x00, 0x00, 0xff, 0xd0, 0xff, 0xc2, 0x00, 0x0b, 0x08, 0x00, 0x64, 0x00, 0xc8, 0x01, 0x01, 0x11, 0x00, 0xff, 0xd9]),
      'image/jpeg',
      { width: 200, height: 100 },
    ],
    ['JPEG whose scan starts before any frame header', Uint8Array.from([0xff, 0xd8, 0xff, 0xda, 0x00, 0x02, 0x00, 0x00, 0xff, 0xd9]), 'image/jpeg', null],
    ['JPEG with garbage between segments', Uint8Array.from([0xff, 0xd8, 0x12, 0x34, 0x56, 0x78, 0xff, 0xd9]), 'image/jpeg', null],
    ['JPEG with no frame header', Uint8Array.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x04, 0x00, 0x00, 0xff, 0xd9]), 'image/jpeg', null],
    ['JPEG cut before its frame header', readReceipt('sroie-000.jpg').subarray(0, 30), 'image/jpeg', null],
    ['PNG of zero width', png(0, 5), 'image/png', null],
  ])('reads a %s', (_, bytes, mime, dimensions) => {
    expect(readImageDimensions(bytes, mime)).toEqual(dimensions);
  });
});
