import { describe, expect, it } from 'vitest';
import { retriesAutomatically, retryDelay } from '../../utils/scan/retry-policy';
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
