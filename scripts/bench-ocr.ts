/**
 * The on-device engine end to end on real photos: each image read by `ocr-local`'s engine (Node, the extension's
 * settings and preprocessing), parsed by the product's parser, judged against the truth; beside it the same parser
 * on the set's Tesseract 5 command-line answers (tesseract/). Prints accuracy per field and seconds per receipt.
 *
 *   npm run bench:ocr                          ../shared/receipts-dev and ../shared/receipts-world
 *   npm run bench:ocr -- --limit 40 DIR...     the first 40 photos of each set; --no-upscale reads images as they are;
 *                                              --grey greys them and stretches their contrast first;
 *                                              --set tessedit_pageseg_mode=6 overrides an engine parameter
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { readOcrAnswer } from '../utils/ocr/ocr-answer';
import type { OcrPage } from '../utils/receipt';
import { parseReceipt, type ParseOptions } from '../utils/receipt-parser/index';
import { JUDGED_FIELDS, judgeField, readTruth, type JudgedField, type ReceiptTruth } from '../tests/receipt-parser/receipt-truth';
import { startLocalEngine, type LocalEngine } from './local-engine';

const DEFAULT_SETS = ['../shared/receipts-dev', '../shared/receipts-world'];

type Tally = Record<JudgedField, { labelled: number; right: number }>;
const newTally = (): Tally => ({ merchant: { labelled: 0, right: 0 }, date: { labelled: 0, right: 0 }, total: { labelled: 0, right: 0 } });

function judge(tally: Tally, page: OcrPage, truth: ReceiptTruth, options: ParseOptions): void {
  const parsed = parseReceipt(page, options);
  for (const field of JUDGED_FIELDS) {
    const right = judgeField(field, truth, parsed[field]);
    if (right === undefined) continue;
    tally[field].labelled += 1;
    tally[field].right += right ? 1 : 0;
  }
}

const percent = ({ labelled, right }: { labelled: number; right: number }) => (labelled === 0 ? '    -' : `${((right / labelled) * 100).toFixed(1).padStart(5)}%`);

async function benchSet(dir: string, engine: LocalEngine, limit: number, options: ParseOptions): Promise<void> {
  const images = readdirSync(join(dir, 'images')).filter((name) => /\.(jpe?g|png)$/i.test(name)).sort().slice(0, limit);
  const device = newTally();
  const cli = newTally();
  const seconds: number[] = [];
  let failed = 0;
  for (const image of images) {
    const id = basename(image).replace(/\.[^.]+$/, '');
    const truth = readTruth(join(dir, 'truth', `${id}.json`));
    if (!truth) continue;
    try {
      const { page, engineMs } = await engine.read(readFileSync(join(dir, 'images', image)));
      seconds.push(engineMs / 1000);
      judge(device, page, truth, options);
    } catch (error) {
      failed += 1;
      console.error(`${id}: not read: ${error instanceof Error ? error.message : String(error)}`);
      continue;
    }
    const cliFile = join(dir, 'tesseract', `${id}.json`);
    const answer = existsSync(cliFile) ? readOcrAnswer(200, readFileSync(cliFile, 'utf8')) : null;
    if (answer?.ok) judge(cli, answer.page, truth, options);
  }
  const sorted = [...seconds].sort((a, b) => a - b);
  const mean = seconds.reduce((sum, value) => sum + value, 0) / Math.max(1, seconds.length);
  const median = sorted[Math.floor(sorted.length / 2)] ?? 0;
  console.log(`\n${dir}: ${seconds.length} photos read on this device${failed ? `, ${failed} failed` : ''}`);
  console.log('field      on device   Tesseract 5 CLI (same photos)');
  for (const field of JUDGED_FIELDS) console.log(`${field.padEnd(9)}     ${percent(device[field])}        ${percent(cli[field])}`);
  console.log(`seconds per receipt: mean ${mean.toFixed(2)}, median ${median.toFixed(2)}, slowest ${(sorted.at(-1) ?? 0).toFixed(2)}`);
}

async function main(args: string[]): Promise<number> {
  let limit = Infinity;
  let upscale = true;
  let grey = false;
  const parameters: Record<string, string> = {};
  const dirs: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const arg = args[i] ?? '';
    if (arg === '--limit') limit = Number(args[++i]);
    else if (arg === '--no-upscale') upscale = false;
    else if (arg === '--grey') grey = true;
    else if (arg === '--set') {
      const [name = '', value = ''] = (args[++i] ?? '').split('=');
      parameters[name] = value;
    }
    else dirs.push(arg);
  }
  if (!(limit > 0)) {
    console.error('--limit takes a positive number of photos a set.');
    return 2;
  }
  const options: ParseOptions = { dateOrder: 'auto', locale: 'en-US', defaultCurrency: '', today: new Date() };
  const started = performance.now();
  const engine = await startLocalEngine({ upscale, grey, parameters });
  console.log(`engine started in ${((performance.now() - started) / 1000).toFixed(2)} s${upscale ? '' : ' (no upscaling)'}${grey ? ' (grey, stretched)' : ''} ${JSON.stringify(parameters)}`);
  try {
    for (const dir of dirs.length > 0 ? dirs : DEFAULT_SETS) await benchSet(dir, engine, limit, options);
  } finally {
    await engine.stop();
  }
  return 0;
}

process.exitCode = await main(process.argv.slice(2));
