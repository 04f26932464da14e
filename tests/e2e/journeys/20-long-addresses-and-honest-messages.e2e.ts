import { scanErrors, type ScanError } from '../../../utils/scan-error';
import { describe, expect, test, type Journey } from '../fixtures';
import { startHostileImageServer, type HostileImageServer } from '../harness/hostile-image-server';
import { readReceiptImage, sha256 } from '../harness/receipts-dev';

const KB = 1024;
/** Longer than the first automatic retry's backoff (at most 2 s): a scan still failed after it was not retried. */
const RETRY_WINDOW_MS = 3_000;
const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

async function withHostileServer(run: (server: HostileImageServer) => Promise<void>): Promise<void> {
  const server = await startHostileImageServer();
  try {
    await run(server);
  } finally {
    await server.close();
  }
}

/** After the faults, a normal scan from the shared receipts finishes at once: the queue kept working. */
async function expectNormalScanFinishes(journey: Journey, image: string): Promise<void> {
  const { background, pages, ocr } = journey;
  const page = await journey.openWebPage(pages.receiptsPageUrl([image]));
  const uploadsBefore = ocr.received.length;
  const receiptId = await background.scanImage(pages.imageUrl(image), page.url());
  const receipt = await background.waitForReceipt(receiptId, ['done', 'failed'], 15_000);
  expect(receipt.status, 'the normal scan after the faults').toBe('done');
  expect(ocr.received.slice(uploadsBefore).map((upload) => upload.file.sha256)).toEqual([sha256(await readReceiptImage(image))]);
}

