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

/** Every reading failure says the same first words, then what was wrong. */
export const badZip = (detail: string) => new ZipError('bad-zip', `This file is not a readable ZIP archive: ${detail}.`);
