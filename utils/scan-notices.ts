import type { ReceiptRecord } from './receipt';
import { formatTotal } from './receipt-format';
import type { ScanError } from './scan-error';
import type { ScanOutcome } from './scan-pipeline';

export interface Notice {
  title: string;
  message: string;
}

/** What a system notification says when a scan ends. */
export function describeSettledScan(outcome: ScanOutcome | { kind: 'failed'; error: ScanError }): Notice {
  switch (outcome.kind) {
    case 'done':
      return { title: 'Receipt scanned', message: summarise(outcome.receipt) };
    case 'duplicate':
      return { title: 'Already scanned', message: `This image is already stored: ${summarise(outcome.existing)}` };
    case 'failed':
      return { title: 'Scan failed', message: outcome.error.message };
  }
}

function summarise(receipt: ReceiptRecord): string {
  const fields = receipt.fields;
  const merchant = fields?.merchant ?? 'Unknown merchant';
  return `${merchant}, ${formatTotal(fields?.total ?? null, fields?.currency ?? null)}${fields?.date ? ` on ${fields.date}` : ''}`;
}

/** The toolbar badge: how many scans are queued or running. */
export function badgeText(unfinished: number): string {
  if (unfinished <= 0) return '';
  return unfinished > 99 ? '99+' : String(unfinished);
}
