import { describe, expect, it } from 'vitest';
import { addressToStore, isCutAddress, isTooLongToDownload, MAX_IMAGE_ADDRESS } from '../../utils/capture/image-address';

const KB = 1024;
const web = (length: number) => {
  const head = 'https://cdn.example/r.jpg?sig=';
  return `${head}${'s'.repeat(length - head.length)}`;
};
const data = (length: number) => `data:image/png;base64,${'A'.repeat(length - 22)}`;

describe('image addresses', () => {
  it('allows http(s) addresses of 16 KB', () => {
    expect(MAX_IMAGE_ADDRESS).toBe(16 * KB);
  });

  it.each([
    ['a 1,204-character signed address', web(1204), false, web(1204)],
    ['an address of exactly 16 KB', web(16 * KB), false, web(16 * KB)],
    ['an address one character over 16 KB', web(16 * KB + 1), true, `${web(16 * KB + 1).slice(0, 500)}…`],
    ['a data: address of 500 characters', data(500), false, data(500)],
    ['a data: address of 501 characters', data(501), false, `${data(501).slice(0, 500)}…`],
    ['a 20 KB data: address (read at the click)', data(20 * KB), false, `${data(20 * KB).slice(0, 500)}…`],
  ])('%s: refused %s, stored as its start or whole', (_, url, refused, stored) => {
    expect(isTooLongToDownload(url)).toBe(refused);
    expect(addressToStore(url)).toBe(stored);
    expect(isCutAddress(addressToStore(url))).toBe(stored !== url);
  });

  it('never takes a real address for a cut one: browsers percent-encode "…"', () => {
    const url = new URL('https://shop.example/receipt….jpg?note=more…').href;
    expect(isCutAddress(url)).toBe(false);
  });
});
