import { needsReview } from '../../../utils/storage/receipt-summary';
import type { ReceiptRecord } from '../../../utils/receipt';
import { formatReceiptDate, formatTotal } from '../../../utils/receipt-format';
import { describe, expect, test } from '../fixtures';
import { scanReceipts } from '../harness/expense-journey';
import { BROWSER_LOCALE } from '../harness/launch-extension';

const IMAGES = ['sroie-000', 'sroie-022', 'sroie-290'];

describe('journey 13: search, filter and edit in the popup', () => {
  test('search narrows by merchant, the filters by state, and an edit shows in the row and the database', async ({ journey }) => {
    const { background, pages } = journey;
    const scanned = await scanReceipts(journey, IMAGES);
    // One that fails, so that "Failed" has something to show.
    const page = await journey.openWebPage(pages.receiptsPageUrl([]));
    const failedId = await background.scanImage(pages.notFoundUrl, page.url());
    expect((await background.waitForReceipt(failedId)).status).toBe('failed');
    const popup = await journey.openPopup();
    const allIds = [...scanned.map(({ receipt }) => receipt.id), failedId];
    await expect.poll(async () => (await popup.receiptIds()).sort()).toEqual([...allIds].sort());

    // A word of one merchant's name that no other receipt's merchant or text holds.
    const stored = await background.readReceipts();
    const textOf = (receipt: (typeof stored)[number]) => `${receipt.fields?.merchant ?? ''} ${receipt.ocr?.text ?? ''}`.toLowerCase();
    const uniqueWord = (receipt: (typeof stored)[number]) =>
      (receipt.fields?.merchant ?? '')
        .split(/\s+/)
        .find((word) => /^\p{L}{4,}$/u.test(word) && stored.every((other) => other.id === receipt.id || !textOf(other).includes(word.toLowerCase())));
    const target = stored.find((receipt) => uniqueWord(receipt) !== undefined);
    const word = target && uniqueWord(target);
    if (!target || !word) throw new Error(`No merchant has a word of its own: ${stored.map((receipt) => receipt.fields?.merchant).join(' | ')}`);

    const search = popup.page.getByLabel('Search', { exact: true });
    await search.fill(word.toLowerCase());
    await expect.poll(() => popup.receiptIds()).toEqual([target.id]);
    await popup.page.getByRole('status').filter({ hasText: '1 receipt match' }).waitFor({ timeout: 5_000 });
    await search.fill('no receipt says this zzqx');
    await popup.page.getByText('No receipts match.').waitFor({ timeout: 5_000 });
    await search.fill('');

    const show = popup.page.getByLabel('Show', { exact: true });
    await show.selectOption({ label: 'Needs review' });
    const review = stored.filter((receipt) => needsReview(receipt as unknown as ReceiptRecord)).map((receipt) => receipt.id).sort();
    if (review.length === 0) await popup.page.getByText('No receipts match.').waitFor({ timeout: 5_000 });
    else await expect.poll(async () => (await popup.receiptIds()).sort()).toEqual(review);
    await show.selectOption({ label: 'Failed' });
    await expect.poll(() => popup.receiptIds()).toEqual([failedId]);
    expect(await popup.row(failedId).getByRole('alert').textContent()).toBe('The image is no longer there (HTTP 404).');
    await show.selectOption({ label: 'All receipts' });
    await expect.poll(async () => (await popup.receiptIds()).length).toBe(allIds.length);

    // Edit the total and the date.
    const edited = scanned[0]?.receipt;
    if (!edited?.fields) throw new Error('the first receipt has no fields');
    const detail = await popup.openDetail(edited.id);
    expect((await detail.fields()).total).toBe(edited.fields.total ?? '');
    await detail.setField('total', '123.45');
    await detail.setField('date', '2026-03-15');
    await detail.save();
    const saved = await background.waitForReceiptMatching(edited.id, (receipt) => receipt.fields?.total === '123.45', 'edited');
    expect(saved.fields?.date).toBe('2026-03-15');
    expect([...saved.edited].sort()).toEqual(['date', 'total']);
    expect(saved.fields?.merchant).toBe(edited.fields.merchant);
    expect(saved.fields?.currency).toBe(edited.fields.currency);
    // The detail shows the saved values, each marked "edited".
    await expect.poll(() => popup.page.locator('#field-total-hint').textContent()).toBe('edited');
    expect(await popup.page.locator('#field-date-hint').textContent()).toBe('edited');
    expect(await popup.page.locator('#field-merchant-hint').count()).toBe(edited.edited.includes('merchant') ? 1 : 0);
    expect(await detail.field('total').getAttribute('aria-describedby')).toContain('field-total-hint');
    expect(await detail.field('total').inputValue()).toBe('123.45');
    expect(await detail.field('date').inputValue()).toBe('2026-03-15');

    await popup.page.keyboard.press('Escape');
    await popup.list().waitFor({ timeout: 5_000 });
    const row = await popup.waitForRow(edited.id, (text) => text.includes('123.45'));
    expect(row).toContain(formatTotal('123.45', edited.fields.currency));
    expect(row).toContain(formatReceiptDate('2026-03-15', BROWSER_LOCALE));
    // The month filter now knows March 2026.
    await expect.poll(() => popup.page.getByLabel('Month', { exact: true }).locator('option').allTextContents()).toContain('March 2026');
  });
});
