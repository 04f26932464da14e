import { scanErrors } from '../../../utils/scan-error';
import { describe, expect, test } from '../fixtures';
import { clickScanPage } from '../harness/menu-clicks';
import { startMixedPageServer, type MixedImage } from '../harness/mixed-page-server';
import { readReceiptImage, sha256 } from '../harness/receipts-dev';

const IMAGES: MixedImage[] = [
  { name: 'lunch', receipt: 'sroie-000', later: 'receipt' },
  { name: 'taxi', receipt: 'sroie-002', later: 'html' },
  { name: 'hotel', receipt: 'sroie-004', later: 'receipt' },
  { name: 'parking', receipt: 'sroie-006', later: 'not-found' },
  { name: 'dinner', receipt: 'sroie-010', later: 'receipt' },
];

describe('journey 12: "Scan all images on this page" with good and bad images', () => {
  test('asks in the page, skips the icon, and ends "3 scanned, 2 failed" as one batch', async ({ journey, onTestFinished }) => {
    const { background, extension } = journey;
    const site = await startMixedPageServer(IMAGES);
    onTestFinished(() => site.close());
    const page = await journey.openWebPage(site.pageUrl);
    const popup = await journey.openPopup();

    const questions: string[] = [];
    page.on('dialog', (dialog) => {
      questions.push(`${dialog.type()}: ${dialog.message()}`);
      void dialog.accept();
    });
    await clickScanPage(await extension.worker(), page.url());

    const deadline = Date.now() + 10_000;
    let receipts = await background.readReceipts();
    while (receipts.length < IMAGES.length && Date.now() < deadline) receipts = await background.readReceipts();
    expect(questions).toEqual(['confirm: Scan 5 images from this page as receipts?']);
    expect(receipts.map((receipt) => receipt.source.imageUrl).sort()).toEqual(IMAGES.map(({ name }) => site.imageUrl(name)).sort());

    const ended = await Promise.all(receipts.map((receipt) => background.waitForReceipt(receipt.id, ['done', 'failed'], 30_000)));
    const byUrl = new Map(ended.map((receipt) => [receipt.source.imageUrl, receipt]));
    const batchIds = new Set(ended.map((receipt) => receipt.job?.batchId));
    expect(batchIds.size).toBe(1);
    expect([...batchIds][0]).toMatch(/^[0-9a-f-]{36}$/);
    for (const { name, receipt: source, later } of IMAGES) {
      const receipt = byUrl.get(site.imageUrl(name));
      if (later === 'receipt') {
        expect.soft([name, receipt?.status, receipt?.error]).toEqual([name, 'done', null]);
        expect.soft(receipt?.original?.sha256, name).toBe(sha256(await readReceiptImage(source)));
      } else {
        const error = later === 'html' ? scanErrors.notAnImage('an HTML page') : scanErrors.notFound();
        expect.soft([name, receipt?.status, receipt?.error]).toEqual([name, 'failed', error]);
      }
    }
    // The icon was shown in the page and never downloaded by the extension.
    expect(site.requests.get('/icon.gif')).toBe(1);
    expect(await background.readReceipts()).toHaveLength(IMAGES.length);

    const bar = popup.page.locator('section[aria-label="Batch"]');
    await bar.getByText('Batch finished: 3 scanned, 2 failed.').waitFor({ timeout: 10_000 });
    const progress = bar.getByRole('progressbar');
    expect(await progress.getAttribute('aria-valuenow')).toBe('5');
    expect(await progress.getAttribute('aria-valuemax')).toBe('5');
    await popup.screenshot('journey-12-batch');
  });
});
