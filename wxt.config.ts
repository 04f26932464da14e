import { defineConfig } from 'wxt';
import preact from '@preact/preset-vite';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Plugin } from 'vite';

/** tesseract.js names CDN addresses as defaults for paths the extension always sets: none of them may ship. */
const CDN_ADDRESS = /https:\/\/cdn\.jsdelivr\.net\/npm\/[^"'`]*/g;
const withoutCdn = (code: string) => code.replace(CDN_ADDRESS, '');
const tesseractWithoutCdn: Plugin = {
  name: 'tesseract-without-cdn',
  transform: (code, id) => (id.includes('/node_modules/tesseract.js/') && code.includes('cdn.jsdelivr.net') ? withoutCdn(code) : null),
};

/** Tesseract's worker, its LSTM-only SIMD core (script and WebAssembly as files) and English: shipped, never fetched. */
const TESSERACT_FILES: [string, string][] = [
  ['node_modules/tesseract.js/dist/worker.min.js', 'tesseract/worker.min.js'],
  ['node_modules/tesseract.js-core/tesseract-core-simd-lstm.js', 'tesseract/tesseract-core-simd-lstm.js'],
  ['node_modules/tesseract.js-core/tesseract-core-simd-lstm.wasm', 'tesseract/tesseract-core-simd-lstm.wasm'],
  ['node_modules/@tesseract.js-data/eng/4.0.0_best_int/eng.traineddata.gz', 'tesseract/eng.traineddata.gz'],
];

export default defineConfig({
  modules: ['@wxt-dev/webextension-polyfill'],
  // Explicit imports everywhere: a reader sees where each name comes from.
  imports: false,
  hooks: {
    'build:publicAssets': (_wxt, files) => {
      for (const [source, destination] of TESSERACT_FILES) {
        files.push(destination.endsWith('.js') ? { contents: withoutCdn(readFileSync(resolve(source), 'utf8')), relativeDest: destination } : { absoluteSrc: resolve(source), relativeDest: destination });
      }
    },
  },
  vite: () => ({
    plugins: [preact(), tesseractWithoutCdn],
    // `npm run size` asks for source maps to say where an entry's bytes come from; they are not shipped.
    build: { sourcemap: process.env.SIZE_SOURCEMAPS === '1' ? 'hidden' : false, minify: 'terser', terserOptions: { compress: { passes: 3 } } },
  }),
  manifest: ({ browser }) => ({
    name: 'Receipt Scanner',
    description: 'Right-click a receipt image on any page to turn it into an expense record.',
    // offscreen: Chrome's page for pdf.js (Firefox reads PDFs in a frame of its background page).
    permissions: ['contextMenus', 'storage', 'downloads', 'scripting', 'unlimitedStorage', 'alarms', 'notifications', ...(browser === 'firefox' ? [] : ['offscreen'])],
    host_permissions: ['<all_urls>'],
    action: { default_title: 'Receipt Scanner' },
    // WebAssembly for the on-device reader (Tesseract); nothing remote. Without it recognition hangs without an error.
    content_security_policy:
      browser === 'firefox'
        ? "script-src 'self' 'wasm-unsafe-eval'; object-src 'self';"
        : { extension_pages: "script-src 'self' 'wasm-unsafe-eval'; object-src 'self';" },
    commands: { 'scan-area': { suggested_key: { default: 'Alt+Shift+S' }, description: 'Select an area to scan' } },
    ...(browser === 'firefox' && {
      browser_specific_settings: {
        gecko: {
          id: '@receipt-scanner',
          strict_min_version: '140.0',
          // Receipt images from web pages go to the OCR service the user configures, to be read.
          data_collection_permissions: { required: ['websiteContent', 'financialAndPaymentInfo'] },
        },
        // The first Firefox for Android that knows data_collection_permissions.
        gecko_android: { strict_min_version: '142.0' },
      },
    }),
  }),
});
