import type { Locator, Page } from 'playwright-core';

export interface ReceiptDetailFields {
  merchant: string;
  date: string;
  time: string;
  total: string;
  currency: string;
  subtotal: string;
  tax: string;
  tip: string;
}

const DETAIL_LABELS: Record<keyof ReceiptDetailFields, string> = {
  merchant: 'Merchant',
  date: 'Date',
  time: 'Time',
  total: 'Total',
  currency: 'Currency',
  subtotal: 'Subtotal',
  tax: 'Tax',
  tip: 'Tip',
};

/** The receipt's detail view inside the popup. */
export class ReceiptDetail {
  constructor(readonly page: Page) {}

  /** By label start: a label may carry a badge after its name ("Total check"), and "Total" must not find "Subtotal". */
  field(name: keyof ReceiptDetailFields): Locator {
    return this.page.getByLabel(new RegExp(`^${DETAIL_LABELS[name]}(\\s|$)`));
  }

  async fields(): Promise<ReceiptDetailFields> {
    const value = (name: keyof ReceiptDetailFields) => this.field(name).inputValue();
    const [merchant, date, time, total, currency, subtotal, tax, tip] = await Promise.all(
      (['merchant', 'date', 'time', 'total', 'currency', 'subtotal', 'tax', 'tip'] as const).map(value),
    );
    return { merchant: merchant ?? '', date: date ?? '', time: time ?? '', total: total ?? '', currency: currency ?? '', subtotal: subtotal ?? '', tax: tax ?? '', tip: tip ?? '' };
  }

  async setField(name: keyof ReceiptDetailFields, value: string): Promise<void> {
    await this.field(name).fill(value);
  }

  async save(): Promise<void> {
    await this.page.getByRole('button', { name: 'Save changes' }).click();
  }

  async ocrText(): Promise<string> {
    return (await this.page.locator('pre[aria-label="OCR text"]').textContent()) ?? '';
  }

  async downloadOriginal(): Promise<void> {
    await this.page.getByRole('button', { name: 'Download original' }).click();
  }

  async delete(): Promise<void> {
    await this.page.getByRole('button', { name: 'Delete' }).click();
  }

  async back(): Promise<void> {
    await this.page.getByRole('button', { name: 'Back' }).click();
  }
}
