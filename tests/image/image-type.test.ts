import { describe, expect, it } from 'vitest';
import { sniffImageType } from '../../utils/image/image-type';
import type { ImageMime } from '../../utils/receipt';
import { scanErrors } from '../../utils/scan-error';
import { concatBytes, EXIF_WITH_THUMBNAIL, flatGreyJpeg, mp4LikeTail } from './jpeg-builder';
import { PNG_SIGNATURE, bmp, bytesOf, gif, le32, pdf, png, readReceipt, realReceipts, riff, text, tiffBig, tiffLittle, webpExtended, webpLossless, webpLossy } from './image-fixtures';

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

describe('sniffImageType on JPEGs with data after their end', () => {
  const receipt = readReceipt('sroie-000.jpg');
  it.each<[string, Uint8Array]>([
    ['a motion photo (an MP4 after the end marker)', concatBytes(receipt, mp4LikeTail(300_000))],
    ['a JPEG followed by text a phone appended', concatBytes(receipt, text('SEFT\0\0 samsung camera data'))],
    ['a JPEG followed by a second JPEG (multi-picture)', concatBytes(receipt, flatGreyJpeg(16, 16))],
  ])('accepts %s', (_, bytes) => {
    expect(sniffImageType(bytes)).toEqual({ ok: true, mime: 'image/jpeg', extension: 'jpg' });
  });

  it.each<[string, Uint8Array]>([
    ['a JPEG cut inside its scan, though an EXIF thumbnail inside it ends', flatGreyJpeg(640, 480, { head: EXIF_WITH_THUMBNAIL }).subarray(0, 200)],
    ['a JPEG cut in half', receipt.subarray(0, receipt.length >> 1)],
  ])('still refuses %s as cut short', (_, bytes) => {
    expect(sniffImageType(bytes)).toEqual({ ok: false, error: scanErrors.truncated('JPEG') });
  });

  it.each<[string, boolean, ReturnType<typeof scanErrors.truncated>]>([
    ['may have been interrupted (retried)', false, scanErrors.truncated('JPEG')],
    ['came whole from its source (not retried)', true, scanErrors.truncatedAtSource('JPEG')],
  ])('says a cut JPEG whose download %s', (_, whole, error) => {
    expect(sniffImageType(receipt.subarray(0, 5000), { whole })).toEqual({ ok: false, error });
    expect(error.retryable).toBe(!whole);
  });
});
