import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { findImportLoops, readImportGraph } from './import-graph';

const ROOT = path.resolve(__dirname, '../..');

/**
 * The way a scan runs, written down: each folder of utils/ may import only the folders named here.
 * "top" is what every subsystem shares (utils/*.ts): it imports no folder.
 */
const MAY_IMPORT: Record<string, readonly string[]> = {
  top: [],
  capture: ['top', 'image'],
  image: ['top'],
  ocr: ['top', 'image'],
  'receipt-parser': ['top'],
  storage: ['top'],
  scan: ['top', 'capture', 'image', 'ocr', 'receipt-parser', 'storage'],
  export: ['top', 'image', 'storage'],
};

/** utils/scan/queue.ts → "scan", utils/export/zip/crc32.ts → "export", utils/receipt.ts → "top". */
function subsystemOf(file: string): string {
  const parts = file.split('/');
  return parts.length === 2 ? 'top' : (parts[1] ?? 'top');
}

describe('the architecture of utils/', () => {
  const graph = readImportGraph(ROOT, 'utils');

  it('reads the real tree', () => {
    expect(graph.get('utils/scan/scan-pipeline.ts')).toContain('utils/capture/fetch-original.ts');
    expect(graph.get('utils/receipt-parser/index.ts')).toContain('utils/receipt.ts');
  });

  it('has no import loop, type imports included', () => {
    expect(findImportLoops(graph).map((loop) => loop.join(' -> '))).toEqual([]);
  });

  it('has a folder for every subsystem and nothing else', () => {
    const folders = new Set([...graph.keys()].map(subsystemOf));
    expect([...folders].sort()).toEqual(Object.keys(MAY_IMPORT).sort());
  });

  it('imports run one way, down the path a scan takes', () => {
    const upward = [...graph].flatMap(([file, imports]) =>
      imports
        .filter((target) => target.startsWith('utils/'))
        .filter((target) => subsystemOf(target) !== subsystemOf(file) && !MAY_IMPORT[subsystemOf(file)]?.includes(subsystemOf(target)))
        .map((target) => `${file} -> ${target}`),
    );
    expect(upward).toEqual([]);
  });

  it('knows nothing of pages: no import of components/ or entrypoints/', () => {
    const pageImports = [...graph].flatMap(([file, imports]) => imports.filter((target) => !target.startsWith('utils/')).map((target) => `${file} -> ${target}`));
    expect(pageImports).toEqual([]);
  });

  it('keeps only a few shared files loose at the top', () => {
    expect([...graph.keys()].filter((file) => subsystemOf(file) === 'top').length).toBeLessThanOrEqual(10);
  });
});

describe('components/', () => {
  it('never open the database: the page that renders them does', () => {
    const graph = readImportGraph(ROOT, 'components');
    const opening = [...graph].filter(([, imports]) => imports.includes('utils/storage/receipt-db.ts')).map(([file]) => file);
    expect(opening).toEqual([]);
  });
});

describe('findImportLoops', () => {
  it.each([
    ['a two-file loop', { a: ['b'], b: ['a'] }, [['a', 'b']]],
    ['a loop through four files, found once', { a: ['b'], b: ['c'], c: ['d'], d: ['a'] }, [['a', 'b', 'c', 'd']]],
    ['a file importing itself', { a: ['a'] }, [['a']]],
    ['no loop in a diamond', { a: ['b', 'c'], b: ['d'], c: ['d'], d: [] }, []],
    ['a loop beside a tree', { top: ['a', 'x'], a: ['b'], b: ['a'], x: [] }, [['a', 'b']]],
  ])('%s', (_name, edges, loops) => {
    expect(findImportLoops(new Map(Object.entries(edges)))).toEqual(loops);
  });
});
