/** Record signatures and fields of the ZIP format (APPNOTE 6.3) that the writer and reader share. */
export const LOCAL_HEADER_SIGNATURE = 0x04034b50;
export const CENTRAL_HEADER_SIGNATURE = 0x02014b50;
export const END_OF_CENTRAL_DIRECTORY_SIGNATURE = 0x06054b50;
export const LOCAL_HEADER_SIZE = 30;
export const CENTRAL_HEADER_SIZE = 46;
export const END_OF_CENTRAL_DIRECTORY_SIZE = 22;

export const METHOD_STORE = 0;
export const METHOD_DEFLATE = 8;
/** General purpose flag bit 11: the name is UTF-8. */
export const FLAG_UTF8 = 0x0800;
export const FLAG_ENCRYPTED = 0x0001;
/** Sizes and offsets are 32-bit and entry counts 16-bit without ZIP64, which neither side writes nor reads. */
export const MAX_32 = 0xffffffff;
export const MAX_16 = 0xffff;

const EARLIEST_DOS_TIME = new Date(1980, 0, 1, 0, 0, 0);
const LATEST_DOS_TIME = new Date(2107, 11, 31, 23, 59, 58);

/** MS-DOS date and time in local time, as unzip and file managers show them; clamped to the 1980–2107 range DOS can hold. */
export function encodeDosDateTime(moment: Date): { date: number; time: number } {
  const time = Number.isNaN(moment.getTime()) ? EARLIEST_DOS_TIME.getTime() : moment.getTime();
  const clamped = new Date(Math.min(Math.max(time, EARLIEST_DOS_TIME.getTime()), LATEST_DOS_TIME.getTime()));
  return {
    date: ((clamped.getFullYear() - 1980) << 9) | ((clamped.getMonth() + 1) << 5) | clamped.getDate(),
    time: (clamped.getHours() << 11) | (clamped.getMinutes() << 5) | (clamped.getSeconds() >> 1),
  };
}
