import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { selectAreaInPage } from '@/utils/capture/area-overlay';
import { OVERLAY_GLOBAL } from '@/utils/capture/area-selection';

// Injected before each "Select an area to scan": leaves the overlay's entry point in the extension's world of the page.
export default defineUnlistedScript(() => {
  (window as unknown as Record<string, unknown>)[OVERLAY_GLOBAL] = selectAreaInPage;
});
