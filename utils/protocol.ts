import type { ScanProgress } from './receipt';

/** Popup → background requests. */
export type ScanRequest =
  | { type: 'retry-scan'; receiptId: string };

/** Background → pages broadcasts. */
export type ScanEvent =
  | { type: 'receipt-changed'; receiptId: string }
  | { type: 'receipt-progress'; receiptId: string; progress: ScanProgress }
  /** The scanned image was already stored: the new receipt is dropped and the existing one shown. */
  | { type: 'receipt-duplicate'; receiptId: string; existingId: string };

export type ExtensionMessage = ScanRequest | ScanEvent;

const MESSAGE_TYPES: ReadonlySet<string> = new Set<ExtensionMessage['type']>(['retry-scan', 'receipt-changed', 'receipt-progress', 'receipt-duplicate']);

/** Messages cross a trust boundary: check the shape before acting on one. */
export function isExtensionMessage(message: unknown): message is ExtensionMessage {
  if (typeof message !== 'object' || message === null) return false;
  const { type, receiptId } = message as { type?: unknown; receiptId?: unknown };
  return typeof type === 'string' && MESSAGE_TYPES.has(type) && typeof receiptId === 'string';
}
