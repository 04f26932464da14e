import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { pageFromAnswerJson, readOcrAnswer } from '../../utils/ocr/ocr-answer';
import { scanErrors, type ScanError } from '../../utils/scan-error';

const recorded = readFileSync(path.resolve(__dirname, '../../../shared/receipts-dev/ocrspace/sroie-000.json'), 'utf8');

const word = (text: string, left: number, top: number, width = 10, height = 12) => ({
  WordText: text, Left: left, Top: top, Width: width, Height: height,
});
const answer = (fields: Record<string, unknown>) =>
  JSON.stringify({ OCRExitCode: 1, IsErroredOnProcessing: false, ProcessingTimeInMilliseconds: '1234', ...fields });
const result = (fields: Record<string, unknown>) => ({
  TextOverlay: { Lines: [], HasOverlay: true, Message: '' },
  FileParseExitCode: 1, ParsedText: '', ErrorMessage: '', ErrorDetails: '', ...fields,
});
const failure = (fields: Record<string, unknown>) =>
  answer({ OCRExitCode: 3, IsErroredOnProcessing: true, ParsedResults: null, ...fields });

describe('readOcrAnswer on a recorded answer', () => {
  it('reads the text, every line and the word boxes of sroie-000', () => {
    const read = readOcrAnswer(200, recorded);
    if (!read.ok) throw new Error(read.error.message);
    expect(read.page.text.startsWith('TAN WOON YANN\r\nBOOK TA .K(TAMAN DAYA) SDN BND\r\n789417-W\r\n')).toBe(true);
    expect(read.page.text).toHaveLength(513);
    expect(read.page.lines).toHaveLength(27);
    expect(read.page.lines.flatMap((line) => line.words)).toHaveLength(85);
    expect(read.page.lines[0]?.words[0]).toEqual({ text: 'TAN', left: 72, top: 25, width: 59, height: 39 });
    expect(read.page.lines.at(-1)?.words.map((w) => w.text)).toEqual(['PLEASE', 'COME', 'AGAIN', '!']);
    expect(read.page.processingMs).toBe(0);
    expect(read.page.partial).toBeUndefined();
  });
});

describe('readOcrAnswer on successful shapes', () => {
  it.each([
    [
      'two results joined, processing time from its string',
      answer({ ParsedResults: [result({ ParsedText: 'ONE\r\n' }), result({ ParsedText: 'TWO' })] }),
      { text: 'ONE\r\nTWO', lines: [], processingMs: 1234 },
    ],
    [
      'results whose text lacks a line end are kept on separate lines',
      answer({ ParsedResults: [result({ ParsedText: 'ONE' }), result({ ParsedText: 'TWO' })], ProcessingTimeInMilliseconds: 'soon' }),
      { text: 'ONE\r\nTWO', lines: [] },
    ],
    [
      'OCRExitCode 2 is a partial page',
      answer({ OCRExitCode: 2, ParsedResults: [result({ ParsedText: 'TOTAL 9.90' })] }),
      { text: 'TOTAL 9.90', lines: [], processingMs: 1234, partial: true },
    ],
    [
      'malformed words and empty lines are skipped, numeric strings accepted',
      answer({
        ParsedResults: [result({
          ParsedText: 'TOTAL 9.90',
          TextOverlay: {
            Lines: [
              { LineText: 'TOTAL 9.90', Words: [word('TOTAL', 1, 2), { WordText: 'X', Left: null, Top: 2 }, { WordText: 7 }, null, word('9.90', 40, 2)] },
              { LineText: 'junk', Words: [{ WordText: 'A', Left: 'a', Top: 1, Width: 1, Height: 1 }] },
              { LineText: 'strings', Words: [{ WordText: 'B', Left: '5', Top: '6', Width: '7', Height: '8' }] },
              // The on-device engine's answers, as ocr-local writes them, say how sure it was of a word; a wrong type is ignored.
              { LineText: 'C D', Words: [{ WordText: 'C', Left: 1, Top: 9, Width: 2, Height: 3, Confidence: 87 }, { WordText: 'D', Left: 5, Top: 9, Width: 2, Height: 3, Confidence: 'high' }] },
              'not a line',
              { Words: 'not a list' },
            ],
          },
        })],
      }),
      {
        text: 'TOTAL 9.90',
        lines: [
          { words: [{ text: 'TOTAL', left: 1, top: 2, width: 10, height: 12 }, { text: '9.90', left: 40, top: 2, width: 10, height: 12 }] },
          { words: [{ text: 'B', left: 5, top: 6, width: 7, height: 8 }] },
          { words: [{ text: 'C', left: 1, top: 9, width: 2, height: 3, confidence: 87 }, { text: 'D', left: 5, top: 9, width: 2, height: 3 }] },
        ],
        processingMs: 1234,
      },
    ],
    [
      'a null overlay and a wrongly typed text give an empty page',
      answer({ ParsedResults: [result({ TextOverlay: null, ParsedText: 42 })] }),
      { text: '', lines: [], processingMs: 1234 },
    ],
    [
      'one failed file among good ones marks the page partial',
      answer({ ParsedResults: [result({ ParsedText: 'A' }), result({ FileParseExitCode: -10, ParsedText: '' })] }),
      { text: 'A', lines: [], processingMs: 1234, partial: true },
    ],
  ])('%s', (_name, body, page) => {
    expect(readOcrAnswer(200, body)).toEqual({ ok: true, page });
  });
});

