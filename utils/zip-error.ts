export type ZipErrorCode = 'bad-zip' | 'too-large';

/** A ZIP that cannot be read, or cannot be written, with a sentence a person understands. */
export class ZipError extends Error {
  constructor(
    readonly code: ZipErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'ZipError';
  }
}
