import { describe, expect, it } from 'vitest';
import { computeCrc32, updateCrc32 } from '../../../utils/export/zip/crc32';

const encode = (text: string) => new TextEncoder().encode(text);

describe('computeCrc32', () => {
  it.each([
    ['the empty input', new Uint8Array(0), 0x00000000],
    ['the check value "123456789"', encode('123456789'), 0xcbf43926],
    ['"hi"', encode('hi'), 0xd8932aac],
    ['every byte value once', Uint8Array.from({ length: 256 }, (_, byte) => byte), 0x29058c73],
  ])('matches zlib for %s', (_, bytes, crc) => {
    expect(computeCrc32(bytes)).toBe(crc);
  });

  it('continues across chunks as if the bytes were one', () => {
    expect(updateCrc32(updateCrc32(0, encode('1234')), encode('56789'))).toBe(0xcbf43926);
  });
});