const RATE_LIMIT_TEXT = 'You may only perform this action upto maximum 10 number of times within 600 seconds';

describe('readOcrAnswer on failures', () => {
  it.each<[string, number, string, ScanError]>([
    ['the demo key rate limit', 403, RATE_LIMIT_TEXT, scanErrors.ocrRateLimit('10 calls in 600 seconds', 600_000)],
    ['a rate limit with another window', 403, 'You may only perform this action upto maximum 180 number of times within 3600 seconds', scanErrors.ocrRateLimit('180 calls in 3600 seconds', 3_600_000)],
    ['a bare 429', 429, 'Too Many Requests', scanErrors.ocrRateLimit('limit per 600 seconds', 600_000)],
    ['a 403 without rate wording', 403, '<html><body>Forbidden</body></html>', scanErrors.ocrBadKey()],
    ['a 401', 401, '', scanErrors.ocrBadKey()],
    ['a bad key as plain text with 200', 200, 'The API key is invalid', scanErrors.ocrBadKey()],
    ['a bad key as a JSON string', 200, '"The API key is invalid"', scanErrors.ocrBadKey()],
    ['a bad key as a JSON error', 200, failure({ OCRExitCode: 99, ErrorMessage: ['The API key is invalid'] }), scanErrors.ocrBadKey()],
    ['a 500', 500, 'Internal Server Error', scanErrors.ocrServer(500)],
    ['a 503 with JSON', 503, answer({ ParsedResults: [result({})] }), scanErrors.ocrServer(503)],
    ['an HTML page with 200', 200, '<!DOCTYPE html><html><body>Oops</body></html>', scanErrors.ocrInvalidAnswer('not JSON')],
    ['an empty body', 200, '', scanErrors.ocrEmptyAnswer()],
    ['a body of white space', 200, ' \r\n', scanErrors.ocrEmptyAnswer()],
    ['an empty list of results', 200, '{"OCRExitCode":1,"ParsedResults":[]}', scanErrors.ocrNoResult()],
    ['JSON null', 200, 'null', scanErrors.ocrInvalidAnswer('not an object')],
    ['a JSON array', 200, '[1,2]', scanErrors.ocrInvalidAnswer('not an object')],
    ['an object without results', 200, '{"OCRExitCode":1}', scanErrors.ocrInvalidAnswer('no ParsedResults')],
    ['a 404 page', 404, 'Not Found', scanErrors.httpStatus(404, 'OCR service')],
    [
      'E216 as an array',
      200,
      failure({ OCRExitCode: 99, ErrorMessage: ['E216:Unable to detect the file extension, or file extension not supported. Use the filetype parameter.'] }),
      scanErrors.ocrFileType(),
    ],
    [
      'the size limit',
      200,
      failure({ OCRExitCode: 99, ErrorMessage: ['File failed validation. File size exceeds the maximum permissible file size limit of 1024 KB'] }),
      scanErrors.ocrFileTooLarge(1024),
    ],
    [
      'the size limit of a paid plan as a string',
      200,
      failure({ OCRExitCode: 99, ErrorMessage: 'File failed validation. File size exceeds the maximum permissible file size limit of 5120 KB' }),
      scanErrors.ocrFileTooLarge(5120),
    ],
    [
      'a file timeout (-20)',
      200,
      answer({ OCRExitCode: 3, IsErroredOnProcessing: true, ParsedResults: [result({ FileParseExitCode: -20, ErrorMessage: 'Processing of the file was aborted' })] }),
      scanErrors.ocrTimeout(),
    ],
    ['a timeout in words', 200, failure({ OCRExitCode: 4, ErrorMessage: ['E101:Timed out waiting for results'] }), scanErrors.ocrTimeout()],
    [
      'bad parameters (99) joined',
      200,
      failure({ OCRExitCode: 99, ErrorMessage: ["Parameter name 'colour' is invalid.", 'Valid parameters: apikey,language'], ErrorDetails: 'see docs' }),
      scanErrors.ocrBadParameters("Parameter name 'colour' is invalid. Valid parameters: apikey,language see docs"),
    ],
    [
      'a validation error (-30) without size words',
      200,
      answer({ OCRExitCode: 3, IsErroredOnProcessing: true, ParsedResults: [result({ FileParseExitCode: -30, ErrorMessage: 'Invalid image' })] }),
      scanErrors.ocrBadParameters('Invalid image'),
    ],
    [
      'an engine parse error (-10) on every file',
      200,
      answer({ ParsedResults: [result({ FileParseExitCode: -10, ErrorMessage: 'Parse error', ErrorDetails: 'corrupt JPEG' })] }),
      scanErrors.ocrFailed('Parse error corrupt JPEG'),
    ],
    ['a fatal exit without words', 200, failure({ OCRExitCode: 4 }), scanErrors.ocrFailed('exit code 4')],
    ['an engine that says it is busy', 200, failure({ OCRExitCode: 3, ErrorMessage: ['Server busy, please try again later'] }), scanErrors.ocrFailed('Server busy, please try again later', true)],
    ['an unknown exit code', 200, answer({ OCRExitCode: 7, ParsedResults: [result({})] }), scanErrors.ocrFailed('exit code 7')],
    ['wrongly typed error fields', 200, failure({ ErrorMessage: [1, null, { a: 1 }], ErrorDetails: 5 }), scanErrors.ocrFailed('exit code 3')],
  ])('%s', (_name, status, body, error) => {
    expect(readOcrAnswer(status, body)).toEqual({ ok: false, error });
  });

  it('shortens a long error detail to 300 characters', () => {
    const read = readOcrAnswer(200, failure({ ErrorMessage: 'x'.repeat(5000) }));
    expect(read).toEqual({ ok: false, error: scanErrors.ocrFailed(`${'x'.repeat(299)}…`) });
  });

  it.each([
    ['a huge text', `${'{'.repeat(10)}${'a'.repeat(5_000_000)}`],
    ['JSON nested past any stack', '['.repeat(1_000_000) + ']'.repeat(1_000_000)],
    ['a lone surrogate', '{"ParsedResults":[{"ParsedText":"\\ud800"}]}'],
  ])('never throws on %s', (_name, body) => {
    expect(() => readOcrAnswer(200, body)).not.toThrow();
    expect(readOcrAnswer(200, body).ok).toBe(body.startsWith('{"Parsed'));
  });
});

describe('pageFromAnswerJson', () => {
  it.each([
    [null, null],
    ['text', null],
    [{ ParsedResults: [] }, null],
    [{ ParsedResults: [{ ParsedText: 'A' }] }, { text: 'A', lines: [] }],
  ])('reads %j as %j', (json, page) => {
    expect(pageFromAnswerJson(json)).toEqual(page);
  });
});
