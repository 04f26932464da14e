import { describe, expect, it } from 'vitest';
import { buildMultipartBody, createBoundary, multipartContentType, type MultipartPart } from '../../utils/ocr/multipart';

const encode = (text: string) => new TextEncoder().encode(text);

const concat = (...chunks: Uint8Array[]): Uint8Array => {
  const out = new Uint8Array(chunks.reduce((sum, chunk) => sum + chunk.length, 0));
  let offset = 0;
  for (const chunk of chunks) {
    out.set(chunk, offset);
    offset += chunk.length;
  }
  return out;
};

const allBytes = Uint8Array.from({ length: 256 }, (_, index) => index);

describe('buildMultipartBody', () => {
  it('writes text fields exactly as RFC 7578 describes', () => {
    const body = buildMultipartBody(
      [
        { name: 'language', value: 'eng' },
        { name: 'isOverlayRequired', value: 'true' },
      ],
      'XyZ',
    );
    expect(new TextDecoder().decode(body)).toBe(
      '--XyZ\r\nContent-Disposition: form-data; name="language"\r\n\r\neng\r\n' +
        '--XyZ\r\nContent-Disposition: form-data; name="isOverlayRequired"\r\n\r\ntrue\r\n' +
        '--XyZ--\r\n',
    );
  });

  it('copies a binary file part byte for byte, 0x00 to 0xFF', () => {
    const body = buildMultipartBody(
      [
        { name: 'apikey', value: 'K1234' },
        { name: 'file', filename: 'receipt.jpg', contentType: 'image/jpeg', bytes: allBytes },
      ],
      '----ReceiptScanner000102030405060708090a0b',
    );
    const expected = concat(
      encode(
        '------ReceiptScanner000102030405060708090a0b\r\n' +
          'Content-Disposition: form-data; name="apikey"\r\n\r\n' +
          'K1234\r\n' +
          '------ReceiptScanner000102030405060708090a0b\r\n' +
          'Content-Disposition: form-data; name="file"; filename="receipt.jpg"\r\n' +
          'Content-Type: image/jpeg\r\n\r\n',
      ),
      allBytes,
      encode('\r\n------ReceiptScanner000102030405060708090a0b--\r\n'),
    );
    expect(body).toEqual(expected);
    expect(body.length).toBe(expected.length);
  });

  it('encodes text as UTF-8', () => {
    const body = buildMultipartBody([{ name: 'note', value: 'Café €5' }], 'b');
    expect(Array.from(body)).toEqual(
      Array.from(encode('--b\r\nContent-Disposition: form-data; name="note"\r\n\r\n')).concat(
        [0x43, 0x61, 0x66, 0xc3, 0xa9, 0x20, 0xe2, 0x82, 0xac, 0x35],
        Array.from(encode('\r\n--b--\r\n')),
      ),
    );
  });

  it('writes only the closing delimiter when there are no parts', () => {
    expect(new TextDecoder().decode(buildMultipartBody([], 'b'))).toBe('--b--\r\n');
  });

  it.each<[string, MultipartPart]>([
    ['a quote in a name', { name: 'a"b', value: 'x' }],
    ['a CR in a name', { name: 'a\rb', value: 'x' }],
    ['a LF in a name', { name: 'a\nb', value: 'x' }],
    ['a quote in a filename', { name: 'file', filename: 'a".jpg', contentType: 'image/jpeg', bytes: allBytes }],
    ['a CRLF in a filename', { name: 'file', filename: 'a\r\nX: y.jpg', contentType: 'image/jpeg', bytes: allBytes }],
    ['a LF in a content type', { name: 'file', filename: 'a.jpg', contentType: 'image/jpeg\nX: y', bytes: allBytes }],
  ])('refuses %s', (_, part) => {
    expect(() => buildMultipartBody([part], 'b')).toThrow(/must not contain quotes or line breaks/);
  });

  it.each(['', 'has space', 'a'.repeat(71), 'semi;colon'])('refuses the boundary %j', (boundary) => {
    expect(() => buildMultipartBody([], boundary)).toThrow('Invalid multipart boundary');
  });
});

describe('createBoundary', () => {
  it('prefixes 24 hex digits from the random source', () => {
    const boundary = createBoundary(() => Uint8Array.from([0x00, 0x01, 0x0a, 0xff, 0x10, 0x20, 0x30, 0x40, 0x50, 0x60, 0x70, 0x80]));
    expect(boundary).toBe('----ReceiptScanner00010aff1020304050607080');
  });

  it('uses crypto.getRandomValues by default, a new value each time', () => {
    const first = createBoundary();
    expect(first).toMatch(/^----ReceiptScanner[0-9a-f]{24}$/);
    expect(createBoundary()).not.toBe(first);
  });

  it('refuses a random source that gives too few bytes', () => {
    expect(() => createBoundary(() => new Uint8Array(4))).toThrow('12 random bytes');
  });

  it('makes a boundary the body builder accepts', () => {
    const boundary = createBoundary();
    expect(new TextDecoder().decode(buildMultipartBody([], boundary))).toBe(`--${boundary}--\r\n`);
  });
});

describe('multipartContentType', () => {
  it('names the boundary', () => {
    expect(multipartContentType('----ReceiptScannerabc')).toBe('multipart/form-data; boundary=----ReceiptScannerabc');
  });
});
