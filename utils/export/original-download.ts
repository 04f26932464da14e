import { originalFileName } from './file-names';
import type { ReceiptRecord } from '../receipt';
import type { ReceiptRepository } from '../storage/receipt-repository';
import { sha256Hex } from '../image/sha256';

export interface SaveFileEnv {
  download: (options: { url: string; filename: string; saveAs: boolean }) => Promise<number>;
  createObjectURL: (blob: Blob) => string;
  revokeObjectURL: (url: string) => void;
  /** The object URL must outlive the browser's read of it. */
  later: (run: () => void) => void;
}

/** Saving through an extension page's downloads API, with the page's object URLs. */
export function createPageSaveEnv(download: SaveFileEnv['download']): SaveFileEnv {
  return {
    download,
    createObjectURL: (blob) => URL.createObjectURL(blob),
    revokeObjectURL: (url) => URL.revokeObjectURL(url),
    later: (run) => void setTimeout(run, 60_000),
  };
}

export interface DownloadEnv extends SaveFileEnv {
  repository: Pick<ReceiptRepository, 'getOriginal'>;
}

export type DownloadResult = { ok: true; filename: string } | { ok: false; message: string };

/** Hands a Blob to the browser's downloads under the given (already safe) name. */
export async function saveFile(blob: Blob, filename: string, env: SaveFileEnv): Promise<DownloadResult> {
  const url = env.createObjectURL(blob);
  try {
    await env.download({ url, filename, saveAs: false });
  } catch (error) {
    env.revokeObjectURL(url);
    return { ok: false, message: `The browser did not save the file: ${error instanceof Error ? error.message : String(error)}` };
  }
  env.later(() => env.revokeObjectURL(url));
  return { ok: true, filename };
}

/** Saves the stored original as it was captured, after checking it still matches the hash taken at capture. */
export async function downloadOriginal(receipt: ReceiptRecord, env: DownloadEnv): Promise<DownloadResult> {
  const blob = await env.repository.getOriginal(receipt.id);
  if (!blob || !receipt.original) return { ok: false, message: 'The original image of this receipt is not stored.' };
  if ((await sha256Hex(blob)) !== receipt.original.sha256)
    return { ok: false, message: 'The stored original no longer matches its checksum, so it was not saved.' };
  const filename = originalFileName(
    { date: receipt.fields?.date ?? null, merchant: receipt.fields?.merchant ?? null, capturedAt: receipt.capturedAt },
    receipt.original.extension,
  );
  return saveFile(blob, filename, env);
}
