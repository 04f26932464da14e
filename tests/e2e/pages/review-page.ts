import { mkdir } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { BrowserContext, Locator, Page } from 'playwright-core';
import type { FieldBox } from '../../../utils/receipt';
import { ARTIFACTS_DIR } from './popup-page';
import { screenshotWholePage } from './whole-page-screenshot';

/** The review page (review.html): the table of receipts, the selected one's fields and its zoomable original. */
export class ReviewPage {
  private constructor(readonly page: Page) {}

  static async open(context: BrowserContext, extensionId: string, receiptId?: string): Promise<ReviewPage> {
    const page = await context.newPage();
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.goto(`chrome-extension://${extensionId}/review.html${receiptId ? `?id=${encodeURIComponent(receiptId)}` : ''}`);
    await page.getByRole('heading', { level: 1, name: 'Review receipts' }).waitFor();
    return new ReviewPage(page);
  }

  rows(): Locator {
    return this.page.locator('.receipt-table tbody tr');
  }

  async rowIds(): Promise<string[]> {
    return this.rows().evaluateAll((rows) => rows.map((row) => row.getAttribute('data-receipt-id') ?? ''));
  }

  async sortBy(column: string): Promise<void> {
    await this.page.getByRole('button', { name: column, exact: false }).first().click();
  }

  async select(receiptId: string): Promise<void> {
    await this.page.locator(`.receipt-table tr[data-receipt-id="${receiptId}"]`).click();
    await this.page.locator('.receipt-table tr.selected').waitFor();
  }

  field(label: string): Locator {
    return this.page.getByLabel(label, { exact: true });
  }

  /** Waits until the original is shown at its size, so clicks land where the words are. */
  async waitForOriginal(): Promise<void> {
    await this.page.waitForFunction(() => {
      const image = document.querySelector<HTMLImageElement>('.zoom-figure img');
      return image !== null && image.complete && image.naturalWidth > 0;
    });
  }

  /** Clicks the middle of a box given in the pixels of the image the words were read on, scrolling the image to it first. */
  async clickOnImage(box: FieldBox, imageWidth: number, imageHeight: number): Promise<void> {
    await this.waitForOriginal();
    const share = { x: (box.left + box.width / 2) / imageWidth, y: (box.top + box.height / 2) / imageHeight };
    await this.page.locator('.zoom-viewport').scrollIntoViewIfNeeded();
    await this.page.evaluate(({ x, y }) => {
      const viewport = document.querySelector<HTMLElement>('.zoom-viewport');
      const image = document.querySelector<HTMLImageElement>('.zoom-figure img');
      if (!viewport || !image) return;
      viewport.scrollTop = y * image.clientHeight - viewport.clientHeight / 2;
      viewport.scrollLeft = x * image.clientWidth - viewport.clientWidth / 2;
    }, share);
    const rect = await this.page.locator('.zoom-figure img').boundingBox();
    if (!rect) throw new Error('The original is not shown');
    await this.page.mouse.click(rect.x + share.x * rect.width, rect.y + share.y * rect.height);
  }

  status(): Locator {
    return this.page.locator('.review-form [role="status"]');
  }

  async save(): Promise<void> {
    await this.page.getByRole('button', { name: 'Save', exact: true }).click();
    await this.status().filter({ hasText: 'Saved.' }).waitFor();
  }

  async screenshot(name: string): Promise<string> {
    await mkdir(ARTIFACTS_DIR, { recursive: true });
    const path = resolve(ARTIFACTS_DIR, `${name}.png`);
    await screenshotWholePage(this.page, path);
    return path;
  }
}
