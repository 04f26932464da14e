/**
 * Accuracy and speed of the receipt parser, per folder of OCR.space answers, against the truth beside them.
 *
 *   npm run bench:parser                       the clean and real-OCR answers of ../shared/receipts-dev and receipts-world
 *   npm run bench:parser -- DIR...             a set (DIR/ocrspace, DIR/tesseract) or one folder of answers (truth in ../truth)
 *   options: --misses [merchant|date|total]    list the misses; --date-order auto|dmy|mdy|ymd; --locale en-US
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { readOcrAnswer } from '../utils/ocr/ocr-answer';
import type { OcrPage, ParsedReceipt } from '../utils/receipt';
import { parseReceipt, type ParseOptions } from '../utils/receipt-parser/index';
import { SURE_CONFIDENCE } from '../utils/receipt';
import type { DateOrder } from '../utils/settings';
import { JUDGED_FIELDS, judgeField, readTruth, textHolds, type JudgedField, type ReceiptTruth } from '../tests/receipt-parser/receipt-truth';

const DEFAULT_SETS = ['../shared/receipts-dev', '../shared/receipts-world'];
const ANSWER_FOLDERS = ['ocrspace', 'tesseract'];
const ORDERS: readonly DateOrder[] = ['auto', 'dmy', 'mdy', 'ymd'];
const MIN_BENCH_MS = 2000;

interface Case {
  id: string;
  page: OcrPage;
  truth: ReceiptTruth;
}

interface FieldScore {
  labelled: number;
  right: number;
  held: number;
  sure: number;
  sureRight: number;
  misses: string[];
}

/** A set folder stands for its answer folders; an answer folder stands for itself. */
function expandFolders(args: readonly string[]): string[] {
  return args.flatMap((dir) => {
    const inside = ANSWER_FOLDERS.map((name) => join(dir, name)).filter((folder) => existsSync(folder));
    return inside.length > 0 ? inside : [dir];
  });
}

function readCases(folder: string): Case[] {
  const truthDir = join(dirname(folder), 'truth');
  const cases: Case[] = [];
  for (const name of readdirSync(folder).filter((file) => file.endsWith('.json')).sort()) {
    const id = name.slice(0, -5);
    const answer = readOcrAnswer(200, readFileSync(join(folder, name), 'utf8'));
    const truth = readTruth(join(truthDir, name));
    if (answer.ok && truth) cases.push({ id, page: answer.page, truth });
    else console.log(`skipped ${id}: ${answer.ok ? 'no truth' : answer.error.message}`);
  }
  return cases;
}

function scoreFolder(cases: readonly Case[], options: ParseOptions): Record<JudgedField, FieldScore> {
  const empty = (): FieldScore => ({ labelled: 0, right: 0, held: 0, sure: 0, sureRight: 0, misses: [] });
  const scores: Record<JudgedField, FieldScore> = { merchant: empty(), date: empty(), total: empty() };
  for (const { id, page, truth } of cases) {
    const parsed: ParsedReceipt = parseReceipt(page, options);
    for (const field of JUDGED_FIELDS) {
      const right = judgeField(field, truth, parsed[field]);
      if (right === undefined) continue;
      const score = scores[field];
      const sure = parsed[field] !== null && parsed.confidence[field] >= SURE_CONFIDENCE;
      // A value read right was in the text, whatever form the ceiling's patterns missed.
      const held = right || textHolds(field, truth, page.text) === true;
      score.labelled += 1;
      score.right += right ? 1 : 0;
      score.held += held ? 1 : 0;
      score.sure += sure ? 1 : 0;
      score.sureRight += sure && right ? 1 : 0;
      const expected = field === 'date' ? truth.date : truth[field];
      if (!right) score.misses.push(`${id}\t${held ? 'in text' : 'not in text'}\t${sure ? 'SURE ' : ''}expected ${JSON.stringify(expected)}\tgot ${JSON.stringify(parsed[field])}`);
    }
  }
  return scores;
}

const percent = (part: number, whole: number): string => (whole === 0 ? '    -' : `${((part / whole) * 100).toFixed(1).padStart(5)}%`);

function printScores(label: string, count: number, scores: Record<JudgedField, FieldScore>, showMisses: JudgedField[]): void {
  for (const field of showMisses) {
    console.log(`\n${label}: ${field} misses (${scores[field].misses.length})`);
    for (const line of scores[field].misses) console.log(`  ${line}`);
  }
  console.log(`\n${label}: ${count} receipts`);
  console.log('field       right  ceiling  of ceiling    sure  sure right');
  for (const field of JUDGED_FIELDS) {
    const { labelled, right, held, sure, sureRight } = scores[field];
    console.log(`${field.padEnd(9)} ${percent(right, labelled)}   ${percent(held, labelled)}      ${percent(right, held)}  ${percent(sure, labelled)}      ${percent(sureRight, sure)}`);
  }
  const all = JUDGED_FIELDS.map((field) => scores[field]);
  const sum = (pick: (score: FieldScore) => number) => all.reduce((total, score) => total + pick(score), 0);
  console.log(`sure fields: ${percent(sum((s) => s.sure), sum((s) => s.labelled))} of fields, right ${percent(sum((s) => s.sureRight), sum((s) => s.sure))}`);
}

function measureSpeed(pages: readonly OcrPage[], options: ParseOptions): void {
  // Warm the JIT first, as a long-running extension would be.
  for (let pass = 0; pass < 3; pass++) for (const page of pages) parseReceipt(page, options);
  let parsedCount = 0;
  const started = performance.now();
  while (performance.now() - started < MIN_BENCH_MS) {
    for (const page of pages) parseReceipt(page, options);
    parsedCount += pages.length;
  }
  const seconds = (performance.now() - started) / 1000;
  console.log(`\nspeed ${Math.round(parsedCount / seconds)} receipts/s over all folders (parse only, ${parsedCount} parses)`);
}

function main(args: string[]): number {
  let dateOrder: DateOrder = 'auto';
  // The browser passes navigator.language; 'en-US' is the one the extension meets most.
  let locale = 'en-US';
  const showMisses: JudgedField[] = [];
  const dirs: string[] = [];
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
    } else if (arg === '--misses') {
      const next = JUDGED_FIELDS.find((field) => field === args[i + 1]);
      if (next) i += 1;
      showMisses.push(...(next ? [next] : JUDGED_FIELDS));
    } else {
      dirs.push(arg);
    }
  }
  const options: ParseOptions = { dateOrder, locale, defaultCurrency: '', today: new Date() };
  const folders = expandFolders(dirs.length > 0 ? dirs : DEFAULT_SETS);
  const pages: OcrPage[] = [];
  for (const folder of folders) {
    if (!existsSync(folder)) {
      console.error(`No such folder: ${folder}`);
      return 2;
    }
    const cases = readCases(folder);
    pages.push(...cases.map((entry) => entry.page));
    printScores(`${basename(dirname(folder))}/${basename(folder)}`, cases.length, scoreFolder(cases, options), showMisses);
  }
  console.log(`\ndate order ${dateOrder}, locale ${locale === '' ? '(none)' : locale}; "sure" is confidence >= ${SURE_CONFIDENCE}; "ceiling" the share whose OCR text holds the true value`);
  measureSpeed(pages, options);
  return 0;
}

process.exitCode = main(process.argv.slice(2));
