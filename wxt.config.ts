import { defineConfig } from 'wxt';
import preact from '@preact/preset-vite';

export default defineConfig({
  modules: ['@wxt-dev/webextension-polyfill'],
  // Explicit imports everywhere: a reader sees where each name comes from.
  imports: false,
  vite: () => ({
    plugins: [preact()],
  }),
  manifest: {
    name: 'Receipt Scanner',
    description: 'Right-click a receipt image on any page to turn it into an expense record.',
    permissions: ['contextMenus', 'storage', 'downloads', 'scripting', 'unlimitedStorage', 'alarms', 'notifications'],
    host_permissions: ['<all_urls>'],
    action: { default_title: 'Receipt Scanner' },
  },
});
