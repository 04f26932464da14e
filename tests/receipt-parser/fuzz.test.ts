import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readOcrAnswer, type OcrAnswer } from '../../utils/ocr/ocr-answer';
import { FIELD_NAMES, type OcrPage, type ParsedReceipt } from '../../utils/receipt';
import { parseReceipt, type ParseOptions } from '../../utils/receipt-parser';

/** Reproduce a failure with FUZZ_SEED=<seed> npx vitest run tests/fuzz.test.ts; every input follows from the seed. */
const SEED = Number(process.env.FUZZ_SEED ?? 0x5eed_2024);
const INPUTS = 10_000;
const SLOW_INPUT_MS = 1_000;

const ANSWERS_DIR = new URL('../../../shared/receipts-dev/ocrspace/', import.meta.url);
const answers = readdirSync(ANSWERS_DIR)
  .filter((name) => name.endsWith('.json'))
  .sort()
  .map((name) => readFileSync(new URL(name, ANSWERS_DIR), 'utf8'));
/** Parsed once: generating inputs should not cost more than reading them. */
const answerTrees = answers.map((answer): Json => JSON.parse(answer));
const answerPages = answers.map((answer): OcrPage => {
  const read = readOcrAnswer(200, answer);
  return read.ok ? read.page : { text: '', lines: [] };
});

/** mulberry32: small, fast and the same on every machine. */
function createRandom(seed: number) {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (below: number) => Math.floor(next() * below);
  function pick<T>(choices: readonly T[]): T {
    const choice = choices[int(choices.length)];
    if (choice === undefined) throw new Error('pick from an empty list');
    return choice;
  }
  return { next, int, pick };
}
type Random = ReturnType<typeof createRandom>;

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

const UNICODE_SAMPLES = ['\u0000', '\uFFFD', '\uD800', '\uDC00', '\u202E', '\u200B', '\uFEFF', '€', '£', '¥', '₹', 'RM', '٣٫٥٠', '１２．５０', '𝟗.𝟎𝟎', '🧾', '👨‍👩‍👧', 'e\u0301', 'ß', 'İ', '\r', '\n', '\t', '\u2028', '"', '\\', '<script>', '%', ',', '.', '-', '/'];
const HUGE_NUMBERS = [1e308, -1e308, 1.7976931348623157e308, 9007199254740993, -0, 1e-320, 2 ** 53, 1e21, 123456789012345680000];
/** Longest digit run fed as an amount: far past 1e21, where a float would print "1e+21". */
const MAX_AMOUNT_DIGITS = 60;
const HOSTILE_TEXT = [
  `TOTAL ${'9'.repeat(MAX_AMOUNT_DIGITS)}.99`,
  'TOTAL -0.00',
  'TOTAL 1e308',
  'TOTAL 9,99,99,999.999.99',
  'TOTAL RM 12.5O',
  'DATE 31/02/2018',
  'DATE 00/00/0000',
  'DATE 2018-13-45',
  'DATE 29/02/2100',
  '25.12.2018 25:61',
  '9999-12-31 23:59',
  'SUBTOTAL 10.00 TAX 1.00 TOTAL 9.00 CHANGE 100.00',
  'TOTAL\t\t\t\t',
  '1 x 2 x 3 x 4.00',
  '.........................................',
];

function randomUnicode(random: Random, length: number): string {
  let text = '';
  for (let index = 0; index < length; index += 1) {
    text += random.next() < 0.3 ? random.pick(UNICODE_SAMPLES) : String.fromCodePoint(random.pick([random.int(0x80), random.int(0x3000), random.int(0x110000)]));
  }
  return text;
}

function randomValue(random: Random, depth = 0): Json {
  switch (random.int(depth > 2 ? 5 : 7)) {
    case 0:
      return null;
    case 1:
      return random.next() < 0.5;
    case 2:
      return random.next() < 0.5 ? random.pick(HUGE_NUMBERS) : (random.next() - 0.5) * 10 ** random.int(12);
    case 3:
      return randomUnicode(random, random.int(20));
    case 4:
      return random.pick(['', '12', '-5', 'NaN', 'Infinity', '0x10', ' 7 ', '1e400', 'TOTAL 9.00']);
    case 5:
      return Array.from({ length: random.int(4) }, () => randomValue(random, depth + 1));
    default:
      return Object.fromEntries(Array.from({ length: random.int(4) }, () => [random.pick(['ParsedText', 'Words', 'Lines', 'Left', 'WordText', 'x']), randomValue(random, depth + 1)]));
  }
}

