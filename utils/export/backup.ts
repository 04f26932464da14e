import { BACKUP_FORMAT, BACKUP_VERSION, MANIFEST_NAME, type BackupFile, type BackupReceipt } from './backup-manifest';
import type { ReceiptRecord } from '../receipt';
import type { PageAnchor, ReceiptLibrary } from '../storage/receipt-library';
import { createZipStream, type ZipEntry } from './zip/zip-writer';

export { importBackup, type ImportResult } from './backup-import';

export type BackupSource = Pick<ReceiptLibrary, 'listNewest' | 'getOriginal' | 'getOcrPage'>;

export interface BackupExportOptions {
  sha256Hex: (bytes: Uint8Array | Blob) => Promise<string>;
  now?: () => Date;
  /** Receipts read per cursor page. */
  pageSize?: number;
}

const SAFE_ID = /^[A-Za-z0-9_-]{1,200}$/;
const encoder = new TextEncoder();

/** Files are named by receipt id when the id is a safe file name, else by position; the manifest says which file is whose. */
function fileStem(receipt: ReceiptRecord, position: number): string {
  return SAFE_ID.test(receipt.id) ? receipt.id : `receipt-${position}`;
}

async function describeFile(id: string, file: string, blob: Blob, mime: string, sha256Hex: BackupExportOptions['sha256Hex']): Promise<BackupFile> {
  return { id, file, sha256: await sha256Hex(blob), size: blob.size, mime };
}

async function* backupEntries(repository: BackupSource, options: BackupExportOptions): AsyncGenerator<ZipEntry> {
  const exportedAt = (options.now ?? (() => new Date()))();
  // Records are released page by page; only their JSON text waits for the manifest, written last.
  const receiptTexts: string[] = [];
  const originals: BackupFile[] = [];
  const thumbnails: BackupFile[] = [];
  const ocrPages: BackupFile[] = [];
  let before: PageAnchor | undefined;
  do {
    const page = await repository.listNewest(options.pageSize ?? 50, before);
    for (const receipt of page.receipts) {
      const stem = fileStem(receipt, receiptTexts.length);
      const modified = new Date(receipt.capturedAt);
      const original = receipt.original ? await repository.getOriginal(receipt.id) : undefined;
      if (receipt.original && original) {
        const file = await describeFile(receipt.id, `originals/${stem}.${receipt.original.extension}`, original, receipt.original.mime, options.sha256Hex);
        originals.push(file);
        yield { name: file.file, data: original, modified };
      }
      let thumbnail: string | null = null;
      if (receipt.thumbnail) {
        const file = await describeFile(receipt.id, `thumbnails/${stem}.jpg`, receipt.thumbnail, receipt.thumbnail.type || 'image/jpeg', options.sha256Hex);
        thumbnails.push(file);
        thumbnail = file.file;
        yield { name: file.file, data: receipt.thumbnail, modified };
      }
      const ocrPage = await repository.getOcrPage(receipt.id);
      if (ocrPage) {
        const bytes = encoder.encode(JSON.stringify(ocrPage));
        const file = await describeFile(receipt.id, `ocr-pages/${stem}.json`, new Blob([bytes]), 'application/json', options.sha256Hex);
        ocrPages.push(file);
        yield { name: file.file, data: bytes, modified, compress: true };
      }
      const kept: BackupReceipt = { ...receipt, thumbnail };
      receiptTexts.push(JSON.stringify(kept));
    }
    before = page.next ?? undefined;
  } while (before);
  const head = JSON.stringify({ format: BACKUP_FORMAT, version: BACKUP_VERSION, exportedAt: exportedAt.toISOString() }).slice(0, -1);
  const manifest = `${head},"receipts":[${receiptTexts.join(',')}],"originals":${JSON.stringify(originals)},"thumbnails":${JSON.stringify(thumbnails)},"ocrPages":${JSON.stringify(ocrPages)}}`;
  yield { name: MANIFEST_NAME, data: encoder.encode(manifest), modified: exportedAt, compress: true };
}

/**
 * A ZIP backup of every receipt: manifest.json (records, and the checksum of every file) plus originals/, thumbnails/ and ocr-pages/.
 * Receipts are read one cursor page at a time and originals one at a time, as the stream is read. Settings and the API key are never in it.
 */
export function exportBackup(repository: BackupSource, options: BackupExportOptions): ReadableStream<Uint8Array> {
  return createZipStream(backupEntries(repository, options), { now: options.now });
}
