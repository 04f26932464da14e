import { describe, expect, it } from 'vitest';
import { ascii, int32LE, startsWith, uint16BE, uint16LE, uint32BE, uint32LE } from '../../utils/image/byte-reading';

const bytes = new Uint8Array([0x47, 0x49, 0x46, 0x38, 0xff, 0xfe, 0x01, 0x02]);

describe('byte reading', () => {
  it.each([
    ['uint16BE', uint16BE(bytes, 4), 0xfffe],
    ['uint16LE', uint16LE(bytes, 4), 0xfeff],
    ['uint32BE', uint32BE(bytes, 4), 0xfffe0102],
    ['uint32LE', uint32LE(bytes, 4), 0x0201feff],
    ['int32LE of a negative number', int32LE(new Uint8Array([0xfe, 0xff, 0xff, 0xff]), 0), -2],
    ['past the end, as zeros', uint32BE(bytes, 6), 0x01020000],
  ])('%s', (_, value, expected) => {
    expect(value).toBe(expected);
  });

  it('reads text and signatures, never past the end', () => {
    expect(ascii(bytes, 0, 4)).toBe('GIF8');
    expect(startsWith(bytes, [0x47, 0x49, 0x46])).toBe(true);
    expect(startsWith(bytes, [0x01, 0x02, 0x03], 6)).toBe(false);
  });
});
