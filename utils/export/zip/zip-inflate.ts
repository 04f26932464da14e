import { ZipError, badZip as bad } from './zip-error';

/** Inflates one DEFLATE entry into exactly its declared size, refusing more (a ZIP bomb) or less. */
export async function inflateEntry(payload: Uint8Array, size: number, name: string): Promise<Uint8Array<ArrayBuffer>> {
  const output = new Uint8Array(size);
  let filled = 0;
  let inflater: DecompressionStream;
  try {
    inflater = new DecompressionStream('deflate-raw');
  } catch {
    throw bad(`this browser cannot inflate the compressed entry "${name}"`);
  }
  const reader = new Blob([new Uint8Array(payload)]).stream().pipeThrough(inflater).getReader();
  try {
    for (let chunk = await reader.read(); !chunk.done; chunk = await reader.read()) {
      // Stop at the declared size: a small entry that inflates to gigabytes is refused, not held.
      if (filled + chunk.value.length > size) throw bad(`the entry "${name}" is larger than it declares`);
      output.set(chunk.value, filled);
      filled += chunk.value.length;
    }
  } catch (error) {
    await reader.cancel().catch(() => undefined);
    throw error instanceof ZipError ? error : bad(`the entry "${name}" is corrupted`);
  }
  if (filled !== size) throw bad(`the entry "${name}" is smaller than it declares`);
  return output;
}
