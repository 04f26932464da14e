/** Debian's Chromium, or E2E_CHROMIUM. */
export const CHROMIUM = process.env.E2E_CHROMIUM ?? '/usr/bin/chromium';

/** Headless Chromium with only the extension under test, quiet on a machine without internet. */
export function chromiumFlags(extensionDir: string): string[] {
  return [
    '--headless=new',
    `--disable-extensions-except=${extensionDir}`,
    `--load-extension=${extensionDir}`,
    '--no-sandbox',
    '--disable-gpu',
    '--disable-quic',
    '--no-first-run',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    // The HTTP/2 test server is self-signed; ignoreHTTPSErrors does not reach the service worker.
    '--ignore-certificate-errors',
  ];
}
