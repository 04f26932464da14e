import { describe, expect, it } from 'vitest';
import { diskTarget, MAX_DISK_FILE_BYTES, sendFilesToScan, type DiskFile } from '../../utils/capture/disk-files';
import { decodeBase64, encodeBase64 } from '../../utils/image/byte-reading';
import { isExtensionMessage, type ScanRequest } from '../../utils/protocol';

const file = (name: string, bytes: Uint8Array, size = bytes.length): DiskFile => ({ name, size, arrayBuffer: async () => bytes.slice().buffer });

describe('files from disk', () => {
  it('round-trips every byte value through base64, in chunks larger than one call can spread', () => {
    const bytes = new Uint8Array(0x8000 * 2 + 7).map((_, i) => (i * 31) % 256);
    expect(decodeBase64(encodeBase64(bytes))).toEqual(bytes);
  });

  it('hands each file to the worker in order, as a message it accepts', async () => {
    const sent: ScanRequest[] = [];
    const jpeg = new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 1, 2]);
    const text = new TextEncoder().encode('not an image');
    const sentence = await sendFilesToScan([file('March.jpg', jpeg), file('notes.txt', text)], async (request) => void sent.push(request));
    expect(sent).toEqual([
      { type: 'scan-file', name: 'March.jpg', base64: encodeBase64(jpeg) },
      { type: 'scan-file', name: 'notes.txt', base64: encodeBase64(text) },
    ]);
    expect(sent.every(isExtensionMessage)).toBe(true);
    expect(sentence).toBe('Added 2 files; they are being scanned.');
  });

  it('refuses a file too large for one message with a sentence, and still adds the others', async () => {
    const sent: ScanRequest[] = [];
    const sentence = await sendFilesToScan([file('huge.pdf', new Uint8Array(1), 60 * 1024 * 1024), file('just-over.pdf', new Uint8Array(1), MAX_DISK_FILE_BYTES + 1), file('a.png', new Uint8Array([1]))], async (request) => void sent.push(request));
    expect(sent.map((request) => request.type === 'scan-file' && request.name)).toEqual(['a.png']);
    expect(sentence).toBe('Added 1 file; it is being scanned. huge.pdf is 60 MB; files up to 48 MB can be added. just-over.pdf is 48 MB; files up to 48 MB can be added.');
  });

  it('names pasted images, which come without a useful name', async () => {
    const sent: ScanRequest[] = [];
    await sendFilesToScan([file('image.png', new Uint8Array([1]))], async (request) => void sent.push(request), true);
    expect(sent[0]).toMatchObject({ name: 'Pasted image' });
  });

  it('gives a file its name as its source, read at the click', () => {
    expect(diskTarget('Taxi 12 May.jpg')).toEqual({ srcUrl: 'disk:Taxi 12 May.jpg', pageUrl: null, pageTitle: null, tabId: null, frameId: 0 });
  });

  it.each([
    ['a name too long', { type: 'scan-file', name: 'x'.repeat(1001), base64: '' }],
    ['no name', { type: 'scan-file', name: '', base64: 'AA==' }],
    ['bytes that are not a string', { type: 'scan-file', name: 'a.jpg', base64: [1, 2] }],
    ['more than 48 MB of bytes', { type: 'scan-file', name: 'a.jpg', base64: 'A'.repeat(Math.ceil((48 * 1024 * 1024) / 3) * 4 + 4) }],
  ])('the worker refuses a file message with %s', (_case, message) => {
    expect(isExtensionMessage(message)).toBe(false);
  });
});
