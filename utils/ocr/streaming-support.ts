import type { SettingsStorage } from '../settings';

export const STREAMING_SUPPORT_KEY = 'streamingSupport';
const CHUNK_BYTES = 64 * 1024;

/** Remembers, per endpoint origin, whether the browser could stream an upload body there. */
export interface StreamingSupportStore {
  get(origin: string): Promise<boolean | undefined>;
  set(origin: string, supported: boolean): Promise<void>;
}

export function createMemoryStreamingSupport(): StreamingSupportStore {
  const support = new Map<string, boolean>();
  return {
    get: async (origin) => support.get(origin),
    set: async (origin, supported) => {
      support.set(origin, supported);
    },
  };
}

/** Same probe as ky's: a runtime that streams reads `duplex` and does not stringify the stream into text. */
export function detectRequestStreams(): boolean {
  let duplexRead = false;
  try {
    const probe = new Request('https://empty.invalid', {
      method: 'POST',
      body: new ReadableStream(),
      get duplex() {
        duplexRead = true;
        return 'half';
      },
    } as RequestInit);
    return duplexRead && !probe.headers.has('content-type');
  } catch {
    return false;
  }
}

/** A body the browser pulls in 64 KB chunks; counting the pulls tracks the bytes sent. */
export function countedStream(body: Uint8Array<ArrayBuffer>, onSent: (sent: number) => void) {
  let offset = 0;
  let pulls = 0;
  const stream = new ReadableStream<Uint8Array>(
    {
      // A pull means the reader took what was given before: only then is it counted as sent. The stream closes on
      // the pull after the last chunk, so "all sent" waits until the browser has taken the whole body.
      pull(controller) {
        if (offset > 0) onSent(offset);
        if (offset >= body.byteLength) return controller.close();
        const end = Math.min(offset + CHUNK_BYTES, body.byteLength);
        controller.enqueue(body.slice(offset, end));
        offset = end;
        pulls += 1;
      },
    },
    { highWaterMark: 0 },
  );
  return { stream, pulls: () => pulls };
}

/**
 * Remembered in extension storage so a restarted service worker does not try a refused stream again; read once a worker
 * (only the worker writes it), so an upload does not wait for storage.
 */
export function createStoredStreamingSupport(area: SettingsStorage): StreamingSupportStore {
  let known: Promise<Record<string, boolean>> | null = null;
  async function load(): Promise<Record<string, boolean>> {
    const stored = (await area.get(STREAMING_SUPPORT_KEY))[STREAMING_SUPPORT_KEY];
    return typeof stored === 'object' && stored !== null ? { ...(stored as Record<string, boolean>) } : {};
  }
  function read(): Promise<Record<string, boolean>> {
    known ??= load().catch((error: unknown) => {
      known = null;
      throw error;
    });
    return known;
  }
  return {
    async get(origin) {
      const value = (await read())[origin];
      return typeof value === 'boolean' ? value : undefined;
    },
    async set(origin, supported) {
      const origins = await read();
      origins[origin] = supported;
      await area.set({ [STREAMING_SUPPORT_KEY]: { ...origins } });
    },
  };
}
