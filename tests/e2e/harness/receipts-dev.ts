import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The shared receipts, used by path and never copied into the repository. */
export const RECEIPTS_DEV_DIR = resolve(process.env.RECEIPTS_DEV_DIR ?? fileURLToPath(new URL('../../../../shared/receipts-dev', import.meta.url)));

export interface ReceiptTruth {
  merchant: string;
  /** The ISO date(s) the printed date means. */
  date: string[];
  total: string;
}

export const readReceiptImage = (id: string): Promise<Buffer> => readFile(resolve(RECEIPTS_DEV_DIR, 'images', `${id}.jpg`));

export async function readTruth(id: string): Promise<ReceiptTruth> {
  const truth = JSON.parse(await readFile(resolve(RECEIPTS_DEV_DIR, 'truth', `${id}.json`), 'utf8')) as ReceiptTruth;
  return { merchant: truth.merchant, date: truth.date, total: truth.total };
}

/** The answer OCR.space recorded for this receipt, to queue on the test server when the uploaded bytes are not the fixture's. */
export async function readOcrAnswer(id: string): Promise<unknown> {
  return JSON.parse(await readFile(resolve(RECEIPTS_DEV_DIR, 'ocrspace', `${id}.json`), 'utf8'));
}

/** The text OCR.space read on this receipt, as recorded. */
export async function readParsedText(id: string): Promise<string> {
  const answer = (await readOcrAnswer(id)) as { ParsedResults?: { ParsedText?: unknown }[] };
  const text = answer.ParsedResults?.[0]?.ParsedText;
  if (typeof text !== 'string') throw new Error(`${id}: the recorded answer has no ParsedText`);
  return text;
}

export const sha256 = (bytes: Uint8Array): string => createHash('sha256').update(bytes).digest('hex');

const lettersAndDigits = (text: string) => text.normalize('NFKD').toLowerCase().replace(/[^\p{L}\p{N}]/gu, '');

function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i += 1) {
    const current = [i];
    for (let j = 1; j <= b.length; j += 1) {
      const substitution = (previous[j - 1] ?? 0) + (a[i - 1] === b[j - 1] ? 0 : 1);
      current.push(Math.min((previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1, substitution));
    }
    previous = current;
  }
  return previous[b.length] ?? 0;
}

/** Merchant names are judged on letters and digits, case-folded, and close spellings count (at most 1 edit in 5). */
export function isCloseMerchant(shown: string | null | undefined, truth: string): boolean {
  if (!shown) return false;
  const a = lettersAndDigits(shown);
  const b = lettersAndDigits(truth);
  if (a.length === 0) return false;
  return editDistance(a, b) <= Math.floor(Math.max(a.length, b.length) / 5);
}
