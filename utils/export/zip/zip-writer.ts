import { computeCrc32 } from './crc32';
import { ZipError } from './zip-error';
import {
  CENTRAL_HEADER_SIGNATURE,
  CENTRAL_HEADER_SIZE,
  END_OF_CENTRAL_DIRECTORY_SIGNATURE,
  END_OF_CENTRAL_DIRECTORY_SIZE,
  FLAG_UTF8,
  LOCAL_HEADER_SIGNATURE,
  LOCAL_HEADER_SIZE,
  MAX_16,
  MAX_32,
  METHOD_DEFLATE,
  METHOD_STORE,
  encodeDosDateTime,
} from './zip-format';

export interface ZipEntry {
  name: string;
  data: Blob | Uint8Array;
  modified?: Date;
  /** Try DEFLATE (text such as JSON); JPEG, PNG and PDF originals are already compressed and are stored as they are. */
  compress?: boolean;
}

export interface ZipStreamOptions {
  /** The time given to entries without `modified`. */
  now?: () => Date;
}

interface WrittenEntry {
  name: Uint8Array;
  method: number;
  date: number;
  time: number;
  crc: number;
  compressedSize: number;
  size: number;
  offset: number;
}

const VERSION_NEEDED = 20;
/** Made by Unix (3) so that the external attributes below give extracted files rw-r--r--. */
const VERSION_MADE_BY = (3 << 8) | VERSION_NEEDED;
const UNIX_FILE_MODE = 0o100644;
const CONTROL_CHARACTERS = /[\u0000-\u001f\u007f-\u009f]/g;

/** A relative path that cannot leave the folder it is extracted into: '/' separators, no '.', '..', empty or control-character segments. */
export function sanitizeEntryName(name: string): string {
  const segments = name
    .normalize('NFC')
    .replace(CONTROL_CHARACTERS, '')
    .split(/[/\\]+/)
    .filter((segment) => segment.trim() !== '' && segment.trim() !== '.' && segment.trim() !== '..');
  return segments.length === 0 ? 'unnamed' : segments.join('/');
}

/** DEFLATE when the browser has it and it actually saves bytes, else the bytes as they are (STORE). */
async function compressIfSmaller(bytes: Uint8Array, compress: boolean): Promise<{ method: number; payload: Uint8Array }> {
  if (!compress || bytes.length === 0 || typeof CompressionStream === 'undefined') return { method: METHOD_STORE, payload: bytes };
  let deflater: CompressionStream;
  try {
    deflater = new CompressionStream('deflate-raw');
  } catch {
    return { method: METHOD_STORE, payload: bytes };
  }
  const deflated = new Uint8Array(await new Response(new Blob([new Uint8Array(bytes)]).stream().pipeThrough(deflater)).arrayBuffer());
  return deflated.length < bytes.length ? { method: METHOD_DEFLATE, payload: deflated } : { method: METHOD_STORE, payload: bytes };
}

function localHeader(entry: WrittenEntry): Uint8Array {
  const header = new Uint8Array(LOCAL_HEADER_SIZE + entry.name.length);
  const view = new DataView(header.buffer);
  view.setUint32(0, LOCAL_HEADER_SIGNATURE, true);
  view.setUint16(4, VERSION_NEEDED, true);
  view.setUint16(6, FLAG_UTF8, true);
  view.setUint16(8, entry.method, true);
  view.setUint16(10, entry.time, true);
  view.setUint16(12, entry.date, true);
  view.setUint32(14, entry.crc, true);
  view.setUint32(18, entry.compressedSize, true);
  view.setUint32(22, entry.size, true);
  view.setUint16(26, entry.name.length, true);
  view.setUint16(28, 0, true);
  header.set(entry.name, LOCAL_HEADER_SIZE);
  return header;
}

