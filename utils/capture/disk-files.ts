import type { ScanRequest, ScanTarget } from '../protocol';
import { DISK_SOURCE_PREFIX } from '../receipt-format';
import { formatBytes } from '../scan-error';
import { encodeBase64 } from '../image/byte-reading';

/** A file is handed to the worker in one message, as base64; Chrome refuses messages over 64 MB. */
export const MAX_DISK_FILE_BYTES = 48 * 1024 * 1024;
/** Pasted images come without a useful name. */
const PASTED_NAME = 'Pasted image';

/** What the queue is given for a file from disk: its name is its source; its bytes come with it. */
export function diskTarget(name: string): ScanTarget {
  return { srcUrl: `${DISK_SOURCE_PREFIX}${name}`, pageUrl: null, pageTitle: null, tabId: null, frameId: 0 };
}

export interface DiskFile {
  name: string;
  size: number;
  arrayBuffer(): Promise<ArrayBuffer>;
}

/**
 * Hands files the user chose, dropped or pasted to the worker, one message each, in order; the worker checks and
 * scans them like any image. Returns the sentence to show: what was added, and each file refused here and why.
 */
export async function sendFilesToScan(files: readonly DiskFile[], send: (request: ScanRequest) => Promise<unknown>, pasted = false): Promise<string> {
  const refused: string[] = [];
  let added = 0;
  for (const file of files) {
    const name = pasted || file.name === '' ? PASTED_NAME : file.name;
    if (file.size > MAX_DISK_FILE_BYTES) {
      refused.push(`${name} is ${formatBytes(file.size)}; files up to ${formatBytes(MAX_DISK_FILE_BYTES)} can be added.`);
      continue;
    }
    const base64 = encodeBase64(new Uint8Array(await file.arrayBuffer()));
    await send({ type: 'scan-file', name, base64 });
    added += 1;
  }
  const addedText = added === 0 ? '' : added === 1 ? 'Added 1 file; it is being scanned.' : `Added ${added} files; they are being scanned.`;
  return [addedText, ...refused].filter(Boolean).join(' ');
}
