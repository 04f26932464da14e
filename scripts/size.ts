/** Gzipped JavaScript each extension page or worker loads, against the budgets: npm run size [-- --no-build] [--dir .output/chrome-mv3] */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join, posix } from 'node:path';
import { pathToFileURL } from 'node:url';
import { gzipSync } from 'node:zlib';
import { breakDownChunk, formatBreakdown } from './size-breakdown';

/** Bytes, gzipped; KB here are 1000 bytes, as WXT's build report counts them. */
// The worker evaluates in about 5 ms; a cold one handles a click in 28 ms against 13 ms warm: 45 KB is the agreed ceiling.
export const BUDGETS: Readonly<Record<string, number>> = { popup: 35_000, background: 45_000 };

/** Reads a file of the build by its path from the output root ("chunks/popup-x.js"); undefined when absent. */
export type ReadBuildFile = (path: string) => Uint8Array | undefined;

export interface EntrySize {
  entry: string;
  /** Chunks loaded at start: the roots and everything they import statically. */
  files: string[];
  rawBytes: number;
  gzipBytes: number;
  /** Chunks reached only through import(): loaded later, so outside the budget. */
  lazyFiles: string[];
  lazyGzipBytes: number;
  /** Imported but not in the build (a broken graph or a path this script misreads). */
  missing: string[];
}

export interface BudgetVerdict {
  entry: string;
  gzipBytes: number;
  budget: number | null;
  over: boolean;
}

/** The scripts a page starts with: its <script src> and <link rel="modulepreload"> targets. */
export function findHtmlScripts(html: string): string[] {
  const scripts: string[] = [];
  for (const [tag = ''] of html.matchAll(/<(?:script|link)\b[^>]*>/gi)) {
    const attribute = (name: string) => new RegExp(`\\b${name}\\s*=\\s*["']([^"']*)["']`, 'i').exec(tag)?.[1];
    const src = tag.toLowerCase().startsWith('<script') ? attribute('src') : attribute('rel') === 'modulepreload' ? attribute('href') : undefined;
    if (src) scripts.push(src);
  }
  return scripts;
}