function centralDirectory(entries: WrittenEntry[], offset: number): Uint8Array {
  const size = entries.reduce((sum, entry) => sum + CENTRAL_HEADER_SIZE + entry.name.length, 0);
  if (offset + size > MAX_32) throw tooLarge();
  const directory = new Uint8Array(size + END_OF_CENTRAL_DIRECTORY_SIZE);
  const view = new DataView(directory.buffer);
  let at = 0;
  for (const entry of entries) {
    view.setUint32(at, CENTRAL_HEADER_SIGNATURE, true);
    view.setUint16(at + 4, VERSION_MADE_BY, true);
    view.setUint16(at + 6, VERSION_NEEDED, true);
    view.setUint16(at + 8, FLAG_UTF8, true);
    view.setUint16(at + 10, entry.method, true);
    view.setUint16(at + 12, entry.time, true);
    view.setUint16(at + 14, entry.date, true);
    view.setUint32(at + 16, entry.crc, true);
    view.setUint32(at + 20, entry.compressedSize, true);
    view.setUint32(at + 24, entry.size, true);
    view.setUint16(at + 28, entry.name.length, true);
    // Extra field, comment, disk number and internal attributes stay 0.
    view.setUint32(at + 38, (UNIX_FILE_MODE << 16) >>> 0, true);
    view.setUint32(at + 42, entry.offset, true);
    directory.set(entry.name, at + CENTRAL_HEADER_SIZE);
    at += CENTRAL_HEADER_SIZE + entry.name.length;
  }
  view.setUint32(at, END_OF_CENTRAL_DIRECTORY_SIGNATURE, true);
  view.setUint16(at + 8, entries.length, true);
  view.setUint16(at + 10, entries.length, true);
  view.setUint32(at + 12, size, true);
  view.setUint32(at + 16, offset, true);
  return directory;
}

const tooLarge = () =>
  new ZipError('too-large', 'The ZIP file would be larger than 4 GB or hold more than 65,535 files, which it cannot. Export fewer receipts at a time.');

async function* zipChunks(entries: AsyncIterable<ZipEntry>, now: () => Date): AsyncGenerator<Uint8Array> {
  const written: WrittenEntry[] = [];
  const names = new Set<string>();
  const encoder = new TextEncoder();
  let offset = 0;
  for await (const entry of entries) {
    const name = sanitizeEntryName(entry.name);
    if (names.has(name)) throw new Error(`Two ZIP entries are both named "${name}".`);
    names.add(name);
    // One entry's bytes at a time: read, checksummed, written, released before the next entry is asked for.
    const bytes = entry.data instanceof Blob ? new Uint8Array(await entry.data.arrayBuffer()) : entry.data;
    const { method, payload } = await compressIfSmaller(bytes, entry.compress ?? false);
    const { date, time } = encodeDosDateTime(entry.modified ?? now());
    const record: WrittenEntry = { name: encoder.encode(name), method, date, time, crc: computeCrc32(bytes), compressedSize: payload.length, size: bytes.length, offset };
    const header = localHeader(record);
    if (bytes.length > MAX_32 || offset + header.length + payload.length > MAX_32 || written.length + 1 > MAX_16) throw tooLarge();
    written.push(record);
    offset += header.length + payload.length;
    yield header;
    if (payload.length > 0) yield payload;
  }
  yield centralDirectory(written, offset);
}

/** A ZIP whose entries are read from `entries` only as the consumer reads the stream: at most one entry's data is held at a time. */
export function createZipStream(entries: AsyncIterable<ZipEntry>, options: ZipStreamOptions = {}): ReadableStream<Uint8Array> {
  const chunks = zipChunks(entries, options.now ?? (() => new Date()));
  return new ReadableStream<Uint8Array>(
    {
      async pull(controller) {
        const next = await chunks.next();
        if (next.done) controller.close();
        else controller.enqueue(next.value);
      },
      async cancel() {
        await chunks.return(undefined);
      },
    },
    // No read-ahead: nothing is pulled from the entries until the consumer asks for bytes.
    { highWaterMark: 0 },
  );
}
