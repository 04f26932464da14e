import { readFile } from 'node:fs/promises';
import type { Journey } from '../fixtures';
import type { StoredReceipt } from './background-driver';
import { readReceiptImage, sha256 } from './receipts-dev';

export interface ScannedReceipt {
  image: string;
  receipt: StoredReceipt;
  /** SHA-256 of the shared image it was scanned from. */
  sourceSha256: string;
}

/** Scans the shared images one after the other from one page and waits until each is done. */
export async function scanReceipts(journey: Journey, images: readonly string[]): Promise<ScannedReceipt[]> {
  const { background, pages } = journey;
  const page = await journey.openWebPage(pages.receiptsPageUrl(images));
  const scanned: ScannedReceipt[] = [];
  for (const image of images) {
    const id = await background.scanImage(pages.imageUrl(image), page.url());
    const receipt = await background.waitForReceipt(id);
    if (receipt.status !== 'done') throw new Error(`${image} ended ${receipt.status}: ${JSON.stringify(receipt.error)}`);
    scanned.push({ image, receipt, sourceSha256: sha256(await readReceiptImage(image)) });
  }
  return scanned;
}

/** RFC 4180: fields separated by commas, records by CRLF, quoted fields with doubled quotes; the final CRLF ends the last record. */
export function parseCsv(text: string): string[][] {
  const records: string[][] = [];
  let record: string[] = [];
  let field = '';
  let i = 0;
  while (i < text.length) {
    if (text[i] === '"' && field === '') {
      i += 1;
      while (i < text.length) {
        if (text[i] === '"' && text[i + 1] === '"') {
          field += '"';
          i += 2;
        } else if (text[i] === '"') {
          i += 1;
          break;
        } else {
          field += text[i];
          i += 1;
        }
      }
    } else if (text[i] === ',') {
      record.push(field);
      field = '';
      i += 1;
    } else if (text.startsWith('\r\n', i)) {
      record.push(field);
      records.push(record);
      record = [];
      field = '';
      i += 2;
    } else if (text[i] === '\n' || text[i] === '\r') {
      throw new Error(`A bare ${text[i] === '\n' ? 'LF' : 'CR'} at character ${i}: records must end with CRLF`);
    } else {
      field += text[i];
      i += 1;
    }
  }
  if (field !== '' || record.length > 0) throw new Error('The last record does not end with CRLF');
  return records;
}

/** The bytes of a completed download, read from where Chrome wrote it. */
export const readDownload = (filename: string): Promise<Buffer> => readFile(filename);

/** Today as the extension names its files (UTC, as `toISOString`). */
export const todayForFileNames = (): string => new Date().toISOString().slice(0, 10);
