import type { Page } from 'playwright-core';
import { describe, expect, test } from '../fixtures';
import { scanReceipts } from '../harness/expense-journey';

const IMAGES = ['sroie-000', 'sroie-022', 'sroie-290'];

/** Relative luminance (0 black … 1 white) of an rgb()/rgba() colour. */
function luminance(color: string): number {
  const [r = 0, g = 0, b = 0] = (color.match(/[\d.]+/g) ?? []).map(Number).map((channel) => {
    const c = channel / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

const contrast = (a: number, b: number) => (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);

/** The page's background and the colour of a piece of its text, as luminances. */
async function colours(page: Page, textSelector: string): Promise<{ background: number; text: number }> {
  const [background, text] = await page.evaluate((selector) => {
    const bodyBackground = getComputedStyle(document.body).backgroundColor;
    const htmlBackground = getComputedStyle(document.documentElement).backgroundColor;
    const shown = bodyBackground === 'rgba(0, 0, 0, 0)' ? htmlBackground : bodyBackground;
    const element = document.querySelector(selector);
    return [shown, element ? getComputedStyle(element).color : ''];
  }, textSelector);
  return { background: luminance(background), text: luminance(text) };
}

describe('journey 18: screenshots of the popup, light and dark', () => {
  test('list, detail and the dark theme are drawn with readable contrast', async ({ journey }) => {
    const { background, pages } = journey;
    const scanned = await scanReceipts(journey, IMAGES);
    const page = await journey.openWebPage(pages.receiptsPageUrl([]));
    const failedId = await background.scanImage(pages.htmlAsJpegUrl, page.url());
    expect((await background.waitForReceipt(failedId)).status).toBe('failed');
    const popup = await journey.openPopup();
    await expect.poll(async () => (await popup.receiptIds()).length).toBe(IMAGES.length + 1);
    const first = scanned[0]?.receipt;
    if (!first) throw new Error('nothing scanned');

    await popup.page.emulateMedia({ colorScheme: 'light' });
    await popup.screenshot('journey-18-list-light');
    const light = await colours(popup.page, '.merchant');
    expect(light.background).toBeGreaterThan(0.7);
    expect(contrast(light.background, light.text)).toBeGreaterThanOrEqual(4.5);

    const detail = await popup.openDetail(first.id);
    expect((await detail.fields()).total).toBe(first.fields?.total ?? '');
    await popup.screenshot('journey-18-detail-light');

    await popup.page.emulateMedia({ colorScheme: 'dark' });
    await popup.screenshot('journey-18-detail-dark');
    const darkDetail = await colours(popup.page, 'input[name="total"]');
    expect(darkDetail.background).toBeLessThan(0.2);
    expect(contrast(darkDetail.background, darkDetail.text)).toBeGreaterThanOrEqual(4.5);
    await detail.back();
    await popup.list().waitFor({ timeout: 5_000 });
    await popup.screenshot('journey-18-list-dark');
    const dark = await colours(popup.page, '.merchant');
    expect(dark.background).toBeLessThan(0.2);
    expect(contrast(dark.background, dark.text)).toBeGreaterThanOrEqual(4.5);
    const alert = await colours(popup.page, `li[data-receipt-id="${failedId}"] [role="alert"]`);
    expect(contrast(dark.background, alert.text), 'the error text on the dark background').toBeGreaterThanOrEqual(4.5);
  });
});
