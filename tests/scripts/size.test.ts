import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SourceMapGenerator } from 'source-map-js';
import { breakDownChunk, groupSource } from '../../scripts/size-breakdown';
import { checkBudgets, createBuildReader, findEntries, findHtmlScripts, findImports, measureEntry, resolveBuildPath } from '../../scripts/size';

describe('findHtmlScripts', () => {
  it('takes script sources and modulepreload links, not stylesheets', () => {
    const html = `<script type="module" crossorigin src="/chunks/popup-A.js"></script>
      <link rel="modulepreload" crossorigin href="/chunks/style-B.js">
      <link rel="stylesheet" href="/assets/style-C.css">
      <link href='/chunks/late-D.js' rel='modulepreload'>`;
    expect(findHtmlScripts(html)).toEqual(['/chunks/popup-A.js', '/chunks/style-B.js', '/chunks/late-D.js']);
  });
});

describe('findImports', () => {
  it.each([
    ['a minified named import', 'import{a as e,c as t}from"./style-B.js";e()', ['./style-B.js'], []],
    ['a side-effect import', 'import"./polyfill.js";', ['./polyfill.js'], []],
    ['a re-export', 'export*from"./shared.js";export{x as y}from\'./other.js\'', ['./shared.js', './other.js'], []],
    ['a dynamic import', 'const m=await import("./lazy.js");', [], ['./lazy.js']],
    ['a property called import', 'x.import("./not.js");y.export',  [], []],
    ['a chunk without imports', 'var background=(function(){return`from"./x.js"`})();', [], []],
  ])('reads %s', (_, code, eager, lazy) => {
    expect(findImports(code)).toEqual({ eager, lazy });
  });
});

describe('resolveBuildPath', () => {
  it.each([
    ['chunks/popup.js', './style.js', 'chunks/style.js'],
    ['chunks/popup.js', '../background.js', 'background.js'],
    ['popup.html', '/chunks/popup.js', 'chunks/popup.js'],
    ['chunks/popup.js', './style.js?v=1', 'chunks/style.js'],
    ['chunks/popup.js', 'preact', null],
    ['chunks/popup.js', 'https://cdn.example/x.js', null],
  ])('from %s, %s is %s', (from, specifier, path) => {
    expect(resolveBuildPath(from, specifier)).toBe(path);
  });
});

describe('measureEntry over a build directory', () => {
  let root = '';
  const chunks: Record<string, string> = {
    'popup.html': '<script type="module" src="/chunks/popup.js"></script><link rel="modulepreload" href="/chunks/shared.js">',
    'chunks/popup.js': 'import{a}from"./shared.js";import"./deep/leaf.js";const d=()=>import("./detail.js");',
    'chunks/shared.js': 'import{b}from"./cycle.js";export const a=1;',
    'chunks/cycle.js': 'import{a}from"./shared.js";export const b=2;',
    'chunks/deep/leaf.js': 'import"../shared.js";console.log("leaf".repeat(50));',
    'chunks/detail.js': 'import{a}from"./shared.js";import{c}from"./detail-dep.js";const e=()=>import("./editor.js");',
    'chunks/detail-dep.js': 'export const c=3;',
    'chunks/editor.js': 'export const editor=4;',
    'chunks/unrelated.js': 'export const big="x".repeat(10000);',
    'background.js': 'var background=(function(){})();',
    'options.html': '<script type="module" src="/chunks/options.js"></script>',
    'chunks/options.js': 'import"./gone.js";',
    'manifest.json': JSON.stringify({ background: { service_worker: 'background.js' }, action: { default_popup: 'popup.html' }, options_ui: { page: 'options.html' } }),
  };
  const gzipped = (path: string) => gzipSync(chunks[path] ?? '', { level: 9 }).byteLength;

  beforeAll(() => {
    root = mkdtempSync(join(tmpdir(), 'size-test-'));
    for (const [path, text] of Object.entries(chunks)) {
      mkdirSync(dirname(join(root, path)), { recursive: true });
      writeFileSync(join(root, path), text);
    }
  });
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  it('finds the entries the manifest names, with the scripts their pages load', () => {
    const read = createBuildReader(root);
    expect(findEntries(JSON.parse(chunks['manifest.json'] ?? '{}'), read)).toEqual([
      { entry: 'popup', roots: ['chunks/popup.js', 'chunks/shared.js'] },
      { entry: 'background', roots: ['background.js'] },
      { entry: 'options', roots: ['chunks/options.js'] },
    ]);
  });

  it('counts every statically imported chunk once, through cycles and subfolders, and keeps import() apart', () => {
    const size = measureEntry('popup', ['chunks/popup.js', 'chunks/shared.js'], createBuildReader(root));
    const eager = ['chunks/popup.js', 'chunks/shared.js', 'chunks/deep/leaf.js', 'chunks/cycle.js'];
    const lazy = ['chunks/detail.js', 'chunks/detail-dep.js', 'chunks/editor.js'];
    expect([...size.files].sort()).toEqual([...eager].sort());
    expect([...size.lazyFiles].sort()).toEqual([...lazy].sort());
    expect(size.rawBytes).toBe(eager.reduce((total, path) => total + Buffer.byteLength(chunks[path] ?? ''), 0));
    expect(size.gzipBytes).toBe(eager.reduce((total, path) => total + gzipped(path), 0));
    expect(size.lazyGzipBytes).toBe(lazy.reduce((total, path) => total + gzipped(path), 0));
    expect(size.missing).toEqual([]);
  });

  it('reports an import the build does not contain', () => {
    const size = measureEntry('options', ['chunks/options.js'], createBuildReader(root));
    expect(size.files).toEqual(['chunks/options.js']);
    expect(size.missing).toEqual(['chunks/gone.js']);
  });
});

