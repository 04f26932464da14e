import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ZipError } from '../../../utils/export/zip/zip-error';
import { encodeDosDateTime } from '../../../utils/export/zip/zip-format';
import { openZip, readZip } from '../../../utils/export/zip/zip-reader';
import { createZipStream, sanitizeEntryName, type ZipEntry } from '../../../utils/export/zip/zip-writer';
import { collectStream, decode, encode, hasUnzip, iterateEntries, noiseBytes } from './zip-test-helpers';

const modified = new Date(2024, 2, 5, 14, 7, 9);
const hex = (bytes: Uint8Array) => Array.from(bytes, (byte) => byte.toString(16).padStart(2, '0')).join('');
const zipOf = (entries: ZipEntry[]) => collectStream(createZipStream(iterateEntries(entries), { now: () => modified }));

describe('createZipStream', () => {
  it('writes the exact bytes of a one-file archive: local header, data, central directory, end record', async () => {
    const archive = await zipOf([{ name: 'a.txt', data: encode('hi'), modified }]);
    expect(hex(archive)).toBe(
      '504b0304' + '1400' + '0008' + '0000' + 'e470' + '6558' + 'ac2a93d8' + '02000000' + '02000000' + '0500' + '0000' + '612e747874' + '6869' +
        '504b0102' + '1403' + '1400' + '0008' + '0000' + 'e470' + '6558' + 'ac2a93d8' + '02000000' + '02000000' + '0500' + '0000' + '0000' + '0000' + '0000' + '0000a481' + '00000000' + '612e747874' +
        '504b0506' + '0000' + '0000' + '0100' + '0100' + '33000000' + '25000000' + '0000',
    );
  });

  it('reads back every entry byte for byte, UTF-8 names, empty files and Blobs included', async () => {
    const photo = noiseBytes(50_000);
    const archive = await zipOf([
      { name: 'originals/2024-03-05 Café Müller.jpg', data: new Blob([photo], { type: 'image/jpeg' }) },
      { name: 'empty.txt', data: new Uint8Array(0) },
      { name: '領収書/€ 12.png', data: encode('png?') },
    ]);
    const files = await readZip(new Blob([archive]));
    expect([...files.keys()]).toEqual(['originals/2024-03-05 Café Müller.jpg', 'empty.txt', '領収書/€ 12.png']);
    expect(files.get('originals/2024-03-05 Café Müller.jpg')).toEqual(photo);
    expect(files.get('empty.txt')).toEqual(new Uint8Array(0));
    expect(decode(files.get('領収書/€ 12.png') ?? new Uint8Array())).toBe('png?');
  });

  it('deflates text asked to be compressed, and stores what would not shrink', async () => {
    const manifest = encode(JSON.stringify(Array.from({ length: 200 }, (_, index) => ({ id: `r${index}`, merchant: 'Corner Shop' }))));
    const noise = noiseBytes(4_000);
    const archive = await zipOf([
      { name: 'manifest.json', data: manifest, compress: true },
      { name: 'noise.bin', data: noise, compress: true },
    ]);
    const view = new DataView(archive.buffer);
    expect(view.getUint16(8, true)).toBe(8);
    const compressedSize = view.getUint32(18, true);
    expect(compressedSize).toBeLessThan(manifest.length / 5);
    expect(view.getUint16(30 + 13 + compressedSize + 8, true)).toBe(0);
    const files = await readZip(new Blob([archive]));
    expect(files.get('manifest.json')).toEqual(manifest);
    expect(files.get('noise.bin')).toEqual(noise);
  });

  it.each([
    ['/etc/passwd', 'etc/passwd'],
    ['../../.ssh/id_rsa', '.ssh/id_rsa'],
    ['originals/../../x.jpg', 'originals/x.jpg'],
    ['a\\b\\c.jpg', 'a/b/c.jpg'],
    ['C:\\Windows\\x.jpg', 'C:/Windows/x.jpg'],
    ['./a//./b.txt', 'a/b.txt'],
    ['bell\u0007 and\nnewline\u009b.txt', 'bell andnewline.txt'],
    ['', 'unnamed'],
    ['/../', 'unnamed'],
    ['Cafe\u0301.txt', 'Café.txt'],
  ])('sanitises the entry name %j to %j', (name, expected) => {
    expect(sanitizeEntryName(name)).toBe(expected);
  });

  it('writes sanitised names into the archive', async () => {
    const files = await readZip(new Blob([await zipOf([{ name: '../../evil\\x.txt', data: encode('x') }])]));
    expect([...files.keys()]).toEqual(['evil/x.txt']);
  });

  it('refuses two entries with the same name rather than writing an ambiguous archive', async () => {
    const stream = createZipStream(iterateEntries([{ name: 'a.txt', data: encode('1') }, { name: '/a.txt', data: encode('2') }]));
    await expect(collectStream(stream)).rejects.toThrow('Two ZIP entries are both named "a.txt".');
  });

  it('asks for the next entry only after the previous entry\'s bytes were read', async () => {
    const log: string[] = [];
    async function* entries(): AsyncGenerator<ZipEntry> {
      for (const name of ['one.bin', 'two.bin', 'three.bin']) {
        log.push(`asked ${name}`);
        yield { name, data: noiseBytes(1_000) };
      }
      log.push('asked for more');
    }
    const reader = createZipStream(entries()).getReader();
    await Promise.resolve();
    expect(log).toEqual([]);
    for (let chunk = await reader.read(); !chunk.done; chunk = await reader.read()) log.push(`read ${chunk.value.length}`);
    expect(log).toEqual([
      'asked one.bin', 'read 37', 'read 1000',
      'asked two.bin', 'read 37', 'read 1000',
      'asked three.bin', 'read 39', 'read 1000',
      'asked for more', `read ${3 * 46 + 7 + 7 + 9 + 22}`,
    ]);
  });

  it('stops asking for entries when the download is cancelled, and lets the source clean up', async () => {
    const log: string[] = [];
    async function* entries(): AsyncGenerator<ZipEntry> {
      try {
        for (let index = 0; ; index++) {
          log.push(`asked ${index}`);
          yield { name: `${index}.bin`, data: noiseBytes(10) };
        }
      } finally {
        log.push('closed');
      }
    }
    const reader = createZipStream(entries()).getReader();
    await reader.read();
    await reader.read();
    await reader.cancel();
    expect(log).toEqual(['asked 0', 'closed']);
  });

  it.each([
    [new Date(2024, 2, 5, 14, 7, 9), (44 << 9) | (3 << 5) | 5, (14 << 11) | (7 << 5) | 4],
    [new Date(1970, 0, 1), (0 << 9) | (1 << 5) | 1, 0],
    [new Date(2200, 5, 1), (127 << 9) | (12 << 5) | 31, (23 << 11) | (59 << 5) | 29],
    [new Date(Number.NaN), (0 << 9) | (1 << 5) | 1, 0],
  ])('encodes %s as the DOS date %i and time %i', (moment, date, time) => {
    expect(encodeDosDateTime(moment)).toEqual({ date, time });
  });

  it.skipIf(!hasUnzip)('passes `unzip -t` and extracts the same bytes with the system unzip', async () => {
    const photo = noiseBytes(20_000);
    const manifest = encode(JSON.stringify({ receipts: Array.from({ length: 50 }, (_, index) => `receipt ${index}`) }));
    const archive = await zipOf([
      { name: 'manifest.json', data: manifest, compress: true },
      { name: 'originals/Café €.jpg', data: new Blob([photo]) },
      { name: 'empty.txt', data: new Uint8Array(0) },
    ]);
    const file = join(mkdtempSync(join(tmpdir(), 'zip-writer-')), 'test.zip');
    writeFileSync(file, archive);
    const tested = spawnSync('unzip', ['-t', file], { encoding: 'utf8' });
    expect(tested.status).toBe(0);
    expect(tested.stdout).toContain('No errors detected in compressed data');
    const extracted = spawnSync('unzip', ['-p', file, 'originals/Café €.jpg']);
    expect(new Uint8Array(extracted.stdout)).toEqual(photo);
    expect(new Uint8Array(spawnSync('unzip', ['-p', file, 'manifest.json']).stdout)).toEqual(manifest);
  });

  it('gives ZipError a code and the sentence it was made with', () => {
    const error = new ZipError('too-large', 'Too big.');
    expect([error.code, error.message, error.name, error instanceof Error]).toEqual(['too-large', 'Too big.', 'ZipError', true]);
  });

  it('exposes the directory before reading any entry', async () => {
    const archive = await openZip(new Blob([await zipOf([{ name: 'a.txt', data: encode('abc') }])]));
    expect([archive.names, archive.sizeOf('a.txt'), archive.sizeOf('b.txt')]).toEqual([['a.txt'], 3, undefined]);
  });
});
