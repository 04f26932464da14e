import { describe, expect, it } from 'vitest';
import { readOcrAnswer } from '../../utils/ocr/ocr-answer';
import { canRetry, retriesAutomatically, retryDelay } from '../../utils/scan/retry-policy';
import { scanErrors, type ScanError } from '../../utils/scan-error';

describe('retry policy', () => {
  it.each<[ScanError, boolean]>([
    [scanErrors.network('api.ocr.space'), true],
    [scanErrors.ocrRateLimit('x', 600_000), true],
    [scanErrors.ocrServer(500), true],
    [scanErrors.ocrTimeout(), true],
    [scanErrors.ocrBadKey(), false],
    [scanErrors.notAnImage('an HTML page'), false],
    [scanErrors.stillTooLarge(1024), false],
    [scanErrors.storageFull(), false],
    [scanErrors.unexpected('bug'), false],
  ])('%o retries by itself: %s', (error, expected) => {
    expect(retriesAutomatically(error)).toBe(expected);
  });

  // One unreadable file must not burn four of the demo key's ten calls.
  it.each([
    ['exit code 3, the file could not be read', 200, JSON.stringify({ OCRExitCode: 3, IsErroredOnProcessing: true, ErrorMessage: ['Unable to recognize the file type'] }), false],
    ['exit code 4, a fatal error', 200, JSON.stringify({ OCRExitCode: 4, IsErroredOnProcessing: true, ErrorMessage: 'Fatal error' }), false],
    ['an empty list of results', 200, JSON.stringify({ OCRExitCode: 1, ParsedResults: [] }), false],
    ['an empty 200 body', 200, '', false],
    ['exit code 3 for a time-out', 200, JSON.stringify({ OCRExitCode: 3, IsErroredOnProcessing: true, ErrorMessage: ['Timed out waiting for results'] }), true],
    ['a busy engine', 200, JSON.stringify({ OCRExitCode: 3, IsErroredOnProcessing: true, ErrorMessage: ['Server busy, try again later'] }), true],
    ['a maintenance page', 200, '<!doctype html><h1>Service temporarily unavailable</h1>', true],
    ['HTTP 502', 502, 'Bad gateway', true],
  ])('an OCR answer with %s is retried by itself: %s', (_name, status, body, expected) => {
    const read = readOcrAnswer(status, body);
    expect(read.ok).toBe(false);
    if (!read.ok) expect(retriesAutomatically(read.error)).toBe(expected);
  });

  it.each([
    [1, 0, 1_000],
    [1, 0.999, 1_999],
    [2, 0.5, 3_000],
    [3, 0.5, 6_000],
    [10, 1, 120_000],
  ])('attempt %i with jitter %f waits %i ms', (attempts, random, delay) => {
    expect(retryDelay(scanErrors.network('x'), attempts, () => random)).toBe(delay);
  });
});

describe('whether Retry is offered', () => {
  const original = { sha256: 'ab', mime: 'image/jpeg', extension: 'jpg', size: 1 };
  it.each([
    ['a failed read whose original is kept', { status: 'failed', original, error: scanErrors.ocrFailed('x') }, true],
    ['a download that may pass', { status: 'failed', original: null, error: scanErrors.network('shop.example') }, true],
    ['an address that served a web page (a sign-in page, say)', { status: 'failed', original: null, error: scanErrors.notAnImage('an HTML page') }, true],
    ['an image gone for good', { status: 'failed', original: null, error: scanErrors.notFound() }, false],
    ['a finished scan', { status: 'done', original, error: null }, false],
    ['a cancelled scan', { status: 'failed', original: null, error: scanErrors.cancelled() }, true],
    ['an image behind a sign-in', { status: 'failed', original: null, error: scanErrors.accessDenied(403) }, true],
    ['a page closed since', { status: 'failed', original: null, error: scanErrors.blobGone() }, false],
    ['an address over 16 KB', { status: 'failed', original: null, error: scanErrors.addressTooLong(16_384) }, false],
    ['a file from disk that is not an image', { status: 'failed', original: null, error: scanErrors.notAnImage('text'), source: { imageUrl: 'disk:notes.txt' } }, false],
    ['an area whose capture was cancelled', { status: 'failed', original: null, error: scanErrors.cancelled(), source: { imageUrl: 'area:https://shop.example/' } }, false],
    ['a file from disk kept, whose read failed', { status: 'failed', original, error: scanErrors.ocrFailed('x'), source: { imageUrl: 'disk:a.jpg' } }, true],
    ['the same page image, not a file', { status: 'failed', original: null, error: scanErrors.notAnImage('text'), source: { imageUrl: 'https://shop.example/disk:a.jpg' } }, true],
  ])('%s: %s', (_name, receipt, offered) => {
    expect(canRetry(receipt)).toBe(offered);
  });
});
