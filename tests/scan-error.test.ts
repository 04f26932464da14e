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

describe('scanErrors for downloads that cannot succeed', () => {
  it.each([
    [scanErrors.tooManyRedirects('cdn.example'), 'too-many-redirects', 'The address on cdn.example redirects in a loop, so the image cannot be downloaded. Open the image in its own tab and scan it from there.'],
    [scanErrors.redirectToLocal('cdn.example', 'data'), 'redirect-to-local', 'The address on cdn.example redirects to a data: address, which a download may not follow, so the image cannot be downloaded.'],
    [scanErrors.redirectToLocal('cdn.example', 'file'), 'redirect-to-local', 'The address on cdn.example redirects to a file: address, which a download may not follow, so the image cannot be downloaded.'],
    [
      scanErrors.redirectFailed('cdn.example'),
      'redirect-failed',
      'The address on cdn.example redirects, and the browser would not follow it: the redirect loops, or leads to a local (data: or file:) address. The image cannot be downloaded.',
    ],
    [scanErrors.credentialsInAddress('shop.example'), 'credentials-in-address', 'The image address has a user name and password in it (…@shop.example), which browsers do not allow in a download, so the image cannot be downloaded.'],
    [scanErrors.addressTooLong(16 * 1024), 'address-too-long', 'The image address is over 16 KB long, too long to download, so the image cannot be scanned.'],
    [
      scanErrors.accessDenied(401),
      'access-denied',
      'The image server refused the image (HTTP 401): it needs you to be signed in, or it is not shared with you. Sign in to the site in this browser, then press Retry.',
    ],
    [
      scanErrors.accessDenied(403),
      'access-denied',
      'The image server refused the image (HTTP 403): it needs you to be signed in, or it is not shared with you. Sign in to the site in this browser, then press Retry.',
    ],
  ])('%#: %s says its own sentence and is not retried by itself', (error, code, message) => {
    expect(error).toEqual({ code, message, retryable: false });
  });

  it('still calls an unreachable host a network failure, retried by itself', () => {
    expect(scanErrors.network('cdn.example')).toEqual({ code: 'network', message: 'Could not reach cdn.example. Check your connection and try again.', retryable: true });
  });
});
