import { describe, expect, it } from 'vitest';
import { claimUniqueName, zipOriginals } from '../../utils/export/originals-zip';
import type { ReceiptRecord } from '../../utils/receipt';
import { readZip } from '../../utils/export/zip/zip-reader';
import { makeFields, makeReceipt } from '../receipt-fixtures';
import { collectStream, noiseBytes } from './zip/zip-test-helpers';

const info = (extension: string) => ({ sha256: '0'.repeat(64), mime: 'image/jpeg' as const, extension, size: 1 });

function shopReceipt(id: string, merchant: string | null, date: string | null, extension = 'jpg'): ReceiptRecord {
  return makeReceipt({ id, original: info(extension), fields: makeFields({ merchant, date }) });
}

describe('claimUniqueName', () => {
  it.each([
    [['a.jpg'], ['a.jpg']],
    [['a.jpg', 'a.jpg', 'a.jpg'], ['a.jpg', 'a (2).jpg', 'a (3).jpg']],
    [['A.jpg', 'a.JPG'], ['A.jpg', 'a (2).JPG']],
    [['a.jpg', 'a (2).jpg', 'a.jpg'], ['a.jpg', 'a (2).jpg', 'a (3).jpg']],
    [['receipt', 'receipt'], ['receipt', 'receipt (2)']],
    [['.hidden', '.hidden'], ['.hidden', '.hidden (2)']],
  ])('names %j as %j', (names, expected) => {
    const taken = new Set<string>();
    expect(names.map((name) => claimUniqueName(name, taken))).toEqual(expected);
  });
});

describe('zipOriginals', () => {
  it('zips the stored originals under their download names, numbering equal names and leaving out receipts without one', async () => {
    const originals = new Map([
      ['a', noiseBytes(100, 1)],
      ['b', noiseBytes(200, 2)],
      ['c', noiseBytes(300, 3)],
      ['e', noiseBytes(50, 5)],
    ]);
    const receipts = [
      shopReceipt('a', 'CORNER SHOP', '2024-03-05'),
      shopReceipt('b', 'Corner Shop', '2024-03-05'),
      shopReceipt('c', 'Café Müller', '2024-01-02', 'pdf'),
      makeReceipt({ id: 'd', original: null }),
      shopReceipt('e', null, '2024-03-06', 'png'),
      shopReceipt('gone', 'Lost', '2024-01-01'),
    ];
    const asked: string[] = [];
    const repository = { getOriginal: async (id: string) => (asked.push(id), originals.has(id) ? new Blob([originals.get(id) ?? new Uint8Array()]) : undefined) };
    const files = await readZip(new Blob([await collectStream(zipOriginals(receipts, repository))]));
    expect([...files.keys()]).toEqual(['2024-03-05 Corner Shop.jpg', '2024-03-05 Corner Shop (2).jpg', '2024-01-02 Café Müller.pdf', '2024-03-06 receipt.png']);
    expect([...files.values()]).toEqual([originals.get('a'), originals.get('b'), originals.get('c'), originals.get('e')]);
    expect(asked).toEqual(['a', 'b', 'c', 'e', 'gone']);
  });

  it('asks for no original until the stream is read', async () => {
    const asked: string[] = [];
    const stream = zipOriginals([shopReceipt('a', 'Shop', '2024-01-01')], { getOriginal: async (id) => (asked.push(id), new Blob(['x'])) });
    await Promise.resolve();
    expect(asked).toEqual([]);
    await stream.getReader().read();
    expect(asked).toEqual(['a']);
  });
});