describe('journey 20: long image addresses, and downloads that cannot succeed', () => {
  test('a 1,200-character signed address is downloaded whole, a retry uses it whole, and one over 16 KB is refused unrequested', async ({ journey }) => {
    const { background, ocr } = journey;
    await withHostileServer(async (site) => {
      const page = await journey.openWebPage(site.pageUrl);
      const popup = await journey.openPopup();

      // The signed address, scanned whole.
      const signed = site.signedUrl('sroie-000');
      expect(signed.length).toBeGreaterThan(1150);
      expect(signed.length).toBeLessThan(1300);
      const signedId = await background.scanImage(signed, page.url());
      const signedReceipt = await background.waitForReceipt(signedId);
      expect(signedReceipt.status).toBe('done');
      expect(signedReceipt.error).toBeNull();
      expect(signedReceipt.source.imageUrl).toBe(signed);
      expect(signedReceipt.job?.srcUrl).toBe(signed);
      expect((await background.readOriginal(signedId))?.bytes.equals(await readReceiptImage('sroie-000'))).toBe(true);
      expect(site.requests.get(new URL(signed).pathname + new URL(signed).search)).toBe(1);
      // Nothing asked for a shortened address (it would have been refused with 403).
      expect(site.countRequests('/signed/')).toBe(1);

      // A signed address whose first answer is 503: the queue tries again, with the whole address, and succeeds.
      const flaky = site.flakySignedUrl('sroie-002');
      const flakyTarget = new URL(flaky).pathname + new URL(flaky).search;
      const flakyId = await background.scanImage(flaky, page.url());
      const waiting = await background.waitForScanError(flakyId);
      expect(waiting.status).toBe('queued');
      expect(waiting.error).toEqual(scanErrors.httpStatus(503, 'image server'));
      const flakyReceipt = await background.waitForReceipt(flakyId, ['done', 'failed'], 15_000);
      expect(flakyReceipt.status).toBe('done');
      expect(flakyReceipt.job?.srcUrl).toBe(flaky);
      expect(site.requests.get(flakyTarget), 'the first try and the retry, both with the whole address').toBe(2);
      expect(site.countRequests('/flaky/')).toBe(2);
      expect((await background.readOriginal(flakyId))?.bytes.equals(await readReceiptImage('sroie-002'))).toBe(true);

      // An address of 17 KB: refused with its sentence at the click, never requested; no Retry is offered, as none can
      // succeed, and a retry asked for all the same is refused again without a request.
      const tooLong = site.longUrl(17 * KB);
      expect(tooLong.length).toBe(17 * KB);
      const expected = scanErrors.addressTooLong(16 * KB);
      const longId = await background.scanImage(tooLong, page.url());
      const refused = await background.waitForReceipt(longId);
      expect(refused.status).toBe('failed');
      expect(refused.error).toEqual(expected);
      expect(refused.original).toBeNull();
      expect(await background.readOriginal(longId)).toBeUndefined();
      expect(await popup.waitForError(longId)).toBe('The image address is over 16 KB long, too long to download, so the image cannot be scanned.');
      expect(await popup.row(longId).getByRole('button', { name: 'Retry' }).count(), 'Retry offered').toBe(0);
      await popup.requestRetry(longId);
      await background.waitForReceiptMatching(longId, (receipt) => receipt.status === 'failed' && receipt.error !== null && receipt.updatedAt > refused.updatedAt, 'failed again');
      expect((await background.readReceipt(longId))?.error).toEqual(expected);
      expect(site.countRequests('/attachment.jpg'), 'requests for the 17 KB address').toBe(0);

      expect(ocr.received.map((upload) => upload.file.sha256)).toEqual([sha256(await readReceiptImage('sroie-000')), sha256(await readReceiptImage('sroie-002'))]);
      await expectNormalScanFinishes(journey, 'sroie-004');
    });
  });

  test('redirect loops, redirects to data: and file:, a user:password address, 401 and 403 each say what happened and are not retried', async ({ journey }) => {
    const { background, ocr } = journey;
    await withHostileServer(async (site) => {
      const page = await journey.openWebPage(site.pageUrl);
      const popup = await journey.openPopup();
      // Chrome says only "Failed to fetch" for a redirect it will not follow and hides an opaque redirect's Location,
      // so a loop and a redirect to data: or file: get the one sentence that names both (Node tells them apart: unit tests).
      const cases: { name: string; url: string; expected: ScanError; counted: string; requests: number }[] = [
        { name: 'a redirect loop', url: site.loopUrl, expected: scanErrors.redirectFailed(site.host), counted: '/loop?hop=0', requests: 2 },
        { name: 'a redirect to data:', url: site.redirectToDataUrl, expected: scanErrors.redirectFailed(site.host), counted: '/to-data.jpg', requests: 2 },
        { name: 'a redirect to file:', url: site.redirectToFileUrl, expected: scanErrors.redirectFailed(site.host), counted: '/to-file.jpg', requests: 2 },
        { name: 'a user name and password', url: site.credentialsUrl, expected: scanErrors.credentialsInAddress(site.host), counted: '/private/receipt.jpg', requests: 0 },
        { name: 'HTTP 401', url: site.unauthorizedUrl, expected: scanErrors.accessDenied(401), counted: '/needs-login.jpg', requests: 1 },
        { name: 'HTTP 403', url: site.forbiddenUrl, expected: scanErrors.accessDenied(403), counted: '/not-shared.jpg', requests: 1 },
      ];

      const ids: string[] = [];
      for (const { url } of cases) ids.push(await background.scanImage(url, page.url()));
      for (const [index, { name, expected }] of cases.entries()) {
        const receiptId = ids[index] ?? '';
        const receipt = await background.waitForReceipt(receiptId);
        expect.soft(receipt.status, name).toBe('failed');
        expect.soft(receipt.error, name).toEqual(expected);
        expect.soft(await popup.waitForError(receiptId), name).toBe(expected.message);
      }
      const loopHops = site.countRequests('/loop');
      await sleep(RETRY_WINDOW_MS);

      for (const [index, { name, expected, counted, requests }] of cases.entries()) {
        const receiptId = ids[index] ?? '';
        const receipt = await background.readReceipt(receiptId);
        // Not retried: still failed after the first backoff would have passed, after one attempt, and asked no more often.
        expect.soft(receipt?.status, name).toBe('failed');
        expect.soft(receipt?.error, name).toEqual(expected);
        expect.soft(receipt?.job?.attempts, `${name}: attempts`).toBe(1);
        expect.soft(site.requests.get(counted) ?? 0, `${name}: requests for the address scanned`).toBe(requests);
        expect.soft(receipt?.original, name).toBeNull();
        expect.soft(await background.readOriginal(receiptId), name).toBeUndefined();
      }
      // The download followed the loop as far as Chrome goes (20 redirects), and the look at the first hop added one.
      expect(loopHops).toBeLessThanOrEqual(22);
      expect(site.countRequests('/loop'), 'redirect loop hops after the wait').toBe(loopHops);
      expect(await background.readOriginals()).toEqual([]);
      expect(ocr.received).toEqual([]);

      await expectNormalScanFinishes(journey, 'sroie-006');
    });
  });
});
