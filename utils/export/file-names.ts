const RESERVED_WINDOWS_NAME = /^(con|prn|aux|nul|com[1-9¹²³]|lpt[1-9¹²³])$/i;
const CONTROL_CHARACTERS = /[\u0000-\u001f\u007f-\u009f]/g;
/** Invisible format characters (bidi overrides that make "x\u202Egpj.exe" read "xexe.jpg", zero-width spaces); joiners stay for emoji and scripts. */
const FORMAT_CHARACTERS = /(?![\u200c\u200d])\p{Cf}/gu;
const ILLEGAL_ON_WINDOWS = /[<>:"|?*]/g;
const EXTENSION = /\.[\p{L}\p{N}]{1,10}$/u;
const FALLBACK_NAME = 'receipt';

const segmenter = new Intl.Segmenter(undefined, { granularity: 'grapheme' });

/** Cuts at a grapheme boundary so an emoji or accented letter is never split; length counts UTF-16 units as Windows does. */
function truncateText(text: string, maxLength: number): string {
  let result = '';
  for (const { segment } of segmenter.segment(text)) {
    if (result.length + segment.length > maxLength) break;
    result += segment;
  }
  return result;
}

const trimEnds = (text: string) => text.replace(/^[\s.]+/u, '').replace(/[\s.]+$/u, '');

function splitExtension(name: string): { base: string; extension: string } {
  const match = EXTENSION.exec(name);
  if (!match || match.index === 0) return { base: name, extension: '' };
  return { base: name.slice(0, match.index), extension: match[0] };
}

function avoidReservedName(name: string): string {
  const stem = name.split('.')[0] ?? '';
  return RESERVED_WINDOWS_NAME.test(stem.trimEnd()) ? `_${name}` : name;
}

function fitLength(name: string, maxLength: number): string {
  if (name.length <= maxLength) return name;
  const { base, extension } = splitExtension(name);
  if (extension.length >= maxLength) return trimEnds(truncateText(name, maxLength));
  return `${trimEnds(truncateText(base, maxLength - extension.length))}${extension}`;
}

/** Makes a name safe as a single file name on Windows, macOS and Linux: no path, no illegal or reserved names, never empty. */
export function sanitizeFileName(name: string, maxLength = 120): string {
  if (!(maxLength >= FALLBACK_NAME.length)) throw new RangeError(`sanitizeFileName needs maxLength >= ${FALLBACK_NAME.length}, got ${maxLength}`);
  const limit = Math.floor(maxLength);
  const flat = name
    .normalize('NFC')
    .replace(CONTROL_CHARACTERS, '')
    .replace(FORMAT_CHARACTERS, '')
    .split(/[/\\]+/)
    .filter((segment) => segment.trim() !== '.' && segment.trim() !== '..' && segment.trim() !== '')
    .join('_')
    .replace(ILLEGAL_ON_WINDOWS, '_')
    .replace(/\s+/gu, ' ');
  const trimmed = trimEnds(flat);
  if (trimmed === '') return FALLBACK_NAME;
  const safe = fitLength(avoidReservedName(fitLength(trimmed, limit)), limit);
  return safe === '' ? FALLBACK_NAME : safe;
}

const titleCase = (word: string) =>
  word.toLowerCase().replace(/(^|[^\p{L}\p{M}])(\p{L})/gu, (_, before: string, letter: string) => before + letter.toUpperCase());

/** Title-cases words written all in capitals ("SDN BHD" → "Sdn Bhd") and keeps mixed-case words as written. */
function formatMerchant(merchant: string): string {
  // Marks belong to their letter: "Cafe\u0301" and Devanagari vowel signs are not word breaks.
  return merchant
    .normalize('NFC')
    .replace(/['’]/g, '')
    .split(/[^\p{L}\p{M}\p{N}&]+/u)
    .filter((word) => word !== '')
    .map((word) => (word === word.toUpperCase() ? titleCase(word) : word))
    .join(' ');
}

function formatLocalDate(timestamp: number): string {
  const date = new Date(timestamp);
  const pad = (value: number) => String(value).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

/** The name an exported original gets: "<receipt date or capture day> <merchant>.<extension>". */
export function originalFileName(
  receipt: { date: string | null; merchant: string | null; capturedAt: number },
  extension: string,
): string {
  const day = receipt.date !== null && /^\d{4}-\d{2}-\d{2}$/.test(receipt.date) ? receipt.date : formatLocalDate(receipt.capturedAt);
  const merchant = formatMerchant(receipt.merchant ?? '') || FALLBACK_NAME;
  const cleanExtension = extension.replace(/^\.+/, '').replace(/[^\p{L}\p{N}]/gu, '').toLowerCase();
  return sanitizeFileName(cleanExtension === '' ? `${day} ${merchant}` : `${day} ${merchant}.${cleanExtension}`);
}
