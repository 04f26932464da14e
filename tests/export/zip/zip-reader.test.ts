import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ZipError, openZip, readZip, type ZipLimits } from '../../../utils/export/zip/zip-reader';
import { createZipStream, type ZipEntry } from '../../../utils/export/zip/zip-writer';
import { centralDirectoryOffset, collectStream, encode, hasZip, iterateEntries, noiseBytes, patchBytes } from './zip-test-helpers';

const zipOf = (entries: ZipEntry[]) => collectStream(createZipStream(iterateEntries(entries), { now: () => new Date(2024, 0, 1) }));
const manifest = encode(JSON.stringify({ receipts: Array.from({ length: 100 }, (_, index) => ({ id: `receipt-${index}` })) }));

/** Sets a 16- or 32-bit field of the first central directory header. */
function patchCentral(bytes: Uint8Array, field: number, value: number, width: 2 | 4): Uint8Array<ArrayBuffer> {
  const copy = new Uint8Array(bytes);
  const view = new DataView(copy.buffer);
  const at = centralDirectoryOffset(copy) + field;
  if (width === 2) view.setUint16(at, value, true);
  else view.setUint32(at, value, true);
  return copy;
}

function patchEnd(bytes: Uint8Array, field: number, value: number): Uint8Array<ArrayBuffer> {
  const copy = new Uint8Array(bytes);
  new DataView(copy.buffer).setUint16(copy.length - 22 + field, value, true);
  return copy;
}

async function refusal(bytes: Uint8Array<ArrayBuffer>, limits?: ZipLimits): Promise<{ code: string; message: string } | 'read'> {
  try {
    await readZip(new Blob([bytes]), limits);
    return 'read';
  } catch (error) {
    if (!(error instanceof ZipError)) throw error;
    return { code: error.code, message: error.message };
  }
}

