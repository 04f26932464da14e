import { describe, expect, test } from '../fixtures';
import { readTruth } from '../harness/receipts-dev';
import { ReviewPage } from '../pages/review-page';

const IMAGES = ['sroie-000', 'sroie-002'];

describe('journey 26: the review page', () => {
  test('sorts the table, fills the total and the date from words clicked on the original, and completes a failed scan by hand', async ({ journey }) => {
    const { background, pages, extension } = journey;
    const web = await journey.openWebPage(pages.receiptsPageUrl(IMAGES));
    const ids: string[] = [];
    for (const image of IMAGES) ids.push(await background.scanImage(pages.imageUrl(image), web.url()));
    const failedId = await background.scanImage(pages.notFoundUrl, web.url());
    const [first, second] = await Promise.all(ids.map((id) => background.waitForReceipt(id)));
    await background.waitForReceipt(failedId);
    if (!first || !second) throw new Error('scans did not end');

    const review = await ReviewPage.open(extension.context, extension.extensionId, first.id);
    await review.rows().nth(2).waitFor();
    // Newest receipt date first, the undated failed scan last.
    const byDate = [first, second].sort((a, b) => (b.fields?.date ?? '').localeCompare(a.fields?.date ?? '')).map((receipt) => receipt.id);
    expect(await review.rowIds()).toEqual([...byDate, failedId]);
    await review.sortBy('Total');
    const byTotal = [first, second].sort((a, b) => Number(b.fields?.total) - Number(a.fields?.total)).map((receipt) => receipt.id);
    expect(await review.rowIds()).toEqual([...byTotal, failedId]);
    await review.sortBy('Total');
    expect(await review.rowIds()).toEqual([...[...byTotal].reverse(), failedId]);

    // Click-a-word: empty the field, focus it, click where the parser read it.
    const truth = await readTruth(IMAGES[0] ?? '');
    const { boxes } = first.fields ?? {};
    const width = first.ocr?.imageWidth ?? 0;
    const height = first.ocr?.imageHeight ?? 0;
    expect(boxes?.total && boxes.date && width > 0 && height > 0).toBeTruthy();
    await review.waitForOriginal();
    for (const [label, box, expected] of [['Total', boxes?.total, truth.total], ['Date', boxes?.date, truth.date[0]]] as const) {
      await review.field(label).fill('');
      await review.field(label).focus();
      if (box) await review.clickOnImage(box, width, height);
      await expect.poll(() => review.field(label).inputValue(), { timeout: 3_000 }).toBe(expected);
    }
    await review.screenshot('journey-26-review-light');
    await review.save();
    const saved = await background.readReceipt(first.id);
    expect(saved?.fields?.total).toBe(truth.total);
    expect(saved?.fields?.date).toBe(truth.date[0]);

    // A failed scan completed by hand becomes a receipt like any other.
    await review.select(failedId);
    await review.page.getByText('Complete it by hand below').waitFor();
    expect(await review.page.getByRole('button', { name: 'Retry' }).count()).toBe(0);
    await review.field('Merchant').fill('Corner Shop');
    await review.field('Date').fill('2024-05-01');
    await review.field('Total').fill('4,20');
    await review.field('Currency').fill('eur');
    await review.field('Category').fill('Meals');
    await review.save();
    const completed = await background.readReceipt(failedId);
    expect(completed).toMatchObject({ status: 'done', error: null, category: 'Meals' });
    expect(completed?.fields).toMatchObject({ merchant: 'Corner Shop', date: '2024-05-01', total: '4.20', currency: 'EUR' });

    // The keyboard moves between receipts in the table's order, even from inside a field.
    const order = await review.rowIds();
    await review.select(order[0] ?? '');
    await expect.poll(() => review.page.locator('.receipt-table tr.selected').getAttribute('data-receipt-id')).toBe(order[0]);
    await review.field('Note').focus();
    await review.page.keyboard.press('Alt+ArrowDown');
    await expect.poll(() => review.page.locator('.receipt-table tr.selected').getAttribute('data-receipt-id')).toBe(order[1]);
    await review.page.keyboard.press('Alt+ArrowUp');
    await expect.poll(() => review.page.locator('.receipt-table tr.selected').getAttribute('data-receipt-id')).toBe(order[0]);

    await review.page.emulateMedia({ colorScheme: 'dark' });
    await review.select(first.id);
    await review.waitForOriginal();
    await review.screenshot('journey-26-review-dark');
  });
});
