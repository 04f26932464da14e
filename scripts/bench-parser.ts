/** Accuracy and speed of the receipt parser over DIR/ocrspace against DIR/truth: npm run bench:parser -- DIR [--date-order auto|dmy|mdy|ymd] [--locale en-US] */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { readOcrAnswer } from '../utils/ocr/ocr-answer';
import type { OcrPage, ParsedReceipt } from '../utils/receipt';
import { parseReceipt } from '../utils/receipt-parser/index';
import type { DateOrder } from '../utils/settings';

interface Truth {
  merchant: string;
  date: string[];
  total: string;
}

const MIN_BENCH_MS = 2000;
const ORDERS: readonly DateOrder[] = ['auto', 'dmy', 'mdy', 'ymd'];

/** Letters and digits only, case-folded: how a merchant name is compared. */
const foldName = (text: string): string => text.toLowerCase().normalize('NFD').replace(/[^\p{L}\p{N}]|\p{M}/gu, '');

function measureLevenshtein(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      current[j] = Math.min((previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1, (previous[j - 1] ?? 0) + cost);
    }
    previous = current;
  }
  return previous[b.length] ?? 0;
}

function isSameMerchant(expected: string, got: string | null): boolean {
  const a = foldName(expected);
  const b = foldName(got ?? '');
  if (a === '' || b === '') return a === b;
  if (a.includes(b) || b.includes(a)) return true;
  return 1 - measureLevenshtein(a, b) / Math.max(a.length, b.length) >= 0.8;
}

const isSameTotal = (expected: string, got: string | null): boolean =>
  got !== null && Math.abs(Number(expected) - Number(got)) < 0.005;

function readTruth(file: string): Truth | undefined {
  try {
    const value: unknown = JSON.parse(readFileSync(file, 'utf8'));
    if (typeof value !== 'object' || value === null) return undefined;
    const fields = value as Record<string, unknown>;
    const dates = Array.isArray(fields.date) ? fields.date.filter((d): d is string => typeof d === 'string') : [];
    return { merchant: String(fields.merchant ?? ''), date: dates, total: String(fields.total ?? '') };
  } catch {
    return undefined;
  }
}

function main(): number {
  const args = process.argv.slice(2);
  let dateOrder: DateOrder = 'auto';
  // The browser passes navigator.language; 'en-US' is the one the extension meets most.
  let locale = 'en-US';
  let dir: string | undefined;
  for (let i = 0; i < args.length; i++) {
    const arg = args[i] ?? '';
    if (arg === '--date-order') {
      const value = args[++i] ?? '';
      const order = ORDERS.find((candidate) => candidate === value);
      if (!order) {
        console.error(`--date-order must be one of ${ORDERS.join(', ')}; got "${value}".`);
        return 2;
      }
      dateOrder = order;
    } else if (arg === '--locale') {
      locale = args[++i] ?? '';
    } else {
      dir = arg;
    }
  }
  if (dir === undefined) {
    console.error('Usage: npm run bench:parser -- DIR [--date-order auto|dmy|mdy|ymd] [--locale en-US]');
    return 2;
  }
  const ids = readdirSync(join(dir, 'ocrspace')).filter((name) => name.endsWith('.json')).map((name) => name.slice(0, -5)).sort();
  const cases: Array<{ id: string; page: OcrPage; truth: Truth }> = [];
  for (const id of ids) {
    const answer = readOcrAnswer(200, readFileSync(join(dir, 'ocrspace', `${id}.json`), 'utf8'));
    const truth = readTruth(join(dir, 'truth', `${id}.json`));
    if (answer.ok && truth) cases.push({ id, page: answer.page, truth });
    else console.log(`skipped ${id}: ${answer.ok ? 'no truth' : answer.error.message}`);
  }
  const options = { dateOrder, locale, defaultCurrency: '', today: new Date() };
  const misses: Record<'merchant' | 'date' | 'total', string[]> = { merchant: [], date: [], total: [] };
  for (const { id, page, truth } of cases) {
    const parsed: ParsedReceipt = parseReceipt(page, options);
    if (!isSameMerchant(truth.merchant, parsed.merchant)) misses.merchant.push(`${id}\texpected ${JSON.stringify(truth.merchant)}\tgot ${JSON.stringify(parsed.merchant)}`);
    if (parsed.date === null || !truth.date.includes(parsed.date)) misses.date.push(`${id}\texpected ${JSON.stringify(truth.date)}\tgot ${JSON.stringify(parsed.date)}`);
    if (!isSameTotal(truth.total, parsed.total)) misses.total.push(`${id}\texpected ${JSON.stringify(truth.total)}\tgot ${JSON.stringify(parsed.total)}`);
  }
  for (const [field, list] of Object.entries(misses)) {
    console.log(`\n${field} misses (${list.length}):`);
    for (const line of list) console.log(`  ${line}`);
  }
  // Warm the JIT first, as a long-running extension would be.
  for (let pass = 0; pass < 5; pass++) for (const { page } of cases) parseReceipt(page, options);
  let parsedCount = 0;
  const cpuStarted = process.cpuUsage();
  const started = performance.now();
  while (performance.now() - started < MIN_BENCH_MS) {
    for (const { page } of cases) parseReceipt(page, options);
    parsedCount += cases.length;
  }
  const seconds = (performance.now() - started) / 1000;
  const cpu = process.cpuUsage(cpuStarted);
  const cpuSeconds = (cpu.user + cpu.system) / 1e6;
  console.log(`\n${cases.length} receipts, date order ${dateOrder}, locale ${locale === '' ? '(none)' : locale}`);
  for (const [field, list] of Object.entries(misses)) {
    const share = cases.length === 0 ? 0 : ((cases.length - list.length) / cases.length) * 100;
    console.log(`${field.padEnd(9)} ${share.toFixed(1)}%  (${cases.length - list.length}/${cases.length})`);
  }
  console.log(`speed     ${Math.round(parsedCount / seconds)} receipts/s (parse only, ${parsedCount} parses; ${Math.round(parsedCount / cpuSeconds)}/s of CPU time)`);
  return 0;
}

process.exitCode = main();
