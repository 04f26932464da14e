import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { MarionetteError, connectMarionette, type MarionetteClient } from './marionette';

/** Debian's Firefox ESR, or E2E_FIREFOX. */
export const FIREFOX = process.env.E2E_FIREFOX ?? '/usr/bin/firefox-esr';

/** The add-on id the Firefox manifest declares, and the moz-extension host this profile gives it. */
const ADDON_ID = '@receipt-scanner';
const EXTENSION_UUID = '0b4d1f6e-7c2a-4e8b-9d35-6a1c2f8e4b70';
const ELEMENT = 'element-6066-11e4-a52e-4f735466cecf';

export interface FirefoxWithExtension {
  /** moz-extension://…/ of the installed extension. */
  extensionOrigin: string;
  /** Where downloads land, without asking. */
  downloadsDir: string;
  /** Loads a web page in the current tab. */
  goto(url: string): Promise<void>;
  /** Opens one of the extension's pages ("popup.html") in a new tab, as only the browser itself may, and switches to it. */
  openExtensionPage(path: string): Promise<void>;
  /** Runs a function body in the current tab with `arguments`; a returned promise is awaited. */
  evaluate<T>(body: string, ...args: unknown[]): Promise<T>;
  /** Clicks the button with that text, as a pointer would. */
  clickButton(text: string): Promise<void>;
  /** Right-clicks the element, then picks the extension's context-menu item with that label, as a user does. */
  chooseFromContextMenu(selector: string, label: string): Promise<void>;
  /** Chooses files in a file input, as the picker would (WebDriver types the paths into it). */
  chooseFiles(selector: string, paths: string[]): Promise<void>;
  /** Presses the left button at `from` and lets go at `to`, in the viewport's CSS pixels, through a point between. */
  drag(from: { x: number; y: number }, to: { x: number; y: number }): Promise<void>;
  screenshot(): Promise<Buffer>;
  close(): Promise<void>;
}

async function findFreePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  if (address === null || typeof address === 'string') throw new Error('No free port');
  return address.port;
}

const userPrefs = (prefs: Record<string, string | number | boolean>): string =>
  Object.entries(prefs)
    .map(([name, value]) => `user_pref(${JSON.stringify(name)}, ${JSON.stringify(value)});`)
    .join('\n');

/** The browser's window handles; Marionette answers some commands with the value itself, others wrapped in { value }. */
async function readWindowHandles(marionette: MarionetteClient): Promise<string[]> {
  const handles = await marionette.send<{ value: string[] } | string[]>('WebDriver:GetWindowHandles');
  return Array.isArray(handles) ? handles : handles.value;
}

