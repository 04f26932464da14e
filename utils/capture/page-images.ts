import type { ScanTarget } from '../protocol';

/** What the page says about one of its images. */
export interface PageImage {
  src: string;
  naturalWidth: number;
  naturalHeight: number;
  renderedWidth: number;
  renderedHeight: number;
}

export interface PageImages {
  pageUrl: string;
  pageTitle: string;
  images: PageImage[];
}

/** A receipt photo or scan is at least this many pixels on its short side and this big in all. */
const MIN_SHORT_SIDE = 200;
const MIN_PIXELS = 120_000;
/** Banners and sprite strips are far wider than tall; receipts are the other way round or close to square. */
const MAX_WIDE_RATIO = 3;
const SCANNABLE_SCHEMES = ['http:', 'https:', 'data:', 'blob:'];

/** Runs inside the page: lists its images as the browser decoded them. Self-contained on purpose. */
export function collectPageImages(): PageImages {
  const images = Array.from(document.querySelectorAll('img'), (image) => ({
    src: image.currentSrc || image.src,
    naturalWidth: image.naturalWidth,
    naturalHeight: image.naturalHeight,
    renderedWidth: image.width,
    renderedHeight: image.height,
  }));
  return { pageUrl: location.href, pageTitle: document.title, images };
}

/** Keeps the images large enough to be receipts, once each, skipping icons, sprites, banners and tracking pixels. */
export function selectReceiptImages(images: PageImage[]): PageImage[] {
  const seen = new Set<string>();
  return images.filter((image) => {
    const scheme = /^[a-z]+:/i.exec(image.src)?.[0].toLowerCase() ?? '';
    if (!SCANNABLE_SCHEMES.includes(scheme) || seen.has(image.src)) return false;
    const shortSide = Math.min(image.naturalWidth, image.naturalHeight);
    const longSide = Math.max(image.naturalWidth, image.naturalHeight);
    const big = shortSide >= MIN_SHORT_SIDE && image.naturalWidth * image.naturalHeight >= MIN_PIXELS;
    const notBanner = image.naturalWidth <= image.naturalHeight * MAX_WIDE_RATIO && longSide / Math.max(1, shortSide) <= 8;
    // A large image shown as a 1-pixel dot or hidden is a tracker or a preload, not something the user looks at.
    const shown = image.renderedWidth >= 16 && image.renderedHeight >= 16;
    if (!big || !notBanner || !shown) return false;
    seen.add(image.src);
    return true;
  });
}

export function toScanTargets(page: PageImages, tabId: number, frameId = 0): ScanTarget[] {
  return selectReceiptImages(page.images).map((image) => ({ srcUrl: image.src, pageUrl: page.pageUrl, pageTitle: page.pageTitle, tabId, frameId }));
}

export interface PageScripting {
  executeScript(injection: { target: { tabId: number }; func: () => PageImages }): Promise<{ result?: unknown }[]>;
  executeScript(injection: { target: { tabId: number }; func: (question: string) => boolean; args: [string] }): Promise<{ result?: unknown }[]>;
}

function isPageImages(value: unknown): value is PageImages {
  return typeof value === 'object' && value !== null && Array.isArray((value as PageImages).images);
}

/** Asked in the page itself, so the question appears where the user is looking. */
function askInPage(question: string): boolean {
  return confirm(question);
}

/** A tab's receipt-sized images as scan targets, or null where the page cannot be read (a browser page, a closed tab). */
export async function readPageReceipts(scripting: PageScripting, tabId: number): Promise<ScanTarget[] | null> {
  const [frame] = await scripting.executeScript({ target: { tabId }, func: collectPageImages }).catch(() => []);
  const page = frame?.result;
  return isPageImages(page) ? toScanTargets(page, tabId) : null;
}

/** Finds a tab's receipt images and asks the user, in that page, to confirm scanning them. */
export async function findAndConfirmPageReceipts(scripting: PageScripting, tabId: number): Promise<ScanTarget[]> {
  const targets = await readPageReceipts(scripting, tabId);
  if (!targets) return [];
  const question =
    targets.length === 0
      ? 'Receipt Scanner found no images on this page large enough to be receipts.'
      : `Scan ${targets.length} ${targets.length === 1 ? 'image' : 'images'} from this page as receipts?`;
  const [answer] = await scripting.executeScript({ target: { tabId }, func: askInPage, args: [question] });
  return targets.length > 0 && answer?.result === true ? targets : [];
}
