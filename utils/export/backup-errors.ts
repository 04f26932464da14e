export type BackupErrorCode = 'not-a-backup' | 'unreadable' | 'newer-version' | 'invalid-manifest' | 'missing-file' | 'checksum-mismatch' | 'storage-full';

export interface BackupError {
  code: BackupErrorCode;
  message: string;
}

const NOTHING = 'Nothing was imported.';

/** The one place where backup import sentences are written. */
export const backupErrors = {
  notABackup: (): BackupError => ({ code: 'not-a-backup', message: 'This file is not a Receipt Scanner backup.' }),
  unreadable: (reason: string): BackupError => ({ code: 'unreadable', message: `The backup file could not be read. ${reason} ${NOTHING}` }),
  newerVersion: (version: number): BackupError => ({
    code: 'newer-version',
    message: `This backup was made by a newer Receipt Scanner (backup format ${version}). Update the extension, then import it again. ${NOTHING}`,
  }),
  invalidManifest: (problem: string): BackupError => ({ code: 'invalid-manifest', message: `The backup's list of receipts is damaged: ${problem}. ${NOTHING}` }),
  missingFile: (what: string, receipt: string): BackupError => ({ code: 'missing-file', message: `The ${what} of ${receipt} is missing from the backup. ${NOTHING}` }),
  checksumMismatch: (what: string, receipt: string): BackupError => ({
    code: 'checksum-mismatch',
    message: `The ${what} of ${receipt} does not match its checksum; the backup was changed or damaged. ${NOTHING}`,
  }),
  storageFull: (imported: number): BackupError => ({
    code: 'storage-full',
    message: `The browser has no room for more receipts; ${imported} were imported before it ran out. Free some space, then import the backup again to add the rest.`,
  }),
};

/** "receipt “Corner Shop, 2024-03-05”" or, without fields, "receipt r-123". */
export function describeReceipt(receipt: { id: string; fields: { merchant: string | null; date: string | null } | null }): string {
  const label = [receipt.fields?.merchant, receipt.fields?.date].filter((part): part is string => typeof part === 'string' && part !== '').join(', ');
  return label === '' ? `receipt ${receipt.id}` : `receipt “${label}”`;
}
