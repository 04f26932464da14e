import type { OcrLine, OcrPage, OcrWord } from '../receipt';
import { scanErrors, type ScanError } from '../scan-error';

export type OcrAnswer = { ok: true; page: OcrPage } | { ok: false; error: ScanError };

type Fields = Record<string, unknown>;

const DEFAULT_RATE_WINDOW_SECONDS = 600;
const DEFAULT_SIZE_LIMIT_KB = 1024;
const MAX_DETAIL_CHARS = 300;
/** Wording checks on a non-JSON body only need its start; a huge body must not cost a scan. */
const MAX_SNIFF_CHARS = 4096;
const FAILED_FILE_CODES = new Set([0, -10, -20, -30, -99]);

const asFields = (value: unknown): Fields | undefined =>
  typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Fields) : undefined;

const asList = (value: unknown): unknown[] => (Array.isArray(value) ? value : []);

const asNumber = (value: unknown): number | undefined => {
  const number = typeof value === 'string' && value.trim() !== '' ? Number(value) : value;
  return typeof number === 'number' && Number.isFinite(number) ? number : undefined;
};

/** ErrorMessage is a string or an array of strings; ErrorDetails a string. */
const readMessages = (value: unknown): string[] =>
  (Array.isArray(value) ? value : [value])
    .filter((message): message is string => typeof message === 'string')
    .map((message) => message.trim())
    .filter((message) => message !== '');

const shorten = (text: string): string =>
  text.length > MAX_DETAIL_CHARS ? `${text.slice(0, MAX_DETAIL_CHARS - 1)}…` : text;

function readRateLimit(text: string): ScanError | undefined {
  const match = /maximum\s+(\d+)\s+number of times within\s+(\d+)\s+seconds/i.exec(text);
  if (!match && !/number of times within|rate limit/i.test(text)) return undefined;
  const calls = match?.[1];
  const seconds = Number(match?.[2] ?? /within\s+(\d+)\s+seconds/i.exec(text)?.[1] ?? DEFAULT_RATE_WINDOW_SECONDS);
  const detail = calls === undefined ? `limit per ${seconds} seconds` : `${calls} calls in ${seconds} seconds`;
  return scanErrors.ocrRateLimit(detail, seconds * 1000);
}

const isBadKeyText = (text: string): boolean => /api ?key is invalid|invalid api ?key/i.test(text);

/** Which failure an answer that says it failed is, from its exit codes and its own words. */
function classifyFailure(exitCode: number | undefined, fileCodes: number[], messages: string[]): ScanError {
  const text = messages.join(' ');
  const detail = shorten([...new Set(messages)].join(' ')) || `exit code ${exitCode ?? 'missing'}`;
  if (/\bE216\b|file extension/i.test(text)) return scanErrors.ocrFileType();
  const sizeLimit = /file size limit of\s*(\d+)\s*KB/i.exec(text);
  if (sizeLimit || /file size exceeds/i.test(text)) {
    return scanErrors.ocrFileTooLarge(Number(sizeLimit?.[1] ?? DEFAULT_SIZE_LIMIT_KB));
  }
  if (isBadKeyText(text)) return scanErrors.ocrBadKey();
  const rateLimit = readRateLimit(text);
  if (rateLimit) return rateLimit;
  if (fileCodes.includes(-20) || /timed? ?out/i.test(text)) return scanErrors.ocrTimeout();
  if (exitCode === 99 || fileCodes.includes(-30)) return scanErrors.ocrBadParameters(detail);
  return scanErrors.ocrFailed(detail, /\bbusy\b|overload|temporar|try again later/i.test(text));
}

function readWord(value: unknown): OcrWord | undefined {
  const word = asFields(value);
  if (!word || typeof word.WordText !== 'string') return undefined;
  const [left, top, width, height] = [word.Left, word.Top, word.Width, word.Height].map(asNumber);
  if (left === undefined || top === undefined || width === undefined || height === undefined) return undefined;
  // Not OCR.space's: the on-device engine's answers, as `ocr-local` writes them, say how sure it was of each word.
  const confidence = asNumber(word.Confidence);
  return { text: word.WordText, left, top, width, height, ...(confidence === undefined ? {} : { confidence }) };
}

function readLines(result: Fields): OcrLine[] {
  return asList(asFields(result.TextOverlay)?.Lines).flatMap((line) => {
    const words = asList(asFields(line)?.Words).flatMap((word) => readWord(word) ?? []);
    return words.length > 0 ? [{ words }] : [];
  });
}

