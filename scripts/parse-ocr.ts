/** Prints one JSON line of parsed fields per OCR.space answer file: npm run --silent parse-ocr -- [--date-order auto|dmy|mdy|ymd] [--locale en-US] FILE... */
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { readOcrAnswer } from '../utils/ocr/ocr-answer';
import { parseReceipt } from '../utils/receipt-parser/index';
import type { DateOrder } from '../utils/settings';

const ORDERS: readonly DateOrder[] = ['auto', 'dmy', 'mdy', 'ymd'];

function readArguments(args: readonly string[]): { dateOrder: DateOrder; locale: string; files: string[] } {
  let dateOrder: DateOrder = 'auto';
  // As the browser passes navigator.language.
  let locale = 'en-US';
  const files: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const arg = args[i] ?? '';
    const inline = /^--date-order=(.*)$/.exec(arg);
    if (arg === '--date-order' || inline) {
      const value = inline?.[1] ?? args[++i] ?? '';
      const order = ORDERS.find((candidate) => candidate === value);
      if (!order) throw new Error(`--date-order must be one of ${ORDERS.join(', ')}; got "${value}".`);
      dateOrder = order;
    } else if (arg === '--locale' || arg.startsWith('--locale=')) {
      locale = arg.startsWith('--locale=') ? arg.slice('--locale='.length) : (args[++i] ?? '');
    } else {
      files.push(arg);
    }
  }
  return { dateOrder, locale, files };
}

function main(): number {
  let options: ReturnType<typeof readArguments>;
  try {
    options = readArguments(process.argv.slice(2));
  } catch (error) {
    console.error(error instanceof Error ? error.message : String(error));
    return 2;
  }
  if (options.files.length === 0) {
    console.error('Usage: npm run --silent parse-ocr -- [--date-order auto|dmy|mdy|ymd] [--locale en-US] FILE...');
    return 2;
  }
  let failures = 0;
  for (const file of options.files) {
    const id = basename(file).replace(/\.json$/i, '');
    let body: string;
    try {
      body = readFileSync(file, 'utf8');
    } catch (error) {
      failures++;
      console.log(JSON.stringify({ id, error: `Could not read ${file}: ${error instanceof Error ? error.message : String(error)}` }));
      continue;
    }
    const answer = readOcrAnswer(200, body);
    if (!answer.ok) {
      failures++;
      console.log(JSON.stringify({ id, error: answer.error.message }));
      continue;
    }
    const receipt = parseReceipt(answer.page, { dateOrder: options.dateOrder, locale: options.locale, defaultCurrency: '' });
    const { merchant, date, total, currency, subtotal, tax, tip, time, items, confidence } = receipt;
    console.log(JSON.stringify({ id, merchant, date, total, currency, subtotal, tax, tip, time, items, confidence }));
  }
  return failures > 0 ? 1 : 0;
}

process.exitCode = main();
