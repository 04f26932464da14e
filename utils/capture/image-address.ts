/** The longest http(s) image address downloaded, in characters: signed storage and CDN links run to a few thousand. */
export const MAX_IMAGE_ADDRESS = 16 * 1024;
/** data: addresses are read at the click and can be megabytes; the receipt keeps their start to say where it came from. */
const KEPT_OF_A_LONG_ADDRESS = 500;
const CUT_MARK = '…';

const isWebAddress = (url: string) => /^https?:/i.test(url);

/** An http(s) address the download refuses, for its length. */
export function isTooLongToDownload(url: string): boolean {
  return isWebAddress(url) && url.length > MAX_IMAGE_ADDRESS;
}

/** What the receipt and its job keep: the full address wherever it can still be downloaded, else the start of it, marked as cut. */
export function addressToStore(url: string): string {
  const keepWhole = isWebAddress(url) ? url.length <= MAX_IMAGE_ADDRESS : url.length <= KEPT_OF_A_LONG_ADDRESS;
  return keepWhole ? url : `${url.slice(0, KEPT_OF_A_LONG_ADDRESS)}${CUT_MARK}`;
}

/** A stored address that is only the start of the real one (browsers percent-encode "…", so a real address never ends with it). */
export function isCutAddress(url: string): boolean {
  return url.endsWith(CUT_MARK);
}
