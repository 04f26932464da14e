import { describe, expect, it } from 'vitest';
import { formatBytes, formatWait, scanErrors } from '../utils/scan-error';

describe('scanErrors', () => {
  it.each([
    [512, '512 bytes'],
    [1024, '1 KB'],
    [1536, '1.5 KB'],
    [20 * 1024 * 1024, '20 MB'],
    [14.2 * 1024 * 1024, '14.2 MB'],
  ])('formats %i bytes as %s', (bytes, text) => {
    expect(formatBytes(bytes)).toBe(text);
  });

  it('says the size and the limit when an image is too large', () => {
    expect(scanErrors.tooLarge(14.2 * 1024 * 1024, 10 * 1024 * 1024)).toEqual({
      code: 'too-large',
      message: 'The image is 14.2 MB; the limit is 10 MB.',
      retryable: false,
    });
  });

  it('carries the wait of a rate limit', () => {
    const error = scanErrors.ocrRateLimit('10 calls in 600 seconds', 600_000);
    expect(error.retryAfterMs).toBe(600_000);
    expect(error.message).toContain('Wait 10 minutes');
    expect(error.retryable).toBe(true);
  });

  it.each([
    [500, '1 second'],
    [2_000, '2 seconds'],
    [59_500, '1 minute'],
    [60_000, '1 minute'],
    [61_000, '2 minutes'],
    [600_000, '10 minutes'],
  ])('says a wait of %i ms as %s', (ms, text) => {
    expect(formatWait(ms)).toBe(text);
    expect(scanErrors.ocrRateLimit('x', ms).message).toContain(`Wait ${text} or`);
  });
});
