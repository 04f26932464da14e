import { spawnSync } from 'node:child_process';
import type { ZipEntry } from '../../../utils/export/zip/zip-writer';

export const encode = (text: string) => new TextEncoder().encode(text);
export const decode = (bytes: Uint8Array) => new TextDecoder().decode(bytes);

export async function collectStream(stream: ReadableStream<Uint8Array>): Promise<Uint8Array<ArrayBuffer>> {
  return new Uint8Array(await new Response(stream).arrayBuffer());
}

export async function* iterateEntries(entries: ZipEntry[]): AsyncGenerator<ZipEntry> {
  for (const entry of entries) yield entry;
}

/** Replaces every occurrence of `from` by `to` (same byte length) in a copy of the archive. */
export function patchBytes(bytes: Uint8Array, from: Uint8Array, to: Uint8Array): Uint8Array<ArrayBuffer> {
  const copy = new Uint8Array(bytes);
  for (let at = 0; at + from.length <= copy.length; at++) {
    if (from.every((byte, index) => copy[at + index] === byte)) copy.set(to, at);
  }
  return copy;
}

export function centralDirectoryOffset(bytes: Uint8Array): number {
  return new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength).getUint32(bytes.length - 22 + 16, true);
}

export const hasUnzip = spawnSync('which', ['unzip']).status === 0;
export const hasZip = spawnSync('which', ['zip']).status === 0;

/** Deterministic bytes that do not compress (xorshift32), standing in for a JPEG. */
export function noiseBytes(length: number, seed = 0x9e3779b9): Uint8Array<ArrayBuffer> {
  const bytes = new Uint8Array(length);
  let state = seed >>> 0 || 1;
  for (let index = 0; index < length; index++) {
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    bytes[index] = state & 0xff;
  }
  return bytes;
}
