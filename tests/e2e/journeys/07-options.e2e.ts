import { DEFAULT_ENDPOINT, DEMO_API_KEY } from '../../../utils/settings';
import { describe, E2E_API_KEY, expect, test } from '../fixtures';
import { expectReceiptMatchesTruth } from '../harness/receipt-expectations';
import { readReceiptImage, readTruth, sha256 } from '../harness/receipts-dev';

const SOURCE = 'sroie-022';

describe('journey 7: options', () => {
  test('the endpoint and key set through the labelled inputs are what the next scan uses', async ({ journey }) => {
    const { background, pages, ocr } = journey;
    // Start from the shipped defaults, as a fresh install.
    await background.resetState();
    expect(await background.readSettings()).toBeUndefined();
    await background.markWelcomeSeen();

    const options = await journey.openOptions();
    expect(await options.value('endpoint')).toBe(DEFAULT_ENDPOINT);
    expect(await options.value('apiKey')).toBe(DEMO_API_KEY);
    expect(await options.value('uploadLimitKb')).toBe('1024');
    expect(await options.value('downloadLimitMb')).toBe('20');

    // A plain-http endpoint on another host would send the key in clear: refused, nothing saved.
    await options.set('endpoint', 'http://ocr.example.com/parse/image');
    await options.save();
    await options.alerts().first().waitFor({ timeout: 5_000 });
    expect(await options.alerts().allTextContents()).toEqual(['The OCR endpoint must use https:// (http:// is allowed only for localhost).']);
    expect(await options.status().count()).toBe(0);
    expect(await background.readSettings()).toBeUndefined();

    await options.set('endpoint', ocr.http1Url);
    await options.set('apiKey', E2E_API_KEY);
    await options.save();
    await options.status().waitFor({ timeout: 5_000 });
    expect(await options.alerts().count()).toBe(0);
    expect(await background.readSettings()).toMatchObject({ endpoint: ocr.http1Url, apiKey: E2E_API_KEY, uploadLimitBytes: 1024 * 1024 });

    // Reopened, the page shows what was saved.
    await options.page.reload();
    await options.input('apiKey').waitFor();
    await expect.poll(() => options.value('endpoint')).toBe(ocr.http1Url);
    expect(await options.value('apiKey')).toBe(E2E_API_KEY);

    const page = await journey.openWebPage(pages.receiptsPageUrl([SOURCE]));
    const receiptId = await background.scanImage(pages.imageUrl(SOURCE), page.url());
    const receipt = await background.waitForReceipt(receiptId);
    expectReceiptMatchesTruth(receipt, await readTruth(SOURCE), SOURCE);

    const [upload, ...others] = ocr.received;
    expect(others).toEqual([]);
    expect(upload?.protocol).toBe('http/1.1');
    expect(upload?.headers.apikey).toBe(E2E_API_KEY);
    expect(upload?.headers.host).toBe(new URL(ocr.http1Url).host);
    expect(upload?.file.sha256).toBe(sha256(await readReceiptImage(SOURCE)));
  });
});
