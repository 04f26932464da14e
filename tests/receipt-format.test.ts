import { describe, expect, it } from 'vitest';
import type { ReceiptRecord, ScanProgress } from '../utils/receipt';
import { capturedSource, describeImageSource, shortenAddress, describeProgress, describeStatus, formatReceiptDate, formatTotal, isInFlight, percentOf } from '../utils/receipt-format';

describe('receipt formatting', () => {
  it.each([
    ['9.00', 'MYR', 'MYR 9.00'],
    ['12.50', null, '12.50'],
    [null, 'EUR', 'No total'],
  ])('formats total %s %s as %s', (total, currency, text) => {
    expect(formatTotal(total, currency)).toBe(text);
  });

  it.each([
    ['2018-12-25', 'en-US', 'Dec 25, 2018'],
    ['2018-12-25', 'en-GB', '25 Dec 2018'],
    [null, 'en-US', 'No date'],
    ['garbage', 'en-US', 'garbage'],
  ])('formats date %s in %s as %s', (date, locale, text) => {
    expect(formatReceiptDate(date, locale)).toBe(text);
  });

  it.each<[ScanProgress, string]>([
    [{ phase: 'downloading', loaded: 50, total: 200 }, 'Downloading 25%'],
    [{ phase: 'downloading', loaded: 50, total: null }, 'Downloading...'],
    [{ phase: 'uploading', loaded: 200, total: 200 }, 'Uploading 100%'],
    [{ phase: 'uploading', loaded: 0, total: null }, 'Uploading...'],
    [{ phase: 'reading' }, 'Reading text...'],
  ])('describes %o as %s', (progress, text) => {
    expect(describeProgress(progress)).toBe(text);
  });

  it('caps percentages at 100 and has none without a total', () => {
    expect(percentOf(300, 200)).toBe(100);
    expect(percentOf(1, 0)).toBeNull();
  });

  it.each<[ReceiptRecord['status'], string, boolean]>([
    ['queued', 'Waiting', true],
    ['downloading', 'Downloading...', true],
    ['uploading', 'Uploading...', true],
    ['reading', 'Reading text...', true],
    ['failed', 'Failed', false],
    ['done', 'Scanned', false],
  ])('status %s reads %s', (status, text, inFlight) => {
    const receipt = { status } as ReceiptRecord;
    expect(describeStatus(receipt)).toBe(text);
    expect(isInFlight(receipt)).toBe(inFlight);
  });
});

describe('describeImageSource', () => {
  it.each([
    ['https://shop.example/receipts/March%20receipt.jpg?size=big', 'March receipt.jpg'],
    ['https://shop.example/', 'Image from shop.example'],
    ['data:image/png;base64,iVBOR', 'Image embedded in the page'],
    ['blob:https://shop.example/1f2e', 'Image made by the page'],
    ['not a url', 'Image'],
    ['area:https://shop.example/orders/7', 'Area of shop.example'],
    ['area:', 'Area of a page'],
    ['disk:Taxi 12 May.jpg', 'Taxi 12 May.jpg'],
  ])('%s → %s', (url, text) => {
    expect(describeImageSource(url)).toBe(text);
  });
});

describe('capturedSource', () => {
  it.each([
    ['area:https://shop.example/order/12', 'area'],
    ['disk:receipt.pdf', 'file'],
    ['https://shop.example/area:1.png', undefined],
    ['data:image/png;base64,AAAA', undefined],
    ['blob:https://shop.example/5d1e', undefined],
  ])('says %s came with its bytes from %s', (address, kind) => {
    expect(capturedSource(address)).toBe(kind);
  });
});

describe('shortenAddress', () => {
  const signed = `https://bucket.storage.example/r.jpg?X-Amz-Signature=${'0123456789abcdef'.repeat(75)}&X-Amz-Expires=300`;

  it.each([
    ['a short address', 'https://shop.example/r.jpg', 80, 'https://shop.example/r.jpg'],
    ['an address of exactly the length', 'x'.repeat(80), 80, 'x'.repeat(80)],
    ['a signed address', signed, 80, 'https://bucket.storage.example/r.jpg?X-Amz-Signature=…89abcdef&X-Amz-Expires=300'],
    ['a signed address, shorter still', signed, 40, 'https://bucket.storage.exa…z-Expires=300'],
  ])('keeps the start and end of %s around one ellipsis', (_, url, max, shown) => {
    expect(shortenAddress(url, max)).toBe(shown);
    expect(shortenAddress(url, max).length).toBeLessThanOrEqual(max);
  });

  it('shortens a long file name in the middle too', () => {
    expect(describeImageSource(`https://shop.example/${'a'.repeat(100)}.jpg`)).toBe(`${'a'.repeat(53)}…${'a'.repeat(22)}.jpg`);
  });
});