/** Every container (object or array) in a JSON value, with the keys to reach into it. */
function containers(root: Json): Array<{ node: Json[] | { [key: string]: Json }; keys: Array<string | number> }> {
  const found: Array<{ node: Json[] | { [key: string]: Json }; keys: Array<string | number> }> = [];
  const visit = (node: Json) => {
    if (Array.isArray(node)) {
      found.push({ node, keys: node.map((_, index) => index) });
      node.forEach(visit);
    } else if (node !== null && typeof node === 'object') {
      found.push({ node, keys: Object.keys(node) });
      Object.values(node).forEach(visit);
    }
  };
  visit(root);
  return found;
}

function read(container: Json[] | { [key: string]: Json }, key: string | number): Json | undefined {
  return Array.isArray(container) ? container[Number(key)] : container[String(key)];
}

function write(container: Json[] | { [key: string]: Json }, key: string | number, value: Json | undefined): void {
  if (Array.isArray(container)) {
    if (value === undefined) container.splice(Number(key), 1);
    else container[Number(key)] = value;
  } else if (value === undefined) delete container[String(key)];
  else container[String(key)] = value;
}

/** Changes one value somewhere in the answer: a swapped type, a huge number, random text, a deleted or doubled entry. */
function mutateStructure(random: Random, root: Json): void {
  const places = containers(root);
  if (places.length === 0) return;
  const { node, keys } = random.pick(places);
  if (keys.length === 0) return;
  const key = random.pick(keys);
  const current = read(node, key);
  switch (random.int(7)) {
    case 0:
      return write(node, key, undefined);
    case 1:
      if (Array.isArray(node)) node.splice(Number(key), 0, structuredClone(current ?? null));
      return;
    case 2:
      return write(node, key, random.pick(HUGE_NUMBERS));
    case 3:
      return write(node, key, typeof current === 'string' ? current + randomUnicode(random, random.int(8)) : randomUnicode(random, 5));
    case 4:
      return write(node, key, typeof current === 'number' ? String(current) : typeof current === 'string' && current.trim() !== '' && Number.isFinite(Number(current)) ? Number(current) : randomValue(random));
    case 5:
      return write(node, key, 'x'.repeat(5_000 + random.int(20_000)));
    default:
      return write(node, key, randomValue(random));
  }
}

/** Rewrites ParsedText line by line: deletions, doubles, swaps, hostile and very long lines. */
function mutateText(random: Random, text: string): string {
  const lines = text.split('\r\n');
  for (let change = random.int(6) + 1; change > 0; change -= 1) {
    const at = random.int(lines.length + 1);
    switch (random.int(6)) {
      case 0:
        lines.splice(at, 1);
        break;
      case 1:
        lines.splice(at, 0, lines[at] ?? '');
        break;
      case 2:
        lines.splice(at, 0, random.pick(HOSTILE_TEXT));
        break;
      case 3:
        lines.splice(at, 0, `${random.pick(HOSTILE_TEXT)} ${'9'.repeat(random.int(MAX_AMOUNT_DIGITS + 1))} ${'x'.repeat(random.int(25_000))}`);
        break;
      case 4:
        lines.splice(at, 1, randomUnicode(random, random.int(60)));
        break;
      default:
        lines.reverse();
    }
  }
  return lines.join(random.next() < 0.8 ? '\r\n' : random.pick(['\n', '\r', '\u2028', '']));
}

