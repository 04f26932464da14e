import { originalFileName } from './file-names';
import type { ReceiptRecord } from '../receipt';
import type { ReceiptRepository } from '../storage/receipt-repository';
import { createZipStream, type ZipEntry } from './zip/zip-writer';

/** "2024-03-05 Shop.jpg" again becomes "2024-03-05 Shop (2).jpg"; compared without case, as Windows and macOS do. */
export function claimUniqueName(name: string, taken: Set<string>): string {
  const dot = name.lastIndexOf('.');
  const [base, extension] = dot > 0 ? [name.slice(0, dot), name.slice(dot)] : [name, ''];
  let candidate = name;
  for (let copy = 2; taken.has(candidate.toLowerCase()); copy++) candidate = `${base} (${copy})${extension}`;
  taken.add(candidate.toLowerCase());
  return candidate;
}

async function* originalEntries(receipts: ReceiptRecord[], repository: Pick<ReceiptRepository, 'getOriginal'>): AsyncGenerator<ZipEntry> {
  const taken = new Set<string>();
  for (const receipt of receipts) {
    if (!receipt.original) continue;
    // Read only when the previous original has been written out.
    const blob = await repository.getOriginal(receipt.id);
    if (!blob) continue;
    const name = originalFileName({ date: receipt.fields?.date ?? null, merchant: receipt.fields?.merchant ?? null, capturedAt: receipt.capturedAt }, receipt.original.extension);
    yield { name: claimUniqueName(name, taken), data: blob, modified: new Date(receipt.capturedAt) };
  }
}

/** The selected receipts' originals in one ZIP, named as single downloads are; receipts without a stored original are left out. */
export function zipOriginals(receipts: ReceiptRecord[], repository: Pick<ReceiptRepository, 'getOriginal'>): ReadableStream<Uint8Array> {
  return createZipStream(originalEntries(receipts, repository));
}
