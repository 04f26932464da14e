import type { ReceiptRecord } from '../receipt';
import { formatTotal } from '../receipt-format';
import type { ScanError } from '../scan-error';
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

export interface BatchSummary {
  done: number;
  failed: number;
  remaining: number;
}

export function summariseBatch(receipts: ReceiptRecord[]): BatchSummary {
  const done = receipts.filter((receipt) => receipt.status === 'done').length;
  const failed = receipts.filter((receipt) => receipt.status === 'failed').length;
  return { done, failed, remaining: receipts.length - done - failed };
}

export function describeBatch({ done, failed, remaining }: BatchSummary): string {
  const scanned = `${done} scanned`;
  const failures = failed > 0 ? `, ${failed} failed` : '';
  return remaining > 0 ? `${scanned}${failures}, ${remaining} to go` : `Batch finished: ${scanned}${failures}.`;
}