/** Headless Firefox with a fresh profile and the built extension installed as a temporary add-on. */
export async function launchFirefox(extensionDir: string): Promise<FirefoxWithExtension> {
  if (!existsSync(FIREFOX)) throw new Error(`Firefox not found at ${FIREFOX}: install Debian's firefox-esr (apt-get install firefox-esr) or set E2E_FIREFOX.`);
  const port = await findFreePort();
  const profile = mkdtempSync(join(tmpdir(), 'receipt-scanner-firefox-'));
  const downloadsDir = join(profile, 'downloads');
  mkdirSync(downloadsDir);
  writeFileSync(
    join(profile, 'user.js'),
    userPrefs({
      'marionette.port': port,
      'browser.download.folderList': 2,
      'browser.download.dir': downloadsDir,
      'browser.download.useDownloadDir': true,
      'extensions.webextensions.uuids': JSON.stringify({ [ADDON_ID]: EXTENSION_UUID }),
      // Quiet on a machine without internet.
      'app.update.disabledForTesting': true,
      'browser.shell.checkDefaultBrowser': false,
      'datareporting.policy.dataSubmissionEnabled': false,
      'network.captive-portal-service.enabled': false,
    }),
  );
  const firefox = spawn(FIREFOX, ['--headless', '--marionette', '-remote-allow-system-access', '--no-remote', '--profile', profile], { stdio: 'ignore' });
  /** A launch that fails leaves no Firefox and no profile behind. */
  const abandon = (error: unknown): never => {
    firefox.kill();
    rmSync(profile, { recursive: true, force: true });
    throw error;
  };
  let marionette: MarionetteClient;
  let handlesBeforeInstall: string[] = [];
  try {
    marionette = await connectMarionette(port);
    // Finding an element waits up to 5 s for it, as a page renders after a click.
    await marionette.send('WebDriver:NewSession', { capabilities: { timeouts: { implicit: 5_000 } } });
    handlesBeforeInstall = await readWindowHandles(marionette);
    await marionette.send('Addon:Install', { path: extensionDir, temporary: true });
  } catch (error) {
    return abandon(error);
  }

  const inChrome = async <T>(run: () => Promise<T>): Promise<T> => {
    await marionette.send('Marionette:SetContext', { value: 'chrome' });
    try {
      return await run();
    } finally {
      await marionette.send('Marionette:SetContext', { value: 'content' });
    }
  };
  const execute = async <T>(body: string, args: unknown[]): Promise<T> =>
    (await marionette.send<{ value: T }>('WebDriver:ExecuteScript', { script: body, args })).value;
  const extensionOrigin = `moz-extension://${EXTENSION_UUID}/`;

  /** Polls `check` until it is true; throws `failure` after `timeoutMs`. */
  const waitUntil = async (check: () => Promise<boolean>, timeoutMs: number, failure: string): Promise<void> => {
    const deadline = Date.now() + timeoutMs;
    while (!(await check())) {
      if (Date.now() > deadline) throw new Error(failure);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  };
  const windowHandles = () => readWindowHandles(marionette);
  /** The element, once the page has drawn it: a page's script may render it after the document has loaded, later on a loaded machine. */
  const findElement = async (using: string, value: string): Promise<string> => {
    let reference: string | undefined;
    await waitUntil(
      async () => {
        try {
          const found = await marionette.send<{ value: Record<string, string> } | Record<string, string>>('WebDriver:FindElement', { using, value });
          reference = ELEMENT in found ? (found as Record<string, string>)[ELEMENT] : (found as { value: Record<string, string> }).value[ELEMENT];
        } catch (error) {
          if (!(error instanceof MarionetteError) || !/no such element/.test(error.message)) throw error;
        }
        return reference !== undefined;
      },
      10_000,
      `No element for ${value} within 10 s`,
    );
    return reference ?? '';
  };

  // The install opens the welcome page, which writes the locale's settings and marks itself seen: wait for it, so it
  // neither writes after a journey's own settings nor opens while a journey opens its next tab.
  const [startTab] = handlesBeforeInstall;
  try {
    let welcome: string | undefined;
    await waitUntil(
      async () => (welcome = (await windowHandles()).find((handle) => !handlesBeforeInstall.includes(handle))) !== undefined,
      30_000,
      'The install did not open the welcome page within 30 s',
    );
    await marionette.send('WebDriver:SwitchToWindow', { handle: welcome, focus: true });
    await waitUntil(
      () =>
        execute<boolean>(
          'return location.href === arguments[0] && document.readyState === "complete" && browser.storage.local.get("welcomeSeenAt").then((stored) => stored.welcomeSeenAt !== undefined);',
          [`${extensionOrigin}welcome.html`],
        ).catch(() => false),
      30_000,
      'The welcome page opened at install did not finish writing its settings within 30 s',
    );
    if (startTab) await marionette.send('WebDriver:SwitchToWindow', { handle: startTab, focus: true });
  } catch (error) {
    marionette.close();
    return abandon(error);
  }

  return {
    extensionOrigin,
    downloadsDir,
    async goto(url) {
      await marionette.send('WebDriver:Navigate', { url });
    },
    async openExtensionPage(path) {
      const url = `${extensionOrigin}${path}`;
      const known = new Set(await windowHandles());
      await inChrome(() =>
        execute('gBrowser.selectedTab = gBrowser.addTab(arguments[0], { triggeringPrincipal: Services.scriptSecurityManager.getSystemPrincipal() });', [url]),
      );
      const handle = (await windowHandles()).find((candidate) => !known.has(candidate));
      if (!handle) throw new Error(`No new tab for ${path}`);
      await marionette.send('WebDriver:SwitchToWindow', { handle, focus: true });
      // A new tab starts as a finished about:blank: wait for the extension page itself.
      await waitUntil(
        () => execute<boolean>('return location.href === arguments[0] && document.readyState === "complete";', [url]),
        // The first extension page after the install can take a while on a loaded machine: the package holds 6 MB of engine files.
        30_000,
        `${path} did not finish loading`,
      );
    },
    // An async wrapper, so the body may await; WebDriver waits for the promise it returns.
    evaluate: (body, ...args) => execute(`return (async function () {\n${body}\n}).apply(null, arguments);`, args),
    async clickButton(text) {
      const element = await findElement('xpath', `//button[normalize-space()=${JSON.stringify(text)}]`);
      await marionette.send('WebDriver:ElementClick', { id: element });
    },
    async chooseFromContextMenu(selector, label) {
      const element = await findElement('css selector', selector);
      await marionette.send('WebDriver:PerformActions', {
        actions: [
          {
            type: 'pointer',
            id: 'mouse',
            parameters: { pointerType: 'mouse' },
            actions: [{ type: 'pointerMove', origin: { [ELEMENT]: element }, x: 0, y: 0 }, { type: 'pointerDown', button: 2 }, { type: 'pointerUp', button: 2 }],
          },
        ],
      });
      await marionette.send('WebDriver:ReleaseActions');
      await inChrome(() =>
        waitUntil(
          () =>
            execute<boolean>(
              `const menu = document.getElementById('contentAreaContextMenu');
               const item = [...menu.querySelectorAll('menuitem')].find((candidate) => !candidate.hidden && candidate.label === arguments[0]);
               if (menu.state !== 'open' || !item) return false;
               item.doCommand();
               menu.hidePopup();
               return true;`,
              [label],
            ),
          5_000,
          `The context menu shows no "${label}"`,
        ),
      );
    },
    async chooseFiles(selector, paths) {
      const element = await findElement('css selector', selector);
      await marionette.send('WebDriver:ElementSendKeys', { id: element, text: paths.join('\n') });
    },
    async drag(from, to) {
      const move = (point: { x: number; y: number }) => ({ type: 'pointerMove', origin: 'viewport', x: Math.round(point.x), y: Math.round(point.y), duration: 50 });
      const middle = { x: (from.x + to.x) / 2, y: (from.y + to.y) / 2 };
      await marionette.send('WebDriver:PerformActions', {
        actions: [
          {
            type: 'pointer',
            id: 'mouse',
            parameters: { pointerType: 'mouse' },
            actions: [move(from), { type: 'pointerDown', button: 0 }, move(middle), move(to), { type: 'pointerUp', button: 0 }],
          },
        ],
      });
      await marionette.send('WebDriver:ReleaseActions');
    },
    async screenshot() {
      const shot = await marionette.send<{ value: string }>('WebDriver:TakeScreenshot', {});
      return Buffer.from(shot.value, 'base64');
    },
    async close() {
      await marionette.send('Marionette:Quit', { flags: ['eForceQuit'] }).catch(() => undefined);
      marionette.close();
      if (firefox.exitCode === null && firefox.signalCode === null) {
        const exited = new Promise<void>((resolve) => firefox.once('exit', () => resolve()));
        const timer = setTimeout(() => firefox.kill('SIGKILL'), 5_000);
        await exited;
        clearTimeout(timer);
      }
      rmSync(profile, { recursive: true, force: true });
    },
  };
}
