import { describe, expect, it } from 'vitest';
import { downloadOriginal, type DownloadEnv } from '../../utils/export/original-download';
import type { ReceiptRecord } from '../../utils/receipt';
import { sha256Hex } from '../../utils/image/sha256';

const bytes = new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 1, 2, 3, 0xff, 0xd9]);

async function receiptWith(sha256?: string): Promise<ReceiptRecord> {
  return {
    id: 'r1',
    capturedAt: Date.UTC(2024, 0, 2, 12),
    original: { sha256: sha256 ?? (await sha256Hex(bytes)), mime: 'image/jpeg', extension: 'jpg', size: bytes.length },
    fields: { merchant: 'Book Ta .K (Taman Daya) Sdn Bhd', date: '2018-12-25' },
  } as ReceiptRecord;
}

function environment(blob: Blob | undefined, download: DownloadEnv['download'] = async () => 1) {
  const log: string[] = [];
  const env: DownloadEnv = {
    repository: { getOriginal: async () => blob },
    download: async (options) => {
      log.push(`download ${options.filename} ${options.url} saveAs=${options.saveAs}`);
      return download(options);
    },
    createObjectURL: () => 'blob:ext/1',
    revokeObjectURL: (url) => void log.push(`revoke ${url}`),
    later: (run) => {
      log.push('later');
      run();
    },
  };
  return { env, log };
}

describe('downloadOriginal', () => {
  it('saves the stored original under a safe name from date and merchant', async () => {
    const { env, log } = environment(new Blob([bytes]));
    expect(await downloadOriginal(await receiptWith(), env)).toEqual({ ok: true, filename: '2018-12-25 Book Ta K Taman Daya Sdn Bhd.jpg' });
    expect(log).toEqual(['download 2018-12-25 Book Ta K Taman Daya Sdn Bhd.jpg blob:ext/1 saveAs=false', 'later', 'revoke blob:ext/1']);
  });

  it('refuses an original that no longer matches its checksum', async () => {
    const { env, log } = environment(new Blob([bytes.subarray(1)]));
    expect(await downloadOriginal(await receiptWith(), env)).toEqual({ ok: false, message: 'The stored original no longer matches its checksum, so it was not saved.' });
    expect(log).toEqual([]);
  });

  it('says so when there is no original', async () => {
    const { env } = environment(undefined);
    expect(await downloadOriginal(await receiptWith(), env)).toEqual({ ok: false, message: 'The original image of this receipt is not stored.' });
  });

  it('reports a refused download and frees the URL', async () => {
    const { env, log } = environment(new Blob([bytes]), () => Promise.reject(new Error('Invalid filename')));
    expect(await downloadOriginal(await receiptWith(), env)).toEqual({ ok: false, message: 'The browser did not save the file: Invalid filename' });
    expect(log.at(-1)).toBe('revoke blob:ext/1');
  });
});
