import type { ReceiptRecord, ScanProgress } from './receipt';

/** "MYR 9.00"; an amount without a known currency stands alone. */
export function formatTotal(total: string | null, currency: string | null): string {
  if (total === null) return 'No total';
  return currency ? `${currency} ${total}` : total;
}

export function formatReceiptDate(isoDate: string | null, locale: string): string {
  if (!isoDate) return 'No date';
  const [year, month, day] = isoDate.split('-').map(Number);
  if (!year || !month || !day) return isoDate;
  return new Date(Date.UTC(year, month - 1, day)).toLocaleDateString(locale, { year: 'numeric', month: 'short', day: 'numeric', timeZone: 'UTC' });
}

export function percentOf(loaded: number, total: number | null): number | null {
  if (total === null || total <= 0) return null;
  return Math.min(100, Math.round((loaded / total) * 100));
}

/** The words under a progress bar. */
export function describeProgress(progress: ScanProgress): string {
  if (progress.phase === 'reading' && progress.onDevice) return progress.percent === undefined ? 'Reading on this device...' : `Reading on this device... ${Math.round(progress.percent)}%`;
  if (progress.phase === 'reading') return 'Reading text...';
  const percent = percentOf(progress.loaded, progress.total);
  const verb = progress.phase === 'downloading' ? 'Downloading' : 'Uploading';
  return percent === null ? `${verb}...` : `${verb} ${percent}%`;
}

/** "14:32", in the user's locale: when a waiting scan tries again. */
export function formatClock(timestamp: number, locale: string): string {
  return new Date(timestamp).toLocaleTimeString(locale, { hour: '2-digit', minute: '2-digit' });
}

export function describeStatus(receipt: ReceiptRecord, locale = 'en'): string {
  switch (receipt.status) {
    case 'queued':
      return receipt.error && receipt.job ? `Trying again at ${formatClock(receipt.job.notBefore, locale)}` : 'Waiting';
    case 'downloading':
      return 'Downloading...';
    case 'uploading':
      return 'Uploading...';
    case 'reading':
      return 'Reading text...';
    case 'failed':
      return 'Failed';
    case 'done':
      return 'Scanned';
  }
}

export function isInFlight(receipt: ReceiptRecord): boolean {
  return receipt.status !== 'done' && receipt.status !== 'failed';
}

/** The source address of a receipt read from a selected area of a page: the page's address behind this prefix. */
export const AREA_SOURCE_PREFIX = 'area:';
/** The source address of a receipt added from a file on disk: the file's name behind this prefix. */
export const DISK_SOURCE_PREFIX = 'disk:';

/** A receipt whose bytes came with it, an area captured or a file handed over (there is no address to fetch them again). */
export function capturedSource(imageUrl: string): 'area' | 'file' | undefined {
  if (imageUrl.startsWith(AREA_SOURCE_PREFIX)) return 'area';
  if (imageUrl.startsWith(DISK_SOURCE_PREFIX)) return 'file';
  return undefined;
}

/** What to call a receipt before its merchant is known: the image's file name, or where it came from. */
export function describeImageSource(imageUrl: string): string {
  if (imageUrl.startsWith(DISK_SOURCE_PREFIX)) return shortenAddress(imageUrl.slice(DISK_SOURCE_PREFIX.length), 80) || 'File';
  if (imageUrl.startsWith(AREA_SOURCE_PREFIX)) return `Area of ${hostOf(imageUrl.slice(AREA_SOURCE_PREFIX.length)) ?? 'a page'}`;
  if (imageUrl.startsWith('data:')) return 'Image embedded in the page';
  if (imageUrl.startsWith('blob:')) return 'Image made by the page';
  try {
    const url = new URL(imageUrl);
    const name = decodeURIComponent(url.pathname.split('/').filter(Boolean).at(-1) ?? '');
    return name ? shortenAddress(name, 80) : `Image from ${url.hostname}`;
  } catch {
    return 'Image';
  }
}

function hostOf(address: string): string | null {
  try {
    return new URL(address).hostname || null;
  } catch {
    return null;
  }
}

/** An address short enough to show: its start and its end around a middle ellipsis (the full address goes in a title). */
export function shortenAddress(url: string, maxLength = 80): string {
  if (url.length <= maxLength) return url;
  const tail = Math.floor((maxLength - 1) / 3);
  return `${url.slice(0, maxLength - 1 - tail)}…${url.slice(url.length - tail)}`;
}
