import { computeCrc32 } from './crc32';
import { badZip as bad } from './zip-error';
import { inflateEntry } from './zip-inflate';
import {
  CENTRAL_HEADER_SIGNATURE,
  CENTRAL_HEADER_SIZE,
  END_OF_CENTRAL_DIRECTORY_SIGNATURE,
  END_OF_CENTRAL_DIRECTORY_SIZE,
  FLAG_ENCRYPTED,
  LOCAL_HEADER_SIGNATURE,
  LOCAL_HEADER_SIZE,
  MAX_16,
  MAX_32,
  METHOD_DEFLATE,
  METHOD_STORE,
} from './zip-format';

export { ZipError } from './zip-error';

export interface ZipLimits {
  maxEntries: number;
  /** The sum of the sizes the entries declare once extracted. */
  maxTotalBytes: number;
}

export const DEFAULT_ZIP_LIMITS: ZipLimits = { maxEntries: 10_000, maxTotalBytes: 2 * 1024 ** 3 };

interface EntryRecord {
  method: number;
  crc: number;
  compressedSize: number;
  size: number;
  offset: number;
}

/** An archive whose directory is read; each entry is read, inflated and checked only when asked for. */
export interface ZipArchive {
  /** File names in directory order; folder entries are left out. */
  names: string[];
  sizeOf(name: string): number | undefined;
  /** The entry's bytes, checked against its CRC-32 and size; throws ZipError 'bad-zip'. */
  read(name: string): Promise<Uint8Array<ArrayBuffer>>;
}

const MAX_COMMENT = MAX_16;
const MAX_DIRECTORY_BYTES = 64 * 1024 * 1024;
const nameDecoder = new TextDecoder('utf-8', { fatal: true });

async function readBytes(blob: Blob, start: number, end: number): Promise<DataView<ArrayBuffer>> {
  if (start < 0 || end > blob.size || start > end) throw bad('it is cut short');
  return new DataView(await blob.slice(start, end).arrayBuffer());
}

function findEndRecord(tail: DataView): number {
  for (let at = tail.byteLength - END_OF_CENTRAL_DIRECTORY_SIZE; at >= 0; at--) {
    if (tail.getUint32(at, true) === END_OF_CENTRAL_DIRECTORY_SIGNATURE && at + END_OF_CENTRAL_DIRECTORY_SIZE + tail.getUint16(at + 20, true) <= tail.byteLength) return at;
  }
  throw bad('it has no ZIP directory');
}

/** Names are relative paths inside the archive: nothing absolute, no drive, no '..' that would climb out. */
function checkName(name: string): void {
  const segments = name.split(/[/\\]/);
  if (name.startsWith('/') || name.startsWith('\\') || /^[a-z]:/i.test(name) || segments.includes('..'))
    throw bad(`the entry "${name}" points outside the archive`);
  if (/[\u0000-\u001f]/.test(name)) throw bad('an entry name holds control characters');
}

function decodeName(bytes: Uint8Array): string {
  try {
    return nameDecoder.decode(bytes);
  } catch {
    throw bad('an entry name is not valid UTF-8');
  }
}

