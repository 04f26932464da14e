/** Where a built chunk's bytes come from, by package and by source folder, read from its source map. */
import { gzipSync } from 'node:zlib';
import { SourceMapConsumer, type RawSourceMap } from 'source-map-js';

export interface SourceShare {
  group: string;
  rawBytes: number;
  /** The group's code gzipped on its own: a guide to its weight, a little above its share of the whole file. */
  gzipBytes: number;
}

/** A package for code from node_modules ("ky", "@scope/name"), else the project folder ("utils/receipt-parser"). */
export function groupSource(source: string | null): string {
  if (!source) return '(bundler runtime)';
  const inPackage = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(source);
  if (inPackage?.[1]) return inPackage[1];
  const parts = source.replace(/^(?:\.\.\/)+/, '').replace(/^\/+/, '').split('/');
  return parts.length > 1 ? parts.slice(0, -1).join('/') : (parts[0] ?? source);
}

/** Splits the generated code into the runs each mapping covers and sums them per group, largest first. */
export function breakDownChunk(code: string, map: RawSourceMap, group: (source: string | null) => string = groupSource): SourceShare[] {
  const lines = code.split('\n');
  const mappings: { line: number; column: number; source: string | null }[] = [];
  new SourceMapConsumer(map).eachMapping((mapping) => {
    mappings.push({ line: mapping.generatedLine, column: mapping.generatedColumn, source: mapping.source });
  });
  mappings.sort((a, b) => a.line - b.line || a.column - b.column);
  const text = new Map<string, string[]>();
  const add = (name: string, run: string) => {
    const runs = text.get(name);
    if (runs) runs.push(run);
    else text.set(name, [run]);
  };
  let line = 1;
  let column = 0;
  let owner = group(null);
  // Code before the first mapping, and between mappings, belongs to the run that precedes it.
  for (const mapping of [...mappings, { line: lines.length, column: Number.MAX_SAFE_INTEGER, source: null }]) {
    while (line < mapping.line) {
      add(owner, `${(lines[line - 1] ?? '').slice(column)}\n`);
      line++;
      column = 0;
    }
    const end = Math.min(mapping.column, (lines[line - 1] ?? '').length);
    if (end > column) add(owner, (lines[line - 1] ?? '').slice(column, end));
    column = Math.max(column, end);
    owner = group(mapping.source);
  }
  return [...text]
    .map(([name, runs]) => {
      const joined = runs.join('');
      return { group: name, rawBytes: Buffer.byteLength(joined), gzipBytes: gzipSync(joined, { level: 9 }).byteLength };
    })
    .filter((share) => share.rawBytes > 0)
    .sort((a, b) => b.rawBytes - a.rawBytes);
}

export function formatBreakdown(shares: SourceShare[]): string {
  const kb = (bytes: number) => (bytes / 1000).toFixed(1).padStart(7);
  return ['  raw KB  gzip KB alone  source', ...shares.map((share) => `${kb(share.rawBytes)}  ${kb(share.gzipBytes)}        ${share.group}`)].join('\n');
}