const joinTexts = (texts: string[]): string =>
  texts
    .filter((text) => text !== '')
    .reduce((all, text) => (all === '' || all.endsWith('\n') ? all + text : `${all}\r\n${text}`), '');

const readResults = (answer: Fields): Fields[] =>
  asList(answer.ParsedResults).flatMap((result): Fields[] => {
    const fields = asFields(result);
    return fields ? [fields] : [];
  });

/** The page of a successful OCR.space answer, or null when the JSON is not one. */
export function pageFromAnswerJson(json: unknown): OcrPage | null {
  const answer = asFields(json);
  if (!answer) return null;
  const results = readResults(answer);
  if (results.length === 0) return null;
  const page: OcrPage = {
    text: joinTexts(results.map((result) => (typeof result.ParsedText === 'string' ? result.ParsedText : ''))),
    lines: results.flatMap(readLines),
  };
  const processingMs = asNumber(answer.ProcessingTimeInMilliseconds);
  if (processingMs !== undefined && processingMs >= 0) page.processingMs = processingMs;
  const someFileFailed = results.some((result) => FAILED_FILE_CODES.has(asNumber(result.FileParseExitCode) ?? 1));
  if (asNumber(answer.OCRExitCode) === 2 || someFileFailed) page.partial = true;
  return page;
}

function readJsonAnswer(answer: Fields): OcrAnswer {
  const results = readResults(answer);
  const exitCode = asNumber(answer.OCRExitCode);
  const fileCodes = results.flatMap((result) => asNumber(result.FileParseExitCode) ?? []);
  const everyFileFailed = results.length > 0 && results.every((result) => FAILED_FILE_CODES.has(asNumber(result.FileParseExitCode) ?? 1));
  const messages = [answer.ErrorMessage, answer.ErrorDetails]
    .concat(results.flatMap((result) => [result.ErrorMessage, result.ErrorDetails]))
    .flatMap(readMessages);
  const failed =
    answer.IsErroredOnProcessing === true ||
    (exitCode !== undefined && exitCode !== 1 && exitCode !== 2) ||
    everyFileFailed ||
    (results.length === 0 && messages.length > 0);
  if (failed) {
    return { ok: false, error: classifyFailure(exitCode, fileCodes, messages) };
  }
  // An empty list is the service's word that it found nothing to read; a missing or mistyped one is a broken answer.
  if (results.length === 0 && Array.isArray(answer.ParsedResults) && answer.ParsedResults.length === 0) return { ok: false, error: scanErrors.ocrNoResult() };
  const page = pageFromAnswerJson(answer);
  return page ? { ok: true, page } : { ok: false, error: scanErrors.ocrInvalidAnswer('no ParsedResults') };
}

function parseJson(body: string): { json: unknown } | undefined {
  try {
    return { json: JSON.parse(body) };
  } catch {
    return undefined;
  }
}

function readAnswer(status: number, body: string): OcrAnswer {
  const start = body.slice(0, MAX_SNIFF_CHARS);
  if (status === 403 || status === 429) {
    const rateLimit = readRateLimit(start) ?? (status === 429 ? readRateLimit('rate limit') : undefined);
    if (rateLimit) return { ok: false, error: rateLimit };
  }
  if (status === 401 || status === 403) return { ok: false, error: scanErrors.ocrBadKey() };
  if (status >= 500) return { ok: false, error: scanErrors.ocrServer(status) };
  if (status >= 200 && status < 300 && body.trim() === '') return { ok: false, error: scanErrors.ocrEmptyAnswer() };
  const parsed = parseJson(body);
  const answer = asFields(parsed?.json);
  if (!answer) {
    // A bad key can also come back as a bare (or JSON-quoted) sentence.
    if (isBadKeyText(start)) return { ok: false, error: scanErrors.ocrBadKey() };
    const rateLimit = readRateLimit(start);
    if (rateLimit) return { ok: false, error: rateLimit };
    if (status < 200 || status >= 300) return { ok: false, error: scanErrors.httpStatus(status, 'OCR service') };
    return { ok: false, error: scanErrors.ocrInvalidAnswer(parsed ? 'not an object' : 'not JSON') };
  }
  return readJsonAnswer(answer);
}

/** Reads a whole OCR.space answer (status and body text) into a page or a user-facing error; never throws. */
export function readOcrAnswer(status: number, body: string): OcrAnswer {
  try {
    return readAnswer(status, typeof body === 'string' ? body : '');
  } catch {
    // Only a pathological input (JSON nested past the stack) can reach here.
    return { ok: false, error: scanErrors.ocrInvalidAnswer('unreadable') };
  }
}
