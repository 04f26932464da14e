import { describe, expect, it } from 'vitest';
import { sha256Hex } from '../../utils/image/sha256';

const encode = (text: string) => new TextEncoder().encode(text);

describe('sha256Hex', () => {
  it.each([
    ['the empty input', encode(''), 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855'],
    ['"abc"', encode('abc'), 'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad'],
    [
      'the two-block NIST vector',
      encode('abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq'),
      '248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1',
    ],
    ['one million "a"', new Uint8Array(1_000_000).fill(0x61), 'cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0'],
  ])('hashes %s', async (_, bytes, hex) => {
    expect(await sha256Hex(bytes)).toBe(hex);
  });

  it('hashes a Blob like its bytes', async () => {
    expect(await sha256Hex(new Blob([encode('ab'), encode('c')]))).toBe(
      'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad',
    );
  });

  it('hashes only the bytes a subarray view covers', async () => {
    const view = encode('xxabcxx').subarray(2, 5);
    expect(await sha256Hex(view)).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
  });
});
