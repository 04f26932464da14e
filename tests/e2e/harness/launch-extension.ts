import { access, cp, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { CHROMIUM, chromiumFlags } from './chromium-flags';
import { chromium } from 'playwright-core';
import type { BrowserContext, Worker } from 'playwright-core';
import { waitForInstallWelcome } from './install-welcome';

export const EXTENSION_DIR = fileURLToPath(new URL('../../../.output/chrome-mv3', import.meta.url));
/** Pinned so dates and the parser's locale fallback do not depend on the machine running the tests. */
export const BROWSER_LOCALE = 'en-US';

// Only ever evaluated in an extension page.
declare const chrome: { runtime: { sendMessage(message: object): Promise<unknown> }; storage: { local: { get(key: string): Promise<Record<string, unknown>> } } };

export interface LaunchedExtension {
  context: BrowserContext;
  extensionId: string;
  /** Where "Download original" files land, under their requested names. */
  downloadsDir: string;
  /** The live background service worker (wakes it if Chrome stopped it). */
  worker(): Promise<Worker>;
  close(): Promise<void>;
}

/** Launches Debian's Chromium with the built extension in a fresh profile. */
export async function launchExtension(extensionDir: string = EXTENSION_DIR): Promise<LaunchedExtension> {
  await access(join(extensionDir, 'manifest.json')).catch(() => {
    throw new Error(`No built extension in ${extensionDir}: run "npx wxt build" first (npm run test:e2e does).`);
  });
  const profileDir = await mkdtemp(join(tmpdir(), 'receipt-scanner-e2e-'));
  // A copy, so that a rebuild of .output during the run (wxt dev, another build) cannot pull the extension away.
  const loadedDir = join(profileDir, 'extension');
  await cp(extensionDir, loadedDir, { recursive: true });
  const userDataDir = join(profileDir, 'profile');
  const downloadsDir = join(profileDir, 'downloads');
  await mkdir(join(userDataDir, 'Default'), { recursive: true });
  await mkdir(downloadsDir, { recursive: true });
  // Without these, downloads would prompt or get Playwright's GUID names.
  const preferences = {
    download: { default_directory: downloadsDir, prompt_for_download: false, directory_upgrade: true },
    savefile: { default_directory: downloadsDir },
  };
  await writeFile(join(userDataDir, 'Default', 'Preferences'), JSON.stringify(preferences));

  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM,
    headless: false,
    acceptDownloads: true,
    locale: BROWSER_LOCALE,
    viewport: { width: 420, height: 640 },
    args: [...chromiumFlags(loadedDir), `--lang=${BROWSER_LOCALE}`],
  });

  const isOurs = (w: Worker): boolean => w.url().startsWith('chrome-extension://') && w.url().endsWith('/background.js');
  const first = context.serviceWorkers().find(isOurs) ?? (await context.waitForEvent('serviceworker', { predicate: isOurs, timeout: 15_000 }));
  const extensionId = new URL(first.url()).host;

  const page = context.pages()[0] ?? (await context.newPage());
  const cdp = await context.newCDPSession(page);
  await cdp.send('Browser.setDownloadBehavior', { behavior: 'default' });
  await cdp.detach();

  const worker = async (): Promise<Worker> => {
    const live = context.serviceWorkers().find(isOurs);
    if (live) return live;
    // Chrome stops idle workers; a message from an extension page is an event it starts the worker for
    // (the extension ignores its unknown type). Untested here: with Playwright attached, Chrome kept the worker alive.
    const wake = async () => {
      const waker = await context.newPage();
      try {
        await waker.goto(`chrome-extension://${extensionId}/popup.html`);
        await waker.evaluate(() => chrome.runtime.sendMessage({ type: 'e2e-wake' }).catch(() => undefined));
      } finally {
        await waker.close();
      }
    };
    const [woken] = await Promise.all([context.waitForEvent('serviceworker', { predicate: isOurs, timeout: 15_000 }), wake()]);
    return woken;
  };

  // The install opened the welcome page: let it finish before any journey sets its own settings.
  await waitForInstallWelcome(() => first.evaluate(async () => (await chrome.storage.local.get('welcomeSeenAt')).welcomeSeenAt !== undefined));

  return {
    context,
    extensionId,
    downloadsDir,
    worker,
    close: async () => {
      await context.close();
      await rm(profileDir, { recursive: true, force: true });
    },
  };
}