/** Damages the answer as bytes on the wire would be damaged: flips, cuts, lost or doubled lines. */
function mutateBytes(random: Random, body: string): string {
  const chars = [...body.slice(0, 200_000)];
  switch (random.int(4)) {
    case 0: {
      for (let flips = random.int(20) + 1; flips > 0; flips -= 1) chars[random.int(chars.length)] = String.fromCharCode(random.int(256));
      return chars.join('');
    }
    case 1:
      return body.slice(0, random.int(body.length));
    case 2: {
      const lines = body.split('\n');
      for (let change = random.int(10) + 1; change > 0; change -= 1) {
        const at = random.int(lines.length);
        if (random.next() < 0.5) lines.splice(at, 1);
        else lines.splice(at, 0, lines[at] ?? '');
      }
      return lines.join('\n');
    }
    default: {
      const at = random.int(body.length);
      return body.slice(0, at) + randomUnicode(random, random.int(30)) + body.slice(at);
    }
  }
}

type FuzzInput = { kind: string; status: number; body: string } | { kind: string; page: OcrPage };

const finite = (random: Random) => random.pick([0, -1, 1e9, -1e9, Number.NaN, Number.POSITIVE_INFINITY, random.int(3000)]);

function makeInput(random: Random): FuzzInput {
  const which = random.int(answers.length);
  const roll = random.next();
  if (roll < 0.3) return { kind: 'bytes', status: 200, body: mutateBytes(random, answers[which] ?? '') };
  if (roll < 0.6) {
    const json = structuredClone(answerTrees[which] ?? null);
    for (let changes = random.int(4) + 1; changes > 0; changes -= 1) mutateStructure(random, json);
    return { kind: 'structure', status: 200, body: JSON.stringify(json) };
  }
  if (roll < 0.85) {
    const base = answerPages[which] ?? { text: '', lines: [] };
    const text = mutateText(random, base.text);
    const lines = random.next() < 0.5 ? [] : base.lines.filter(() => random.next() < 0.9);
    return { kind: 'text', page: { text, lines } };
  }
  if (roll < 0.93) {
    const words = Array.from({ length: random.int(40) }, () => ({
      text: random.next() < 0.5 ? random.pick(HOSTILE_TEXT) : randomUnicode(random, random.int(12)),
      left: finite(random),
      top: finite(random),
      width: finite(random),
      height: finite(random),
    }));
    return { kind: 'boxes', page: { text: randomUnicode(random, random.int(200)), lines: [{ words }, { words: [] }, { words: words.slice().reverse() }] } };
  }
  const status = random.pick([200, 200, 200, 201, 204, 301, 400, 401, 403, 404, 429, 500, 502, 999, 0, -1]);
  const body = random.next() < 0.5 ? randomUnicode(random, random.int(500)) : JSON.stringify(randomValue(random));
  return { kind: 'random', status, body };
}

const AMOUNT = /^-?\d+(\.\d+)?$/;

function isIsoDate(date: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const parsed = new Date(Date.UTC(year, month - 1, day));
  return parsed.getUTCFullYear() === year && parsed.getUTCMonth() === month - 1 && parsed.getUTCDate() === day;
}

/** What is wrong with a parsed receipt, or nothing. */
function receiptProblems(receipt: ParsedReceipt): string[] {
  const problems: string[] = [];
  for (const name of ['total', 'subtotal', 'tax', 'tip'] as const) {
    const amount = receipt[name];
    if (amount !== null && !(typeof amount === 'string' && AMOUNT.test(amount))) problems.push(`${name} ${JSON.stringify(amount)}`);
  }
  if (receipt.date !== null && !isIsoDate(receipt.date)) problems.push(`date ${JSON.stringify(receipt.date)}`);
  if (receipt.time !== null && !/^([01]\d|2[0-3]):[0-5]\d$/.test(receipt.time)) problems.push(`time ${JSON.stringify(receipt.time)}`);
  if (receipt.currency !== null && !/^[A-Z]{3}$/.test(receipt.currency)) problems.push(`currency ${JSON.stringify(receipt.currency)}`);
  if (receipt.merchant !== null && typeof receipt.merchant !== 'string') problems.push(`merchant ${JSON.stringify(receipt.merchant)}`);
  if (!Array.isArray(receipt.items)) problems.push('items is not a list');
  else {
    receipt.items.forEach((item, index) => {
      if (typeof item.description !== 'string') problems.push(`items[${index}].description`);
      if (item.amount !== null && !AMOUNT.test(item.amount)) problems.push(`items[${index}].amount ${JSON.stringify(item.amount)}`);
      if (item.quantity !== null && !Number.isFinite(item.quantity)) problems.push(`items[${index}].quantity ${item.quantity}`);
    });
  }
  for (const name of FIELD_NAMES) {
    const confidence = receipt.confidence[name];
    if (!(confidence >= 0 && confidence <= 1)) problems.push(`confidence.${name} ${confidence}`);
  }
  for (const [name, box] of Object.entries(receipt.boxes ?? {})) {
    if (![box.left, box.top, box.width, box.height].every(Number.isFinite)) problems.push(`boxes.${name} ${JSON.stringify(box)}`);
  }
  return problems;
}

