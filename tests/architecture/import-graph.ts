import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';

/** Every project file below `dir` (relative to `root`) with the project files it imports, type imports and re-exports included. */
export function readImportGraph(root: string, dir: string): Map<string, string[]> {
  const graph = new Map<string, string[]>();
  for (const file of listSources(path.join(root, dir))) {
    const imports = ts.preProcessFile(readFileSync(file, 'utf8'), true, true).importedFiles
      .map(({ fileName }) => resolveSpecifier(root, file, fileName))
      .filter((target): target is string => target !== null);
    graph.set(path.relative(root, file), [...new Set(imports)]);
  }
  return graph;
}

function listSources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return listSources(full);
    return /\.tsx?$/.test(entry.name) ? [full] : [];
  });
}

function resolveSpecifier(root: string, from: string, specifier: string): string | null {
  const base = specifier.startsWith('@/') ? path.join(root, specifier.slice(2))
    : specifier.startsWith('.') ? path.resolve(path.dirname(from), specifier)
    : null;
  if (base === null) return null;
  for (const candidate of [`${base}.ts`, `${base}.tsx`, path.join(base, 'index.ts')]) {
    try {
      readFileSync(candidate);
      return path.relative(root, candidate);
    } catch {
      // not this one
    }
  }
  return path.relative(root, base);
}

/** Every import loop in the graph, each as the files around it, shortest first. */
export function findImportLoops(graph: ReadonlyMap<string, readonly string[]>): string[][] {
  const loops: string[][] = [];
  const seen = new Set<string>();
  for (const start of [...graph.keys()].sort()) {
    // Breadth-first from start's imports back to start gives the shortest loop through it.
    const cameFrom = new Map<string, string>();
    const queue = [...(graph.get(start) ?? [])];
    for (const next of queue) if (!cameFrom.has(next)) cameFrom.set(next, start);
    while (queue.length > 0) {
      const file = queue.shift() as string;
      if (file === start) break;
      for (const next of graph.get(file) ?? []) {
        if (cameFrom.has(next)) continue;
        cameFrom.set(next, file);
        queue.push(next);
      }
    }
    if (!cameFrom.has(start)) continue;
    const back: string[] = [];
    for (let file = cameFrom.get(start); file !== undefined && file !== start; file = cameFrom.get(file)) back.push(file);
    const loop = [start, ...back.reverse()];
    const key = [...loop].sort().join(' ');
    if (!seen.has(key)) loops.push(loop);
    seen.add(key);
  }
  return loops.sort((a, b) => a.length - b.length);
}