describe('checkBudgets', () => {
  it.each([
    ['popup', 34_999, false],
    ['popup', 35_000, false],
    ['popup', 35_001, true],
    ['background', 45_000, false],
    ['background', 45_001, true],
  ])('%s at %i gzipped bytes is over: %s', (entry, gzipBytes, over) => {
    expect(checkBudgets([{ entry, gzipBytes }])).toEqual([{ entry, gzipBytes, budget: entry === 'popup' ? 35_000 : 45_000, over }]);
  });

  it('has no budget for an entry the issue does not name', () => {
    expect(checkBudgets([{ entry: 'options', gzipBytes: 999_999 }])).toEqual([{ entry: 'options', gzipBytes: 999_999, budget: null, over: false }]);
  });

  it('takes other budgets', () => {
    expect(checkBudgets([{ entry: 'popup', gzipBytes: 2_000 }], { popup: 1_000 })[0]?.over).toBe(true);
  });
});

describe('breakDownChunk', () => {
  it('gives each source the generated runs its mappings start, grouped by package and folder', () => {
    const code = 'var a=1;var b=2;\nvar c=3;';
    const generator = new SourceMapGenerator({ file: 'background.js' });
    const map = (column: number, line: number, source: string) => generator.addMapping({ generated: { line, column }, original: { line: 1, column: 0 }, source });
    map(0, 1, '../../node_modules/ky/distribution/core/Ky.js');
    map(8, 1, '../../utils/receipt-parser/merchant.ts');
    map(0, 2, '../../utils/scan-error.ts');
    const shares = breakDownChunk(code, JSON.parse(generator.toString()));
    expect(shares.map(({ group, rawBytes }) => [group, rawBytes])).toEqual([
      ['utils/receipt-parser', 9],
      ['ky', 8],
      ['utils', 8],
    ]);
    expect(shares.reduce((sum, share) => sum + share.rawBytes, 0)).toBe(code.length);
  });

  it.each([
    ['../../node_modules/@wxt-dev/browser/src/index.mjs', '@wxt-dev/browser'],
    ['../../node_modules/idb/build/index.js', 'idb'],
    ['../../entrypoints/background.ts', 'entrypoints'],
    [null, '(bundler runtime)'],
  ])('groups %s under %s', (source, group) => {
    expect(groupSource(source)).toBe(group);
  });
});
