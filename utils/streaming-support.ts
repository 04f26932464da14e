import type { StreamingSupportStore } from './ocr-space-client';
import type { SettingsStorage } from './settings';

export const STREAMING_SUPPORT_KEY = 'streamingSupport';

/** Remembered in extension storage so a restarted service worker does not try a refused stream again. */
export function createStoredStreamingSupport(area: SettingsStorage): StreamingSupportStore {
  async function read(): Promise<Record<string, boolean>> {
    const stored = (await area.get(STREAMING_SUPPORT_KEY))[STREAMING_SUPPORT_KEY];
    return typeof stored === 'object' && stored !== null ? (stored as Record<string, boolean>) : {};
  }
  return {
    async get(origin) {
      const value = (await read())[origin];
      return typeof value === 'boolean' ? value : undefined;
    },
    async set(origin, supported) {
      await area.set({ [STREAMING_SUPPORT_KEY]: { ...(await read()), [origin]: supported } });
    },
  };
}
