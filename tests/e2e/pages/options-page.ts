import type { BrowserContext, Locator, Page } from 'playwright-core';

export const OPTION_LABELS = {
  apiKey: 'API key',
  endpoint: 'OCR endpoint',
  language: 'Language',
  engine: 'OCR engine',
  uploadLimitKb: 'Upload size limit (KB)',
  downloadLimitMb: 'Download limit (MB)',
  dateOrder: 'Date order',
  defaultCurrency: 'Default currency',
} as const;

export type OptionName = keyof typeof OPTION_LABELS;

/** The extension's options page (options.html). */
export class OptionsPage {
  private constructor(readonly page: Page) {}

  static async open(context: BrowserContext, extensionId: string): Promise<OptionsPage> {
    const page = await context.newPage();
    await page.goto(`chrome-extension://${extensionId}/options.html`);
    const options = new OptionsPage(page);
    // The form fills itself from storage after load; the key field is the last to be useful.
    await options.input('apiKey').waitFor({ timeout: 5_000 });
    return options;
  }

  input(name: OptionName): Locator {
    return this.page.getByLabel(OPTION_LABELS[name], { exact: true });
  }

  async value(name: OptionName): Promise<string> {
    return this.input(name).inputValue();
  }

  /** Types into a text field or picks an option of a select, as the user would. */
  async set(name: OptionName, value: string): Promise<void> {
    const input = this.input(name);
    const tag = await input.evaluate((element) => element.tagName.toLowerCase());
    if (tag === 'select') await input.selectOption(value);
    else await input.fill(value);
  }

  async save(): Promise<void> {
    await this.page.getByRole('button', { name: 'Save', exact: true }).click();
  }

  status(): Locator {
    return this.page.getByText('Settings saved.');
  }

  alerts(): Locator {
    return this.page.getByRole('alert');
  }

  async close(): Promise<void> {
    await this.page.close();
  }
}