describe('readZip', () => {
  it.skipIf(!hasZip)('reads what the system zip wrote, deflated, with folder entries left out', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'zip-reader-'));
    mkdirSync(join(folder, 'originals'));
    writeFileSync(join(folder, 'manifest.json'), manifest);
    writeFileSync(join(folder, 'originals', 'r1.jpg'), noiseBytes(3_000));
    expect(spawnSync('zip', ['-r', '-X', 'backup.zip', 'manifest.json', 'originals'], { cwd: folder }).status).toBe(0);
    const files = await readZip(new Blob([readFileSync(join(folder, 'backup.zip'))]));
    expect([...files.keys()].sort()).toEqual(['manifest.json', 'originals/r1.jpg']);
    expect(files.get('manifest.json')).toEqual(manifest);
    expect(files.get('originals/r1.jpg')).toEqual(noiseBytes(3_000));
  });

  it('reads one entry at a time on demand', async () => {
    const archive = await openZip(new Blob([await zipOf([{ name: 'a.txt', data: encode('a') }, { name: 'b.txt', data: encode('bb') }])]));
    expect(archive.names).toEqual(['a.txt', 'b.txt']);
    expect(await archive.read('b.txt')).toEqual(encode('bb'));
    await expect(archive.read('c.txt')).rejects.toThrow('This file is not a readable ZIP archive: it has no entry "c.txt".');
  });

  const plain = () => zipOf([{ name: 'xx/a.txt', data: encode('hello') }]);
  const deflated = () => zipOf([{ name: 'manifest.json', data: manifest, compress: true }]);
  const cases: [string, () => Promise<Uint8Array<ArrayBuffer>>, string, ZipLimits?][] = [
    ['an empty file', async () => new Uint8Array(0), 'it is too short'],
    ['a text file', async () => encode('Date,Merchant,Total\r\n2024-01-01,Shop,1.00\r\n'), 'it has no ZIP directory'],
    ['a ZIP missing its last bytes', async () => (await plain()).subarray(0, -10), 'it has no ZIP directory'],
    ['a ZIP missing its first bytes', async () => (await plain()).subarray(20), 'its directory is damaged'],
    ['a changed byte of data', async () => patchBytes(await plain(), encode('hello'), encode('jello')), 'the entry "xx/a.txt" is corrupted (its checksum does not match)'],
    ['a name that climbs out with ..', async () => patchBytes(await plain(), encode('xx/'), encode('../')), 'the entry "../a.txt" points outside the archive'],
    ['an absolute name', async () => patchBytes(await plain(), encode('xx/'), encode('/x/')), 'the entry "/x/a.txt" points outside the archive'],
    ['a Windows drive name', async () => patchBytes(await plain(), encode('xx/'), encode('C:\\')), 'the entry "C:\\a.txt" points outside the archive'],
    ['a name that is not UTF-8', async () => patchBytes(await plain(), encode('xx/'), new Uint8Array([0xff, 0xfe, 0x2f])), 'an entry name is not valid UTF-8'],
    ['a control character in a name', async () => patchBytes(await plain(), encode('xx/'), encode('x\n/')), 'an entry name holds control characters'],
    ['an encrypted entry', async () => patchCentral(await plain(), 8, 0x0801, 2), 'the entry "xx/a.txt" is encrypted'],
    ['bzip2 compression', async () => patchCentral(await plain(), 10, 12, 2), 'the entry "xx/a.txt" uses compression method 12, which is not supported'],
    ['a stored entry with two sizes', async () => patchCentral(await plain(), 24, 4, 4), 'the entry "xx/a.txt" declares two different sizes'],
    ['an entry past the directory', async () => patchCentral(await plain(), 42, 500, 4), 'the entry "xx/a.txt" lies outside the archive'],
    ['a deflated entry larger than it declares', async () => patchCentral(await deflated(), 24, 100, 4), 'the entry "manifest.json" is larger than it declares'],
    ['a deflated entry smaller than it declares', async () => patchCentral(await deflated(), 24, manifest.length + 1, 4), 'the entry "manifest.json" is smaller than it declares'],
    ['damaged deflate data', async () => { const bytes = await deflated(); bytes.fill(0xff, 40, 60); return bytes; }, 'the entry "manifest.json" is corrupted'],
    ['ZIP64 markers', async () => patchEnd(await plain(), 10, 0xffff), 'it uses ZIP64, which is not supported'],
    ['a multi-disk archive', async () => patchEnd(await plain(), 4, 1), 'it is split over several files'],
    ['a name given twice', async () => patchBytes(await zipOf([{ name: 'a.txt', data: encode('1') }, { name: 'b.txt', data: encode('1') }]), encode('b.txt'), encode('a.txt')), 'it holds "a.txt" twice'],
    ['more entries than allowed', () => zipOf([1, 2, 3].map((index) => ({ name: `${index}.txt`, data: encode('x') }))), 'it holds 3 files, more than the 2 allowed', { maxEntries: 2, maxTotalBytes: 100 }],
    ['more bytes than allowed once extracted', () => zipOf([{ name: 'big.bin', data: new Uint8Array(3 * 1024 * 1024), compress: true }]), 'its files would take more than 2 MB once extracted', { maxEntries: 10, maxTotalBytes: 2 * 1024 * 1024 }],
  ];

  it.each(cases)('refuses %s as a bad ZIP with a sentence', async (_, make, detail, limits) => {
    expect(await refusal(await make(), limits)).toEqual({ code: 'bad-zip', message: `This file is not a readable ZIP archive: ${detail}.` });
  });

  it('reads a deflated archive that declares more than the default 2 GB as refused before inflating anything', async () => {
    const bytes = patchCentral(await deflated(), 24, 0x90000000, 4);
    expect(await refusal(bytes)).toEqual({ code: 'bad-zip', message: 'This file is not a readable ZIP archive: its files would take more than 2048 MB once extracted.' });
  });
});