/** Specifiers of a built chunk's `import … from`, `export … from` and bare `import "…"`, and of its `import("…")`. */
export function findImports(code: string): { eager: string[]; lazy: string[] } {
  const eager = [...code.matchAll(/(?:^|[^.\w$])(?:import|export)\s*(?:[\w$*{}\s,]+?\s*from\s*)?(["'`])([^"'`\n]+)\1/g)].map((match) => match[2] ?? '');
  const lazy = [...code.matchAll(/(?:^|[^.\w$])import\s*\(\s*(["'`])([^"'`\n]+)\1\s*\)/g)].map((match) => match[2] ?? '');
  return { eager: eager.filter(Boolean), lazy: lazy.filter(Boolean) };
}

/** A specifier as a path from the output root, or null for what is not a file of the build (URLs, bare names). */
export function resolveBuildPath(fromFile: string, specifier: string): string | null {
  const path = specifier.split(/[?#]/)[0] ?? '';
  if (path.startsWith('/')) return posix.normalize(path.slice(1));
  if (path.startsWith('./') || path.startsWith('../')) return posix.normalize(posix.join(posix.dirname(fromFile), path));
  return null;
}

const gzipSize = (bytes: Uint8Array): number => gzipSync(bytes, { level: 9 }).byteLength;

/** Follows the import graph from an entry's root files; each chunk counts once, eager before lazy. */
export function measureEntry(entry: string, roots: string[], read: ReadBuildFile): EntrySize {
  const decoder = new TextDecoder();
  const eager = new Map<string, Uint8Array>();
  const lazy = new Map<string, Uint8Array>();
  const missing = new Set<string>();

  const visit = (start: string[], into: Map<string, Uint8Array>, lazyRoots: string[]) => {
    const pending = [...start];
    for (let file = pending.shift(); file !== undefined; file = pending.shift()) {
      if (eager.has(file) || into.has(file)) continue;
      const bytes = read(file);
      if (!bytes) {
        missing.add(file);
        continue;
      }
      into.set(file, bytes);
      const imports = findImports(decoder.decode(bytes));
      const resolve = (specifiers: string[]) => specifiers.map((specifier) => resolveBuildPath(file, specifier)).filter((path): path is string => path !== null);
      pending.push(...resolve(imports.eager));
      lazyRoots.push(...resolve(imports.lazy));
    }
  };

  const lazyRoots: string[] = [];
  visit(roots, eager, lazyRoots);
  const eagerLazyRoots = lazyRoots.splice(0);
  visit(eagerLazyRoots, lazy, lazyRoots);
  // Chunks first met through import() can themselves import() more; those are lazy too.
  while (lazyRoots.length > 0) visit(lazyRoots.splice(0), lazy, lazyRoots);

  const sum = (files: Map<string, Uint8Array>, size: (bytes: Uint8Array) => number) => [...files.values()].reduce((total, bytes) => total + size(bytes), 0);
  return {
    entry,
    files: [...eager.keys()],
    rawBytes: sum(eager, (bytes) => bytes.byteLength),
    gzipBytes: sum(eager, gzipSize),
    lazyFiles: [...lazy.keys()],
    lazyGzipBytes: sum(lazy, gzipSize),
    missing: [...missing],
  };
}

interface ExtensionManifest {
  background?: { service_worker?: string; scripts?: string[] };
  action?: { default_popup?: string };
  browser_action?: { default_popup?: string };
  options_ui?: { page?: string };
  options_page?: string;
}

/** Each entry the manifest names, as root script paths; pages contribute the scripts their HTML loads. */
export function findEntries(manifest: ExtensionManifest, read: ReadBuildFile): { entry: string; roots: string[] }[] {
  const decoder = new TextDecoder();
  const page = (entry: string, htmlPath: string | undefined) => {
    if (!htmlPath) return [];
    const html = read(htmlPath);
    const local = (src: string) => !/^[a-z][\w+.-]*:/i.test(src);
    const roots = html ? findHtmlScripts(decoder.decode(html)).filter(local).map((src) => resolveBuildPath(htmlPath, src.startsWith('/') || src.startsWith('.') ? src : `./${src}`)) : [];
    return [{ entry, roots: roots.filter((root): root is string => root !== null) }];
  };
  const worker = manifest.background?.service_worker ?? null;
  const background = worker ? [worker] : (manifest.background?.scripts ?? []);
  return [
    ...page('popup', manifest.action?.default_popup ?? manifest.browser_action?.default_popup),
    ...(background.length > 0 ? [{ entry: 'background', roots: background.map((path) => posix.normalize(path)) }] : []),
    ...page('options', manifest.options_ui?.page ?? manifest.options_page),
  ];
}

export function checkBudgets(sizes: Pick<EntrySize, 'entry' | 'gzipBytes'>[], budgets: Readonly<Record<string, number>> = BUDGETS): BudgetVerdict[] {
  return sizes.map(({ entry, gzipBytes }) => {
    const budget = budgets[entry] ?? null;
    return { entry, gzipBytes, budget, over: budget !== null && gzipBytes > budget };
  });
}

const kb = (bytes: number): string => (bytes / 1000).toFixed(1);

export function formatSizeTable(sizes: EntrySize[], verdicts: BudgetVerdict[]): string {
  const rows = sizes.map((size, i) => {
    const verdict = verdicts[i];
    const budget = verdict?.budget ?? null;
    return [size.entry, kb(size.rawBytes), kb(size.gzipBytes), budget === null ? '-' : kb(budget), budget === null ? '' : verdict?.over ? 'OVER' : 'ok', String(size.files.length), size.lazyFiles.length ? kb(size.lazyGzipBytes) : '-'];
  });
  const header = ['entry', 'raw KB', 'gzip KB', 'budget KB', '', 'chunks', 'lazy gzip KB'];
  const widths = header.map((title, column) => Math.max(title.length, ...rows.map((row) => (row[column] ?? '').length)));
  const line = (cells: string[]) => cells.map((cell, column) => (column === 0 ? cell.padEnd(widths[column] ?? 0) : cell.padStart(widths[column] ?? 0))).join('  ').trimEnd();
  return [line(header), ...rows.map(line)].join('\n');
}

/** The only file-system access: files of one build directory, by path from its root. */
export function createBuildReader(root: string): ReadBuildFile {
  return (path) => {
    const file = join(root, path);
    return existsSync(file) ? new Uint8Array(readFileSync(file)) : undefined;
  };
}

function main(args: string[]): number {
  const dirAt = args.indexOf('--dir');
  const root = dirAt >= 0 && args[dirAt + 1] ? args[dirAt + 1] ?? '' : join('.output', 'chrome-mv3');
  if (!args.includes('--no-build')) {
    const build = spawnSync('npx', ['wxt', 'build'], { stdio: 'inherit', env: { ...process.env, SIZE_SOURCEMAPS: '1' } });
    if (build.status !== 0) return build.status ?? 1;
  }
  const read = createBuildReader(root);
  const manifestBytes = read('manifest.json');
  if (!manifestBytes) {
    console.error(`No manifest.json in ${root}: build first, or drop --no-build.`);
    return 1;
  }
  const manifest = JSON.parse(new TextDecoder().decode(manifestBytes)) as ExtensionManifest;
  const sizes = findEntries(manifest, read).map(({ entry, roots }) => measureEntry(entry, roots, read));
  const verdicts = checkBudgets(sizes);

  console.log(`\nJavaScript per entry in ${root} (gzip -9 per chunk, summed; KB = 1000 bytes)\n`);
  console.log(formatSizeTable(sizes, verdicts));
  for (const size of sizes) {
    console.log(`\n${size.entry}: ${size.files.join(', ')}${size.lazyFiles.length ? `; lazy: ${size.lazyFiles.join(', ')}` : ''}`);
    if (size.missing.length) console.error(`  imported but not in the build: ${size.missing.join(', ')}`);
  }
  const over = verdicts.filter((verdict) => verdict.over);
  for (const verdict of over) {
    console.error(`\n${verdict.entry} is ${kb(verdict.gzipBytes)} KB gzipped; the budget is ${kb(verdict.budget ?? 0)} KB.`);
    for (const file of sizes.find((size) => size.entry === verdict.entry)?.files ?? []) {
      const code = read(file);
      const map = read(`${file}.map`);
      if (!code || !map) continue;
      const decoder = new TextDecoder();
      console.error(`Where ${file} comes from:\n${formatBreakdown(breakDownChunk(decoder.decode(code), JSON.parse(decoder.decode(map))))}`);
    }
  }
  // The maps were only for the breakdown: leave the build as it ships.
  for (const file of readdirSync(root, { recursive: true, encoding: 'utf8' })) if (file.endsWith('.js.map')) rmSync(join(root, file));
  return over.length > 0 || sizes.some((size) => size.missing.length > 0) ? 1 : 0;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) process.exitCode = main(process.argv.slice(2));
