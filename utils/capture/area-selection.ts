/** A rectangle the user dragged, in the viewport's CSS pixels, with the viewport's size it was measured in. */
export interface AreaSelection {
  x: number;
  y: number;
  width: number;
  height: number;
  viewportWidth: number;
  viewportHeight: number;
}

export type SelectionOutcome = { kind: 'selected'; area: AreaSelection } | { kind: 'cancelled' } | { kind: 'not-capturable'; detail: string };

/** How long the overlay waits for a drag before it goes away by itself. */
export const SELECTION_DEADLINE_MS = 120_000;
/** A smaller drag is taken for a slip of the mouse: the overlay stays. */
export const MIN_SELECTION_CSS_PX = 8;

/** The overlay's own script (an unlisted entry, so the worker does not carry it) and the name it answers to in the page. */
export const OVERLAY_SCRIPT = '/area-overlay.js' as const;
export const OVERLAY_GLOBAL = '__receiptScannerSelectArea';
/** The overlay's element in the page: a name no page styles by accident. */
export const OVERLAY_TAG = 'receipt-scanner-area';

type SelectInPage = (deadlineMs: number, minSize: number) => Promise<AreaSelection | null>;

export interface AreaScriptingApi {
  executeScript(injection: { target: { tabId: number }; files: ['/area-overlay.js'] }): Promise<unknown>;
  executeScript(injection: { target: { tabId: number }; func: SelectInPage; args: [number, number] }): Promise<{ result?: unknown }[]>;
}

/** Runs in the extension's isolated world of the page, where the overlay script left its entry point. */
function startSelection(deadlineMs: number, minSize: number): Promise<AreaSelection | null> {
  const scope = window as unknown as Record<string, SelectInPage | undefined>;
  return scope.__receiptScannerSelectArea?.(deadlineMs, minSize) ?? Promise.resolve(null);
}

/** Pages whose content no extension may script or capture; the browser's own words for them vary, this names them. */
function describeClosedPage(pageUrl: string | undefined): string {
  const scheme = pageUrl ? /^([a-z-]+):/i.exec(pageUrl)?.[1]?.toLowerCase() : undefined;
  if (scheme === 'file') return 'a file: page; "Allow access to file URLs" in the extension\'s details opens it';
  if (scheme && !['http', 'https'].includes(scheme)) return `${/^[aeiou]/.test(scheme) ? 'an' : 'a'} ${scheme}: page`;
  // Web addresses closed to extensions: the stores, and in Firefox a PDF shown in its viewer.
  return 'a browser page, an extension store or a PDF in the browser\'s viewer';
}

/** Asks the user for a rectangle on the tab's page; a page the extension may not script cannot be captured either. */
export async function selectArea(scripting: AreaScriptingApi, tab: { id: number; url?: string }): Promise<SelectionOutcome> {
  let frames: { result?: unknown }[];
  try {
    await scripting.executeScript({ target: { tabId: tab.id }, files: [OVERLAY_SCRIPT] });
    frames = await scripting.executeScript({ target: { tabId: tab.id }, func: startSelection, args: [SELECTION_DEADLINE_MS, MIN_SELECTION_CSS_PX] });
  } catch {
    return { kind: 'not-capturable', detail: describeClosedPage(tab.url) };
  }
  const area = frames[0]?.result as AreaSelection | null | undefined;
  return area ? { kind: 'selected', area } : { kind: 'cancelled' };
}
