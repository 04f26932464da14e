import type { ScanProgress } from './receipt';

/** Popup → background requests. */
export type ScanRequest =
  | { type: 'retry-scan'; receiptId: string };

/** Background → pages broadcasts. */
export type ScanEvent =
  | { type: 'receipt-changed'; receiptId: string }
  | { type: 'receipt-progress'; receiptId: string; progress: ScanProgress };

export type ExtensionMessage = ScanRequest | ScanEvent;

const MESSAGE_TYPES: ReadonlySet<string> = new Set<ExtensionMessage['type']>(['retry-scan', 'receipt-changed', 'receipt-progress']);

/** Messages cross a trust boundary: check the shape before acting on one. */
export function isExtensionMessage(message: unknown): message is ExtensionMessage {
  if (typeof message !== 'object' || message === null) return false;
  const { type, receiptId } = message as { type?: unknown; receiptId?: unknown };
  return typeof type === 'string' && MESSAGE_TYPES.has(type) && typeof receiptId === 'string';
}
