import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { readOcrAnswer, type OcrAnswer } from '../../utils/ocr/ocr-answer';
import { createOcrClient } from '../../utils/ocr/ocr-space-client';
import { createMemoryStreamingSupport } from '../../utils/ocr/streaming-support';
import type { OcrLine, OcrPage, ReceiptRecord } from '../../utils/receipt';
import { scanErrors, type ScanError } from '../../utils/scan-error';
import { DEFAULT_SETTINGS } from '../../utils/settings';
import { createScanScene, readDevImage, serveBytes, startTestServer, type ScanScene, type TestServer } from './harness';

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

const word = (text: string, left: number, top: number) => ({ WordText: text, Left: left, Top: top, Width: 10 * text.length, Height: 20 });

/** A small, valid answer: one result, one overlay line of two words. */
const base = (): { [key: string]: Json } => ({
  OCRExitCode: 1,
  IsErroredOnProcessing: false,
  ProcessingTimeInMilliseconds: '120',
  ParsedResults: [
    {
      TextOverlay: { Lines: [{ LineText: 'TOTAL 9.00', Words: [word('TOTAL', 10, 70), word('9.00', 200, 70)] }], HasOverlay: true },
      FileParseExitCode: 1,
      ParsedText: 'TOTAL 9.00\r\n',
      ErrorMessage: '',
    },
  ],
});

const MISSING = Symbol('missing');

/** The base answer with one value replaced (or removed) at a path. */
function answerWith(path: (string | number)[], value: Json | typeof MISSING): string {
  const root: Json = base();
  let parent: Json = root;
  for (const key of path.slice(0, -1)) {
    const next: Json | undefined = Array.isArray(parent) ? parent[Number(key)] : parent !== null && typeof parent === 'object' ? parent[key] : undefined;
    if (next === undefined) throw new Error(`no ${String(key)} in the base answer`);
    parent = next;
  }
  const last = path.at(-1) ?? '';
  if (Array.isArray(parent) && typeof last === 'number') {
    if (value === MISSING) parent.splice(last, 1);
    else parent[last] = value;
  } else if (parent !== null && typeof parent === 'object' && !Array.isArray(parent)) {
    if (value === MISSING) delete parent[last];
    else parent[last] = value;
  }
  return JSON.stringify(root);
}

const WORDS = [
  { text: 'TOTAL', left: 10, top: 70, width: 50, height: 20 },
  { text: '9.00', left: 200, top: 70, width: 40, height: 20 },
];
const LINES: OcrLine[] = [{ words: WORDS }];
const page = (change: Partial<OcrPage> = {}): OcrAnswer => ({ ok: true, page: { text: 'TOTAL 9.00\r\n', lines: LINES, processingMs: 120, ...change } });
const refused = (error: ScanError): OcrAnswer => ({ ok: false, error });
const invalid = (what: string) => refused({ code: 'ocr-invalid-answer', message: `The OCR service answered with something that is not a valid result (${what}).`, retryable: true });
// The engine read the file and gave up: trying the same bytes again fails again, so it is not retried by itself.
const readFailed = (detail: string) => refused({ code: 'ocr-failed', message: `The OCR service could not read the receipt: ${detail}`, retryable: false });

const RESULT = ['ParsedResults', 0];
const LINE = [...RESULT, 'TextOverlay', 'Lines', 0];
const FIRST_WORD = [...LINE, 'Words', 0];