/** What is wrong with an OCR answer as read, or nothing. */
function answerProblems(answer: OcrAnswer): string[] {
  if (!answer.ok) {
    const { code, message, retryable } = answer.error;
    return typeof code === 'string' && typeof message === 'string' && message.length > 0 && message.length < 1000 && typeof retryable === 'boolean' ? [] : [`error ${JSON.stringify(answer.error)}`];
  }
  const { text, lines } = answer.page;
  const problems = typeof text === 'string' ? [] : ['text is not a string'];
  for (const word of lines.flatMap((line) => line.words)) {
    if (typeof word.text !== 'string' || ![word.left, word.top, word.width, word.height].every(Number.isFinite)) problems.push(`word ${JSON.stringify(word).slice(0, 200)}`);
  }
  return problems;
}

function parseOptions(random: Random): Partial<ParseOptions> {
  return {
    dateOrder: random.pick(['auto', 'dmy', 'mdy', 'ymd'] as const),
    defaultCurrency: random.pick(['', 'MYR', 'USD', 'EUR', 'KWD', 'JPY']),
    locale: random.pick(['en-GB', 'en-US', 'de-DE', 'ms-MY', 'ja-JP', '', 'not a locale']),
    today: new Date(Date.UTC(2024, random.int(12), 1 + random.int(28))),
  };
}

interface Finding {
  input: number;
  kind: string;
  problem: string;
}

describe('fuzzing the OCR answer reader and the receipt parser', () => {
  it(`reads ${INPUTS} random and mutated inputs without throwing, hanging or malformed output (FUZZ_SEED=${SEED})`, () => {
    expect(answers.length).toBeGreaterThan(300);
    const random = createRandom(SEED);
    const findings: Finding[] = [];
    const counts: Record<string, number> = {};
    let slowest = { input: -1, ms: 0 };
    const started = performance.now();
    for (let input = 0; input < INPUTS; input += 1) {
      const fuzz = makeInput(random);
      const options = parseOptions(random);
      counts[fuzz.kind] = (counts[fuzz.kind] ?? 0) + 1;
      const report = (problem: string) => findings.push({ input, kind: fuzz.kind, problem });
      const inputStarted = performance.now();
      try {
        let page: OcrPage | null = 'page' in fuzz ? fuzz.page : null;
        if ('body' in fuzz) {
          const answer = readOcrAnswer(fuzz.status, fuzz.body);
          answerProblems(answer).forEach(report);
          page = answer.ok ? answer.page : null;
        }
        if (page) {
          receiptProblems(parseReceipt(page, options)).forEach(report);
          counts.parsed = (counts.parsed ?? 0) + 1;
        }
      } catch (error) {
        report(`threw ${error instanceof Error ? error.stack : String(error)}`);
      }
      const ms = performance.now() - inputStarted;
      if (ms > slowest.ms) slowest = { input, ms };
      if (ms > SLOW_INPUT_MS) report(`took ${Math.round(ms)} ms`);
    }
    const seconds = (performance.now() - started) / 1000;
    console.info(`fuzz seed ${SEED}: ${INPUTS} inputs ${JSON.stringify(counts)} in ${seconds.toFixed(1)} s; slowest #${slowest.input} ${slowest.ms.toFixed(0)} ms`);
    // One example of each kind of finding, digits folded, so a single bug does not hide the others.
    const distinct = [...new Map(findings.map((finding) => [finding.problem.replace(/\d+/g, 'N').slice(0, 80), finding])).values()];
    expect(distinct.slice(0, 20), `FUZZ_SEED=${SEED}: ${findings.length} findings`).toEqual([]);
  }, 60_000);
});
