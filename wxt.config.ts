import { defineConfig } from 'wxt';
import preact from '@preact/preset-vite';

export default defineConfig({
  modules: ['@wxt-dev/webextension-polyfill'],
  // Explicit imports everywhere: a reader sees where each name comes from.
  imports: false,
  vite: () => ({
    plugins: [preact()],
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