describe('an OCR answer with missing, null or wrongly typed fields at every level', () => {
  it.each<[string, string, OcrAnswer]>([
    ['the answer is null', 'null', invalid('not an object')],
    ['the answer is a number', '42', invalid('not an object')],
    ['the answer is a string', '"TOTAL 9.00"', invalid('not an object')],
    ['the answer is an array', JSON.stringify([base()]), invalid('not an object')],
    ['the answer is cut short', JSON.stringify(base()).slice(0, 80), invalid('not JSON')],
    ['ParsedResults is missing', answerWith(['ParsedResults'], MISSING), invalid('no ParsedResults')],
    ['ParsedResults is null', answerWith(['ParsedResults'], null), invalid('no ParsedResults')],
    ['ParsedResults is a number', answerWith(['ParsedResults'], 3), invalid('no ParsedResults')],
    ['ParsedResults is a string', answerWith(['ParsedResults'], 'TOTAL 9.00'), invalid('no ParsedResults')],
    ['ParsedResults is an object', answerWith(['ParsedResults'], { ParsedText: 'TOTAL 9.00' }), invalid('no ParsedResults')],
    ['ParsedResults is empty', answerWith(['ParsedResults'], []), refused(scanErrors.ocrNoResult())],
    ['ParsedResults holds only null, a number and a string', answerWith(['ParsedResults'], [null, 1, 'x']), invalid('no ParsedResults')],
    ['OCRExitCode is missing', answerWith(['OCRExitCode'], MISSING), page()],
    ['OCRExitCode is a numeric string', answerWith(['OCRExitCode'], '1'), page()],
    ['OCRExitCode is a word', answerWith(['OCRExitCode'], 'ok'), page()],
    ['OCRExitCode is an object', answerWith(['OCRExitCode'], { code: 3 }), page()],
    ['OCRExitCode is 3 beside a good result', answerWith(['OCRExitCode'], 3), readFailed('exit code 3')],
    ['IsErroredOnProcessing is the string "true"', answerWith(['IsErroredOnProcessing'], 'true'), page()],
    ['IsErroredOnProcessing is true without a message', answerWith(['IsErroredOnProcessing'], true), readFailed('exit code 1')],
    ['ErrorMessage is an object', answerWith(['ErrorMessage'], { text: 'x' }), page()],
    ['ProcessingTimeInMilliseconds is a word', answerWith(['ProcessingTimeInMilliseconds'], 'soon'), page({ processingMs: undefined })],
    ['ProcessingTimeInMilliseconds is negative', answerWith(['ProcessingTimeInMilliseconds'], -5), page({ processingMs: undefined })],
    ['a result is null beside nothing else', answerWith(RESULT, null), invalid('no ParsedResults')],
    ['ParsedText is missing', answerWith([...RESULT, 'ParsedText'], MISSING), page({ text: '' })],
    ['ParsedText is null', answerWith([...RESULT, 'ParsedText'], null), page({ text: '' })],
    ['ParsedText is a number', answerWith([...RESULT, 'ParsedText'], 9), page({ text: '' })],
    ['ParsedText is a list of lines', answerWith([...RESULT, 'ParsedText'], ['TOTAL', '9.00']), page({ text: '' })],
    ['FileParseExitCode is the string "-10"', answerWith([...RESULT, 'FileParseExitCode'], '-10'), readFailed('exit code 1')],
    ['FileParseExitCode is null', answerWith([...RESULT, 'FileParseExitCode'], null), page()],
    ['TextOverlay is missing', answerWith([...RESULT, 'TextOverlay'], MISSING), page({ lines: [] })],
    ['TextOverlay is null', answerWith([...RESULT, 'TextOverlay'], null), page({ lines: [] })],
    ['TextOverlay is a string', answerWith([...RESULT, 'TextOverlay'], 'TOTAL 9.00'), page({ lines: [] })],
    ['TextOverlay is an array', answerWith([...RESULT, 'TextOverlay'], []), page({ lines: [] })],
    ['Lines is null', answerWith([...RESULT, 'TextOverlay', 'Lines'], null), page({ lines: [] })],
    ['Lines is an object', answerWith([...RESULT, 'TextOverlay', 'Lines'], { 0: { Words: [] } }), page({ lines: [] })],
    ['a line is null', answerWith(LINE, null), page({ lines: [] })],
    ['a line is a string', answerWith(LINE, 'TOTAL 9.00'), page({ lines: [] })],
    ['Words is missing', answerWith([...LINE, 'Words'], MISSING), page({ lines: [] })],
    ['Words is not an array', answerWith([...LINE, 'Words'], 'TOTAL 9.00'), page({ lines: [] })],
    ['Words is an object', answerWith([...LINE, 'Words'], { 0: word('TOTAL', 10, 70) }), page({ lines: [] })],
    ['a word is null', answerWith(FIRST_WORD, null), page({ lines: [{ words: WORDS.slice(1) }] })],
    ['a word is a number', answerWith(FIRST_WORD, 7), page({ lines: [{ words: WORDS.slice(1) }] })],
    ['WordText is missing', answerWith([...FIRST_WORD, 'WordText'], MISSING), page({ lines: [{ words: WORDS.slice(1) }] })],
    ['WordText is a number', answerWith([...FIRST_WORD, 'WordText'], 9), page({ lines: [{ words: WORDS.slice(1) }] })],
    ['Left is a numeric string', answerWith([...FIRST_WORD, 'Left'], '10'), page()],
    ['Left is a word', answerWith([...FIRST_WORD, 'Left'], 'left'), page({ lines: [{ words: WORDS.slice(1) }] })],
    ['Left is an empty string', answerWith([...FIRST_WORD, 'Left'], ''), page({ lines: [{ words: WORDS.slice(1) }] })],
    ['Left is null', answerWith([...FIRST_WORD, 'Left'], null), page({ lines: [{ words: WORDS.slice(1) }] })],
    ['Left is true', answerWith([...FIRST_WORD, 'Left'], true), page({ lines: [{ words: WORDS.slice(1) }] })],
    ['Left is a list', answerWith([...FIRST_WORD, 'Left'], [10]), page({ lines: [{ words: WORDS.slice(1) }] })],
    ['Top is missing', answerWith([...FIRST_WORD, 'Top'], MISSING), page({ lines: [{ words: WORDS.slice(1) }] })],
    ['Width is the string "Infinity"', answerWith([...FIRST_WORD, 'Width'], 'Infinity'), page({ lines: [{ words: WORDS.slice(1) }] })],
    ['both words are broken', answerWith([...LINE, 'Words'], [{ WordText: 'TOTAL' }, { Left: 1, Top: 1, Width: 1, Height: 1 }]), page({ lines: [] })],
  ])('%s', (_, body, expected) => {
    const read = readOcrAnswer(200, body);
    expect(read).toEqual(expected);
  });

  it('reads a number too large for a double as not a number', () => {
    const body = JSON.stringify(base()).replace('"Left":10,', '"Left":1e400,');
    expect(readOcrAnswer(200, body)).toEqual(page({ lines: [{ words: WORDS.slice(1) }] }));
  });
});

