import { backupErrors, describeReceipt, type BackupError } from './backup-errors';
import { BACKUP_FORMAT, BACKUP_VERSION, MANIFEST_NAME, assertBackupManifest, checkOcrPage, type BackupFile, type BackupManifest } from './backup-manifest';
import type { OcrPage, ReceiptRecord } from '../receipt';
import type { ReceiptLibrary } from '../storage/receipt-library';
import { ScanFailure } from '../scan-error';
import { ShapeError } from '../shape-check';
import { ZipError, openZip, type ZipArchive } from './zip/zip-reader';

export type ImportResult = { ok: true; imported: number; skipped: number } | ({ ok: false } & BackupError);

type Sha256Hex = (bytes: Uint8Array | Blob) => Promise<string>;

/** A backup holds a manifest and up to three files per receipt; originals are read one at a time, so the total may exceed memory. */
const BACKUP_LIMITS = { maxEntries: 3_000_001, maxTotalBytes: 64 * 1024 ** 4 };
const MAX_MANIFEST_BYTES = 512 * 1024 * 1024;

class ImportRefusal extends Error {
  constructor(readonly refusal: BackupError) {
    super(refusal.message);
  }
}

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

function parseManifest(bytes: Uint8Array): BackupManifest {
  let value: unknown;
  try {
    value = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
  } catch {
    throw new ImportRefusal(backupErrors.notABackup());
  }
  if (!isRecord(value) || value.format !== BACKUP_FORMAT) throw new ImportRefusal(backupErrors.notABackup());
  if (typeof value.version === 'number' && value.version > BACKUP_VERSION) throw new ImportRefusal(backupErrors.newerVersion(value.version));
  try {
    assertBackupManifest(value);
  } catch (error) {
    if (error instanceof ShapeError) throw new ImportRefusal(backupErrors.invalidManifest(error.message));
    throw error;
  }
  return value;
}

/** Files by receipt id, each listed once, for a receipt of the backup, and present in the archive with the size the manifest says. */
function indexFiles(files: BackupFile[], kind: string, receipts: Map<string, BackupManifest['receipts'][number]>, archive: ZipArchive): Map<string, BackupFile> {
  const byId = new Map<string, BackupFile>();
  for (const file of files) {
    const receipt = receipts.get(file.id);
    if (!receipt || byId.has(file.id)) throw new ImportRefusal(backupErrors.invalidManifest(`the ${kind} ${file.file} belongs to no receipt, or to one twice`));
    if (archive.sizeOf(file.file) !== file.size) throw new ImportRefusal(backupErrors.missingFile(kind, describeReceipt(receipt)));
    byId.set(file.id, file);
  }
  return byId;
}

async function readChecked(archive: ZipArchive, file: BackupFile, kind: string, receipt: string, sha256Hex: Sha256Hex): Promise<Uint8Array<ArrayBuffer>> {
  const bytes = await archive.read(file.file);
  if (bytes.length !== file.size || (await sha256Hex(bytes)) !== file.sha256) throw new ImportRefusal(backupErrors.checksumMismatch(kind, receipt));
  return bytes;
}

function parseOcrPage(bytes: Uint8Array, receipt: string): OcrPage {
  try {
    const page: unknown = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
    checkOcrPage(page, 'ocrPage');
    return page as OcrPage;
  } catch {
    throw new ImportRefusal(backupErrors.invalidManifest(`the OCR reading of ${receipt} is not valid`));
  }
}

/** Any ZIP starts with a local header, or the end record when empty: anything else is some other kind of file. */
async function looksLikeZip(file: Blob): Promise<boolean> {
  const start = new Uint8Array(await file.slice(0, 4).arrayBuffer());
  return start[0] === 0x50 && start[1] === 0x4b && ((start[2] === 3 && start[3] === 4) || (start[2] === 5 && start[3] === 6));
}

async function runImport(file: Blob, repository: Pick<ReceiptLibrary, 'putBack'>, sha256Hex: Sha256Hex): Promise<ImportResult> {
  if (!(await looksLikeZip(file))) return { ok: false, ...backupErrors.notABackup() };
  const archive = await openZip(file, BACKUP_LIMITS);
  const manifestSize = archive.sizeOf(MANIFEST_NAME);
  if (manifestSize === undefined || manifestSize > MAX_MANIFEST_BYTES) return { ok: false, ...backupErrors.notABackup() };
  const manifest = parseManifest(await archive.read(MANIFEST_NAME));
  const receipts = new Map(manifest.receipts.map((receipt) => [receipt.id, receipt]));
  if (receipts.size !== manifest.receipts.length) throw new ImportRefusal(backupErrors.invalidManifest('a receipt id is listed twice'));
  const originals = indexFiles(manifest.originals, 'original', receipts, archive);
  const thumbnails = indexFiles(manifest.thumbnails, 'thumbnail', receipts, archive);
  const ocrPages = indexFiles(manifest.ocrPages, 'OCR reading', receipts, archive);
  for (const receipt of manifest.receipts) {
    const thumbnail = thumbnails.get(receipt.id);
    if ((receipt.thumbnail === null) !== (thumbnail === undefined) || (thumbnail && thumbnail.file !== receipt.thumbnail))
      throw new ImportRefusal(backupErrors.missingFile('thumbnail', describeReceipt(receipt)));
  }
  // Every file is checked before anything is written: a tampered backup imports nothing.
  for (const receipt of manifest.receipts) {
    const name = describeReceipt(receipt);
    const original = originals.get(receipt.id);
    const thumbnail = thumbnails.get(receipt.id);
    const ocrPage = ocrPages.get(receipt.id);
    if (original) await readChecked(archive, original, 'original', name, sha256Hex);
    if (thumbnail) await readChecked(archive, thumbnail, 'thumbnail', name, sha256Hex);
    if (ocrPage) parseOcrPage(await readChecked(archive, ocrPage, 'OCR reading', name, sha256Hex), name);
  }
  let imported = 0;
  for (const receipt of manifest.receipts) {
    const original = originals.get(receipt.id);
    const thumbnail = thumbnails.get(receipt.id);
    const ocrPage = ocrPages.get(receipt.id);
    const record: ReceiptRecord = { ...receipt, thumbnail: thumbnail ? new Blob([await archive.read(thumbnail.file)], { type: thumbnail.mime }) : null };
    try {
      const restored = await repository.putBack({
        receipt: record,
        original: original ? new Blob([await archive.read(original.file)], { type: original.mime }) : null,
        ocrPage: ocrPage ? parseOcrPage(await archive.read(ocrPage.file), receipt.id) : null,
      });
      if (restored) imported++;
    } catch (error) {
      if (error instanceof ScanFailure && error.error.code === 'storage-full') return { ok: false, ...backupErrors.storageFull(imported) };
      throw error;
    }
  }
  return { ok: true, imported, skipped: manifest.receipts.length - imported };
}

/**
 * Restores a backup made by exportBackup. The format, version, every receipt's shape and every file's size and SHA-256 are checked
 * before anything is written; receipts whose id is already stored are skipped, never overwritten.
 */
export async function importBackup(file: Blob, repository: Pick<ReceiptLibrary, 'putBack'>, sha256Hex: Sha256Hex): Promise<ImportResult> {
  try {
    return await runImport(file, repository, sha256Hex);
  } catch (error) {
    if (error instanceof ImportRefusal) return { ok: false, ...error.refusal };
    if (error instanceof ZipError) return { ok: false, ...backupErrors.unreadable(error.message) };
    throw error;
  }
}