async function readDirectory(blob: Blob, limits: ZipLimits): Promise<{ records: Map<string, EntryRecord>; directoryStart: number }> {
  if (blob.size < END_OF_CENTRAL_DIRECTORY_SIZE) throw bad('it is too short');
  const tailStart = Math.max(0, blob.size - END_OF_CENTRAL_DIRECTORY_SIZE - MAX_COMMENT);
  const tail = await readBytes(blob, tailStart, blob.size);
  const end = findEndRecord(tail);
  const count = tail.getUint16(end + 10, true);
  const directorySize = tail.getUint32(end + 12, true);
  const directoryStart = tail.getUint32(end + 16, true);
  if (count === MAX_16 || directorySize === MAX_32 || directoryStart === MAX_32) throw bad('it uses ZIP64, which is not supported');
  if (tail.getUint16(end + 4, true) !== 0 || tail.getUint16(end + 6, true) !== 0 || tail.getUint16(end + 8, true) !== count)
    throw bad('it is split over several files');
  if (count > limits.maxEntries) throw bad(`it holds ${count} files, more than the ${limits.maxEntries} allowed`);
  if (directorySize > MAX_DIRECTORY_BYTES || directoryStart + directorySize > tailStart + end) throw bad('its directory is damaged');
  const directory = await readBytes(blob, directoryStart, directoryStart + directorySize);
  const records = new Map<string, EntryRecord>();
  let total = 0;
  let at = 0;
  for (let index = 0; index < count; index++) {
    if (at + CENTRAL_HEADER_SIZE > directory.byteLength || directory.getUint32(at, true) !== CENTRAL_HEADER_SIGNATURE) throw bad('its directory is damaged');
    const nameLength = directory.getUint16(at + 28, true);
    const next = at + CENTRAL_HEADER_SIZE + nameLength + directory.getUint16(at + 30, true) + directory.getUint16(at + 32, true);
    if (next > directory.byteLength) throw bad('its directory is damaged');
    const name = decodeName(new Uint8Array(directory.buffer, at + CENTRAL_HEADER_SIZE, nameLength));
    const record: EntryRecord = {
      method: directory.getUint16(at + 10, true),
      crc: directory.getUint32(at + 16, true),
      compressedSize: directory.getUint32(at + 20, true),
      size: directory.getUint32(at + 24, true),
      offset: directory.getUint32(at + 42, true),
    };
    const flags = directory.getUint16(at + 8, true);
    at = next;
    checkName(name);
    if ((flags & FLAG_ENCRYPTED) !== 0) throw bad(`the entry "${name}" is encrypted`);
    if (record.method !== METHOD_STORE && record.method !== METHOD_DEFLATE) throw bad(`the entry "${name}" uses compression method ${record.method}, which is not supported`);
    if (record.method === METHOD_STORE && record.compressedSize !== record.size) throw bad(`the entry "${name}" declares two different sizes`);
    if (record.offset + LOCAL_HEADER_SIZE + record.compressedSize > directoryStart) throw bad(`the entry "${name}" lies outside the archive`);
    total += record.size;
    if (total > limits.maxTotalBytes) throw bad(`its files would take more than ${Math.round(limits.maxTotalBytes / 1024 ** 2)} MB once extracted`);
    if (name.endsWith('/') && record.size === 0) continue;
    if (records.has(name)) throw bad(`it holds "${name}" twice`);
    records.set(name, record);
  }
  return { records, directoryStart };
}

/** Reads the archive's directory, checking limits, names and sizes, without reading any entry. */
export async function openZip(blob: Blob, limits: ZipLimits = DEFAULT_ZIP_LIMITS): Promise<ZipArchive> {
  const { records, directoryStart } = await readDirectory(blob, limits);
  return {
    names: [...records.keys()],
    sizeOf: (name) => records.get(name)?.size,
    async read(name) {
      const record = records.get(name);
      if (!record) throw bad(`it has no entry "${name}"`);
      const header = await readBytes(blob, record.offset, record.offset + LOCAL_HEADER_SIZE);
      if (header.getUint32(0, true) !== LOCAL_HEADER_SIGNATURE) throw bad(`the entry "${name}" is damaged`);
      const dataStart = record.offset + LOCAL_HEADER_SIZE + header.getUint16(26, true) + header.getUint16(28, true);
      if (dataStart + record.compressedSize > directoryStart) throw bad(`the entry "${name}" lies outside the archive`);
      const payload = new Uint8Array((await readBytes(blob, dataStart, dataStart + record.compressedSize)).buffer);
      const bytes = record.method === METHOD_DEFLATE ? await inflateEntry(payload, record.size, name) : payload;
      if (computeCrc32(bytes) !== record.crc) throw bad(`the entry "${name}" is corrupted (its checksum does not match)`);
      return bytes;
    },
  };
}

/** Every file of a ZIP (STORE or DEFLATE) in memory, each checked; throws ZipError 'bad-zip' for anything malformed or over the limits. */
export async function readZip(blob: Blob, limits: ZipLimits = DEFAULT_ZIP_LIMITS): Promise<Map<string, Uint8Array<ArrayBuffer>>> {
  const archive = await openZip(blob, limits);
  const files = new Map<string, Uint8Array<ArrayBuffer>>();
  for (const name of archive.names) files.set(name, await archive.read(name));
  return files;
}