const jpeg = readDevImage('sroie-000.jpg');
const latin1 = (text: string) => Buffer.from(text, 'latin1');

let server: TestServer;
let scene: ScanScene;
let ocrRequests = 0;

/** The OCR endpoint answers these exact bytes to the next upload. */
function answerNextUpload(body: Uint8Array, contentType = 'application/json; charset=utf-8') {
  server.route('/parse/image', (request, response) => {
    request.resume();
    request.on('end', () => {
      ocrRequests += 1;
      response.writeHead(200, { 'content-type': contentType, 'content-length': String(body.length) });
      response.end(body);
    });
  });
}

async function scanWithAnswer(body: Uint8Array): Promise<ReceiptRecord> {
  answerNextUpload(body);
  return scene.scan(server.url('/receipt.jpg'), {
    loadSettings: async () => ({ ...DEFAULT_SETTINGS, endpoint: server.url('/parse/image') }),
    recognise: createOcrClient({ fetch, streamingSupport: createMemoryStreamingSupport() }).recognise,
  });
}

/** Failed after the original was validated: the original stays for a retry, nothing of the answer is kept. */
async function expectFailedKeepingOriginal(receipt: ReceiptRecord, error: ScanError) {
  expect(receipt).toMatchObject({ status: 'failed', progress: null, ocr: null, fields: null, original: { size: jpeg.length, mime: 'image/jpeg' } });
  expect(receipt.error).toEqual(error);
  expect(new Uint8Array((await (await scene.repository.getOriginal(receipt.id))?.arrayBuffer()) ?? new ArrayBuffer(0))).toEqual(jpeg);
  expect(await scene.repository.getOcrPage(receipt.id)).toBeUndefined();
  expect(ocrRequests).toBe(1);
}

beforeAll(async () => {
  server = await startTestServer();
  server.route('/receipt.jpg', serveBytes(jpeg, { 'content-type': 'image/jpeg' }));
});
afterAll(() => server.close());
beforeEach(() => {
  scene = createScanScene();
  ocrRequests = 0;
});

