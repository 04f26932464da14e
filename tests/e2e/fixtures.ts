import { readdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { test as baseTest } from 'vitest';
import type { Settings } from '../../utils/settings';
import { startOcrServer } from '../ocr-server';
import type { OcrTestServer } from '../ocr-server';
import { createBackgroundDriver } from './harness/background-driver';
import type { BackgroundDriver } from './harness/background-driver';
import { launchExtension } from './harness/launch-extension';
import type { LaunchedExtension } from './harness/launch-extension';
import { startPageServer } from './harness/page-server';
import type { PageServer } from './harness/page-server';
import { OptionsPage } from './pages/options-page';
import { ARTIFACTS_DIR, PopupPage } from './pages/popup-page';

export const E2E_API_KEY = 'e2e-test-key-0001';

/** One browser, one OCR server and one page server for the whole run (vitest runs the files in one worker). */
export interface Harness {
  extension: LaunchedExtension;
  background: BackgroundDriver;
  ocr: OcrTestServer;
  pages: PageServer;
}

/** What every journey starts from: an empty extension pointed at the test OCR server over HTTP/2. */
export interface Journey extends Harness {
  /** Settings every journey starts with; the OCR endpoint is the HTTP/2 server. */
  baseSettings: Partial<Settings>;
  openPopup(): Promise<PopupPage>;
  openOptions(): Promise<OptionsPage>;
  /** Opens a web page in a tab, as the user would before right-clicking an image on it. */
  openWebPage(url: string): Promise<Page>;
}

export const test = baseTest
  .extend('harness', { scope: 'worker' }, async ({}, { onCleanup }): Promise<Harness> => {
    // Screenshots of an earlier run would pass for this one's.
    await rm(ARTIFACTS_DIR, { recursive: true, force: true });
    const [extension, ocr, pages] = await Promise.all([launchExtension(), startOcrServer({ apiKey: E2E_API_KEY }), startPageServer()]);
    onCleanup(async () => {
      await extension.close();
      await Promise.all([ocr.close(), pages.close()]);
    });
    return { extension, background: createBackgroundDriver(extension.worker), ocr, pages };
  })
  .extend('journey', async ({ harness }, { onCleanup }): Promise<Journey> => {
    const { extension, background, ocr } = harness;
    const opened: Page[] = [];
    await background.resetState();
    // Every journey but the first-run one starts as a user who has read the welcome page.
    await background.markWelcomeSeen();
    ocr.setFault(null);
    ocr.reset();
    for (const name of await readdir(extension.downloadsDir)) await rm(join(extension.downloadsDir, name), { force: true });
    const baseSettings: Partial<Settings> = { apiKey: E2E_API_KEY, endpoint: ocr.http2Url };
    await background.setSettings(baseSettings);
    onCleanup(async () => {
      await Promise.all(opened.filter((page) => !page.isClosed()).map((page) => page.close()));
    });
    const track = <T extends { page: Page }>(opened_: T): T => {
      opened.push(opened_.page);
      return opened_;
    };
    return {
      ...harness,
      baseSettings,
      openPopup: async () => track(await PopupPage.open(extension.context, extension.extensionId)),
      openOptions: async () => track(await OptionsPage.open(extension.context, extension.extensionId)),
      openWebPage: async (url) => {
        const page = await extension.context.newPage();
        opened.push(page);
        await page.goto(url);
        await page.waitForLoadState('load');
        return page;
      },
    };
  });

export { expect, describe } from 'vitest';
