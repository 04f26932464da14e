import { scanErrors, type ScanError } from '../scan-error';

/** Browsers follow at most 20 redirects (the Fetch standard's limit). */
const MAX_REDIRECTS = 20;
const REDIRECT_STATUSES = new Set([301, 302, 303, 307, 308]);

function causeSays(error: unknown, pattern: RegExp): boolean {
  for (let cause = error, depth = 0; cause instanceof Error && depth < 5; cause = cause.cause, depth += 1) {
    if (pattern.test(cause.message)) return true;
  }
  return false;
}

function resolve(location: string, base: URL): URL | null {
  try {
    return new URL(location, base);
  } catch {
    return null;
  }
}

export interface ConnectionProbe {
  fetch: typeof fetch;
  signal: AbortSignal;
}

/**
 * Why a download failed before any answer came: Chrome says only "Failed to fetch", for a dropped connection and
 * for a redirect it would not follow alike. One more request, not following redirects, tells them apart; where
 * the runtime shows the redirect's Location (Node) the hops are followed one by one to name a loop or a local target.
 */
export async function explainFailedConnection(url: URL, error: unknown, probe: ConnectionProbe): Promise<ScanError> {
  if (causeSays(error, /redirect count exceeded|too many redirects|redirect loop/i)) return scanErrors.tooManyRedirects(url.host);
  let hop = url;
  for (let hops = 0; hops <= MAX_REDIRECTS; hops += 1) {
    const response = await probe.fetch(hop.href, { signal: probe.signal, credentials: 'include', redirect: 'manual' }).catch(() => null);
    if (response === null) return scanErrors.network(hop.host);
    await response.body?.cancel().catch(() => undefined);
    // An opaque redirect hides where it leads: a loop and a redirect to data: or file: look the same.
    if (response.type === 'opaqueredirect') return scanErrors.redirectFailed(url.host);
    const location = REDIRECT_STATUSES.has(response.status) ? response.headers.get('location') : null;
    const next = location === null ? null : resolve(location, hop);
    if (next === null) return scanErrors.network(hop.host);
    if (next.protocol !== 'http:' && next.protocol !== 'https:') return scanErrors.redirectToLocal(url.host, next.protocol.replace(/:$/, ''));
    hop = next;
  }
  return scanErrors.tooManyRedirects(url.host);
}
