import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { promisify } from 'node:util';
import { readZip } from '../../../utils/export/zip/zip-reader';

const run = promisify(execFile);

/** Every entry of a ZIP file, read with the extension's own reader (which checks each CRC). */
export async function readZipFile(path: string): Promise<Map<string, Uint8Array>> {
  return readZip(new Blob([await readFile(path)]));
}

/** Writes a ZIP of the given entries with Info-ZIP's `zip`, as another program would make it. */
export async function writeZipFile(path: string, entries: Map<string, Uint8Array>): Promise<void> {
  const dir = await mkdtemp(join(tmpdir(), 'e2e-zip-'));
  try {
    for (const [name, bytes] of entries) {
      await run('mkdir', ['-p', join(dir, dirname(name))]);
      await writeFile(join(dir, name), bytes);
    }
    await rm(path, { force: true });
    await run('zip', ['-q', '-X', '-r', path, ...entries.keys()], { cwd: dir });
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
