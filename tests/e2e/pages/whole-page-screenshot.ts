import type { Page } from 'playwright-core';

/**
 * The whole page, laid out once. Playwright's full-page capture takes the width the page had beside its scrollbar and
 * then draws it without one, cutting the right-hand 15 px off (a 400 px popup came out 385 px wide, its fields cut).
 * With the scrollbar hidden while it captures, the width measured and the width drawn are the same.
 */
export async function screenshotWholePage(page: Page, path: string): Promise<void> {
  const hide = (hidden: boolean) => page.evaluate((on) => void (document.documentElement.style.scrollbarWidth = on ? 'none' : ''), hidden);
  await hide(true);
  try {
    await page.screenshot({ path, fullPage: true });
  } finally {
    await hide(false);
  }
}
