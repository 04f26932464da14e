import { resolve } from 'node:path';
import { afterAll, beforeAll } from 'vitest';
import { startOcrServer, type OcrTestServer } from '../../ocr-server/index';
import { launchFirefox, type FirefoxWithExtension } from './launch-firefox';
import { startPageServer, type PageServer } from './page-server';

export const FIREFOX_BUILD = resolve('.output/firefox-mv2');

export interface FirefoxJourney {
  readonly firefox: FirefoxWithExtension;
  readonly ocr: OcrTestServer;
  readonly pages: PageServer;
  /** Stores the extension's settings as the options would, the welcome page seen, from an extension page. */
  useSettings(settings: Record<string, unknown>): Promise<void>;
}

/**
 * What every Firefox journey stands on, for the describe block it is called in: the OCR test server (taking `apiKey`),
 * the page server and Firefox ESR with the built extension, started before its tests and closed after them.
 */
export function setUpFirefoxJourney(apiKey: string): FirefoxJourney {
  let firefox: FirefoxWithExtension | undefined;
  let ocr: OcrTestServer | undefined;
  let pages: PageServer | undefined;
  beforeAll(async () => {
    [ocr, pages] = await Promise.all([startOcrServer({ apiKey }), startPageServer()]);
    firefox = await launchFirefox(FIREFOX_BUILD);
  }, 60_000);
  afterAll(async () => {
    await firefox?.close();
    await Promise.all([ocr?.close(), pages?.close()]);
  });
  const started = <T>(part: T | undefined, name: string): T => {
    if (part === undefined) throw new Error(`${name} did not start`);
    return part;
  };
  const journey: FirefoxJourney = {
    get firefox() {
      return started(firefox, 'Firefox');
    },
    get ocr() {
      return started(ocr, 'the OCR test server');
    },
    get pages() {
      return started(pages, 'the page server');
    },
    async useSettings(settings) {
      await journey.firefox.openExtensionPage('popup.html');
      await journey.firefox.evaluate(`return browser.storage.local.set({ settings: arguments[0], welcomeSeenAt: Date.now() });`, settings);
    },
  };
  return journey;
}
