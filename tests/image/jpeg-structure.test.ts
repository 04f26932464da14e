import { describe, expect, it } from 'vitest';
import { jpegImagePart, readJpegLayout, type JpegLayout } from '../../utils/image/jpeg-structure';
import { readImageDimensions } from '../../utils/image/image-dimensions';
import { readReceipt } from './image-fixtures';
import { concatBytes, EOI, EXIF_WITH_THUMBNAIL, flatGreyJpeg, jpegHeaderWithHtml, mp4LikeTail, segment, sof0, SOI, SOS_GREY } from './jpeg-builder';

const receipt = readReceipt('sroie-000.jpg');
const flat = flatGreyJpeg(64, 48);
const bytes = (...parts: number[][]) => Uint8Array.from(parts.flat());
const withExif = flatGreyJpeg(64, 48, { head: EXIF_WITH_THUMBNAIL });

describe('readJpegLayout', () => {
  it.each<[string, Uint8Array, JpegLayout]>([
    ['a real receipt', receipt, { frame: { width: 463, height: 1013 }, hasScan: true, end: receipt.length }],
    ['a hand-built flat JPEG', flat, { frame: { width: 64, height: 48 }, hasScan: true, end: flat.length }],
    ['a receipt with a video appended after its end', concatBytes(receipt, mp4LikeTail(4096)), { frame: { width: 463, height: 1013 }, hasScan: true, end: receipt.length }],
    ['a JPEG whose EXIF thumbnail has its own end marker', withExif, { frame: { width: 64, height: 48 }, hasScan: true, end: withExif.length }],
    ['that JPEG cut after its EXIF segment', withExif.subarray(0, 2 + EXIF_WITH_THUMBNAIL.length + 10), { frame: null, hasScan: false, end: null }],
    ['a junk byte before the frame header', flatGreyJpeg(64, 48, { beforeFrame: [0x00] }), { frame: { width: 64, height: 48 }, hasScan: true, end: flat.length + 1 }],
    ['fill bytes before markers', bytes(SOI, [0xff, 0xff], sof0(8, 8), [0xff], SOS_GREY, [0x00, 0xff, 0xff], EOI), { frame: { width: 8, height: 8 }, hasScan: true, end: 2 + 2 + 13 + 1 + 10 + 1 + 2 + 2 }],
    ['stuffed 0xFF00 and restart markers inside the scan', bytes(SOI, sof0(8, 8), SOS_GREY, [0x12, 0xff, 0x00, 0x34, 0xff, 0xd0, 0x56], EOI), { frame: { width: 8, height: 8 }, hasScan: true, end: 2 + 13 + 10 + 7 + 2 }],
    ['two progressive scans with a table between', bytes(SOI, sof0(8, 8), SOS_GREY, [0x01], segment(0xc4, [0x10, 1, ...new Array<number>(15).fill(0), 0]), SOS_GREY, [0x02], EOI), { frame: { width: 8, height: 8 }, hasScan: true, end: 2 + 13 + 10 + 1 + 22 + 10 + 1 + 2 }],
    ['a height announced later (DNL)', bytes(SOI, sof0(8, 0), SOS_GREY, [0x00], EOI), { frame: { width: 8, height: 0 }, hasScan: true, end: 2 + 13 + 10 + 1 + 2 }],
    ['a JPEG cut inside its scan', receipt.subarray(0, receipt.length >> 1), { frame: { width: 463, height: 1013 }, hasScan: true, end: null }],
    ['a JPEG missing its last byte', receipt.subarray(0, receipt.length - 1), { frame: { width: 463, height: 1013 }, hasScan: true, end: null }],
    ['a JPEG header followed by HTML without a frame', bytes(SOI, segment(0xe0, [0x4a, 0x46]), Array.from('<html></html>', (char) => char.charCodeAt(0)), EOI), { frame: null, hasScan: false, end: 2 + 6 + 13 + 2 }],
    ['the 136-byte JPEG header with HTML as its data', jpegHeaderWithHtml(), { frame: { width: 16, height: 16 }, hasScan: true, end: 136 }],
    ['a scan before any frame', bytes(SOI, SOS_GREY, [0x00], EOI), { frame: null, hasScan: false, end: 2 + 10 + 1 + 2 }],
    ['a segment longer than the file', bytes(SOI, [0xff, 0xe0, 0x40, 0x00, 1, 2, 3]), { frame: null, hasScan: false, end: null }],
    ['a segment length below 2', bytes(SOI, [0xff, 0xe0, 0x00, 0x01], EOI), { frame: null, hasScan: false, end: null }],
  ])('reads %s', (_, jpeg, layout) => {
    expect(readJpegLayout(jpeg)).toEqual(layout);
  });

  it('stops at the frame header when only the size is wanted', () => {
    expect(readJpegLayout(receipt, true)).toEqual({ frame: { width: 463, height: 1013 }, hasScan: false, end: null });
  });
});

describe('jpegImagePart', () => {
  it.each<[string, Uint8Array, number]>([
    ['a receipt with 1 MB of video after its end', concatBytes(receipt, mp4LikeTail(1024 * 1024)), receipt.length],
    ['a receipt with nothing after its end', receipt, receipt.length],
    ['a JPEG whose EXIF thumbnail ends before the image does', concatBytes(withExif, mp4LikeTail(100)), withExif.length],
    ['a cut JPEG (kept whole: there is no end to cut at)', receipt.subarray(0, 5000), 5000],
  ])('is %s up to its own end', (_, jpeg, length) => {
    const part = jpegImagePart(jpeg);
    expect(part.length).toBe(length);
    expect(part).toEqual(jpeg.subarray(0, length));
  });
});

describe('the size header of a 20000 × 20000 JPEG bomb', () => {
  it.each<[string, number[]]>([
    ['no junk', []],
    ['one junk byte before the frame header', [0x00]],
    ['junk and fill bytes before the frame header', [0x12, 0x34, 0xff, 0xff]],
  ])('is read with %s, from the headers alone', (_, beforeFrame) => {
    const bomb = flatGreyJpeg(20_000, 20_000, { beforeFrame });
    expect(bomb.length).toBeLessThan(2 * 1024 * 1024);
    const heapBefore = process.memoryUsage().heapUsed;
    expect(readImageDimensions(bomb, 'image/jpeg')).toEqual({ width: 20_000, height: 20_000 });
    // Reading the header allocates nothing like the 1.6 GB of RGBA the pixels would take.
    expect(process.memoryUsage().heapUsed - heapBefore).toBeLessThan(16 * 1024 * 1024);
  });
});