describe('hostile OCR answers through the pipeline and the real OCR client', () => {
  it('stores text that is not UTF-8 with replacement characters, never failing the scan', async () => {
    const body = Buffer.concat([latin1('{"OCRExitCode":1,"ParsedResults":[{"FileParseExitCode":1,"ParsedText":"CAF\xc9 M\xdcLLER\\r\\nTOTAL 9.00\\r\\n\xff\xfe"}]}')]);
    const receipt = await scanWithAnswer(body);
    expect(receipt.status).toBe('done');
    expect(receipt.ocr?.text).toBe('CAF\uFFFD M\uFFFDLLER\r\nTOTAL 9.00\r\n\uFFFD\uFFFD');
    expect(await scene.repository.getOcrPage(receipt.id)).toMatchObject({ text: 'CAF\uFFFD M\uFFFDLLER\r\nTOTAL 9.00\r\n\uFFFD\uFFFD', lines: [] });
    expect(receipt.fields?.total).toBe('9.00');
    expect(ocrRequests).toBe(1);
  });

  it('calls an answer in UTF-16 not JSON, keeping the original for a retry', async () => {
    const json = JSON.stringify(base());
    const body = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(json, 'utf16le')]);
    await expectFailedKeepingOriginal(await scanWithAnswer(body), { code: 'ocr-invalid-answer', message: 'The OCR service answered with something that is not a valid result (not JSON).', retryable: true });
  });

  it('calls an answer whose only field name is not UTF-8 one without results', async () => {
    const body = latin1('{"Parsed\xffResults":[{"ParsedText":"TOTAL 9.00"}]}');
    await expectFailedKeepingOriginal(await scanWithAnswer(body), { code: 'ocr-invalid-answer', message: 'The OCR service answered with something that is not a valid result (no ParsedResults).', retryable: true });
  });

  it.each<[string, string]>([
    ['ParsedResults is null', answerWith(['ParsedResults'], null)],
    ['ParsedResults is a number', answerWith(['ParsedResults'], 3)],
  ])('fails cleanly when %s', async (_, body) => {
    await expectFailedKeepingOriginal(await scanWithAnswer(Buffer.from(body)), { code: 'ocr-invalid-answer', message: 'The OCR service answered with something that is not a valid result (no ParsedResults).', retryable: true });
  });

  // With word boxes the parser reads the boxes, not the text: a dropped "TOTAL" word leaves 9.00 unlabelled, a guess to check.
  it.each<[string, string, OcrPage, { total: string; labelled: boolean }]>([
    ['Words is not an array', answerWith([...LINE, 'Words'], 'TOTAL 9.00'), { text: 'TOTAL 9.00\r\n', lines: [], processingMs: 120 }, { total: '9.00', labelled: true }],
    ['Left is a string', answerWith([...FIRST_WORD, 'Left'], 'left'), { text: 'TOTAL 9.00\r\n', lines: [{ words: WORDS.slice(1) }], processingMs: 120 }, { total: '9.00', labelled: false }],
    ['ParsedText is null', answerWith([...RESULT, 'ParsedText'], null), { text: '', lines: LINES, processingMs: 120 }, { total: '9.00', labelled: true }],
  ])('reads what is usable when %s', async (_, body, ocr, expected) => {
    const receipt = await scanWithAnswer(Buffer.from(body));
    expect(receipt).toMatchObject({ status: 'done', error: null, ocr: { text: ocr.text } });
    expect(await scene.repository.getOcrPage(receipt.id)).toMatchObject(ocr);
    expect({ total: receipt.fields?.total, labelled: (receipt.fields?.confidence.total ?? 0) > 0.2 }).toEqual(expected);
  });

  it('stores a 5 MB ParsedText whole, in bounded time', async () => {
    const line = 'ITEM 1 x 9.00 <b>&amp;</b>\r\n';
    const text = line.repeat(Math.ceil((5 * 1024 * 1024) / line.length));
    const body = Buffer.from(JSON.stringify({ ...base(), ParsedResults: [{ FileParseExitCode: 1, ParsedText: text }] }));
    const started = performance.now();
    const receipt = await scanWithAnswer(body);
    expect(performance.now() - started).toBeLessThan(10_000);
    expect(receipt.status).toBe('done');
    expect(receipt.ocr?.text.length).toBe(text.length);
    expect(receipt.ocr?.text).toBe(text);
    expect((await scene.repository.getOcrPage(receipt.id))?.text).toBe(text);
  });

  it('stores script and image markup as the raw text it is, in the OCR text, the word boxes and the fields', async () => {
    const script = '<script>alert(1)</script>';
    const image = '<img src=x onerror=alert(1)>';
    const answer = {
      ...base(),
      ParsedResults: [
        {
          FileParseExitCode: 1,
          ParsedText: `${script}\r\n${image}\r\nTOTAL 9.00\r\n`,
          TextOverlay: {
            Lines: [
              { Words: [word(script, 10, 10)] },
              { Words: [word('<img', 10, 40), word('src=x', 60, 40), word('onerror=alert(1)>', 120, 40)] },
              { Words: [word('TOTAL', 10, 70), word('9.00', 200, 70)] },
            ],
          },
        },
      ],
    };
    const receipt = await scanWithAnswer(Buffer.from(JSON.stringify(answer)));
    expect(receipt.status).toBe('done');
    expect(receipt.ocr?.text).toBe(`${script}\r\n${image}\r\nTOTAL 9.00\r\n`);
    const stored = await scene.repository.getOcrPage(receipt.id);
    expect(stored?.text).toBe(`${script}\r\n${image}\r\nTOTAL 9.00\r\n`);
    expect(stored?.lines.map((line) => line.words.map((each) => each.text).join(' '))).toEqual([script, image, 'TOTAL 9.00']);
    // The parser tidies the merchant's punctuation, but never escapes or strips markup: rendering is the components' job.
    expect(receipt.fields?.merchant).toMatch(/^<script>alert.*<\/script>$/);
    expect(receipt.fields?.total).toBe('9.00');
  });
});
