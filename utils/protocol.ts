import type { OcrPage, ScanProgress } from './receipt';
import type { ScanError } from './scan-error';

/** An image to scan and the page it was found on: what the menu, the page scan and the popup hand the queue. */
export interface ScanTarget {
  srcUrl: string;
  pageUrl: string | null;
  pageTitle: string | null;
  tabId: number | null;
  frameId: number;
}

/** Popup → background requests. */
export type ScanRequest =
  | { type: 'retry-scan'; receiptId: string }
  /** Stops a scan in flight (or waiting): it ends failed, "cancelled", with Retry. */
  | { type: 'cancel-scan'; receiptId: string }
  /** The popup deleted these receipts: scans running for them are aborted and free their slots. */
  | { type: 'scans-deleted'; receiptIds: string[] }
  /** Undo put these receipts back: one that was deleted mid-scan goes back to the queue. */
  | { type: 'scans-restored'; receiptIds: string[] }
  /** Starts the worker if the browser stopped it, so scans it was running resume while the user watches. */
  | { type: 'popup-opened' }
  /** Answered with { batchId }. */
  | { type: 'scan-batch'; targets: ScanTarget[] }
  /** A file the user added from disk (picked, dropped or pasted), its bytes as base64. Answered with { receiptId }. */
  | { type: 'scan-file'; name: string; base64: string };

/** Background → pages broadcasts. */
export type ScanEvent =
  | { type: 'receipt-changed'; receiptId: string }
  | { type: 'receipt-progress'; receiptId: string; progress: ScanProgress }
  /** The scanned image was already stored: the new receipt is dropped and the existing one shown. */
  | { type: 'receipt-duplicate'; receiptId: string; existingId: string };

export type ExtensionMessage = ScanRequest | ScanEvent;

export interface BatchStarted {
  batchId: string;
  count: number;
}

const isText = (value: unknown): value is string => typeof value === 'string' && value.length > 0;
/** A bulk delete sends every selected id at once. */
const MAX_IDS = 10_000;
/** 48 MB of bytes as base64: the largest file handed over in one message. */
const MAX_FILE_BASE64 = Math.ceil((48 * 1024 * 1024) / 3) * 4;
const isIdList = (value: unknown): value is string[] => Array.isArray(value) && value.length <= MAX_IDS && value.every(isText);

function isScanTarget(value: unknown): value is ScanTarget {
  if (typeof value !== 'object' || value === null) return false;
  const target = value as Record<string, unknown>;
  return isText(target.srcUrl) && (target.tabId === null || typeof target.tabId === 'number') && typeof target.frameId === 'number';
}

/** Messages cross a trust boundary: check the shape before acting on one. */
export function isExtensionMessage(message: unknown): message is ExtensionMessage {
  if (typeof message !== 'object' || message === null) return false;
  const fields = message as Record<string, unknown>;
  switch (fields.type) {
    case 'retry-scan':
    case 'cancel-scan':
    case 'receipt-changed':
    case 'receipt-progress':
      return isText(fields.receiptId);
    case 'receipt-duplicate':
      return isText(fields.receiptId) && isText(fields.existingId);
    case 'scans-deleted':
    case 'scans-restored':
      return isIdList(fields.receiptIds);
    case 'popup-opened':
      return true;
    case 'scan-file':
      return isText(fields.name) && fields.name.length <= 1000 && typeof fields.base64 === 'string' && fields.base64.length <= MAX_FILE_BASE64;
    case 'scan-batch':
      return Array.isArray(fields.targets) && fields.targets.length <= 500 && fields.targets.every(isScanTarget);
    default:
      return false;
  }
}

/**
 * Worker → the page that runs what a service worker cannot (Chrome's offscreen document; on Firefox, a frame in the
 * background page): pdf.js for PDFs, Tesseract for reading on this device. Bytes travel as base64: messages between
 * contexts carry text only in Chrome.
 */
export type OffscreenRequest =
  | { target: 'offscreen'; task: 'read-pdf'; base64: string; limitBytes: number }
  | { target: 'offscreen'; task: 'read-on-device'; base64: string; mime: string; receiptId: string }
  /** The scan was cancelled or ran out of time: the engine lets go of it. No answer. */
  | { target: 'offscreen'; task: 'stop-on-device'; receiptId: string };

/** What the page read: text (a PDF's own, or Tesseract's), or a PDF's first pages drawn as a JPEG (base64) to send to OCR. */
export type OffscreenAnswer =
  | { ok: true; kind: 'text'; page: OcrPage; pageCount: number }
  | { ok: true; kind: 'drawn'; base64: string; width: number; height: number; pageCount: number }
  | { ok: false; error: ScanError };

export function isOffscreenRequest(message: unknown): message is OffscreenRequest {
  if (typeof message !== 'object' || message === null) return false;
  const fields = message as Record<string, unknown>;
  if (fields.target !== 'offscreen') return false;
  if (fields.task === 'stop-on-device') return isText(fields.receiptId);
  if (typeof fields.base64 !== 'string') return false;
  if (fields.task === 'read-pdf') return typeof fields.limitBytes === 'number';
  return fields.task === 'read-on-device' && isText(fields.mime) && isText(fields.receiptId);
}
