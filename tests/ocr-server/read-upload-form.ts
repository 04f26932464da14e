import { parseMultipart, readBoundary } from './multipart-parser';
import {
  e216Answer,
  invalidValueAnswer,
  malformedBodyAnswer,
  noFileAnswer,
  unknownParameterAnswer,
  VALID_PARAMETERS,
  type RawAnswer,
} from './ocr-answers';

export interface UploadForm {
  /** Text fields under the names the client sent. */
  fields: Record<string, string>;
  file: { filename: string; contentType: string; bytes: Buffer };
}

export type FormReading = { ok: true; form: UploadForm } | { ok: false; answer: RawAnswer };

const FILETYPES = ['PDF', 'GIF', 'PNG', 'JPG', 'TIF', 'BMP', 'WEBP'];
const EXTENSIONS: Record<string, string> = { jpeg: 'JPG', jpg: 'JPG', png: 'PNG', gif: 'GIF', tif: 'TIF', tiff: 'TIF', bmp: 'BMP', pdf: 'PDF', webp: 'WEBP' };
const BOOLEANS = ['isoverlayrequired', 'istable', 'detectorientation', 'scale', 'iscreatesearchablepdf', 'issearchablepdfhidetextlayer', 'detectcheckbox'];

const fail = (answer: RawAnswer): FormReading => ({ ok: false, answer });

function checkValue(name: string, value: string): boolean {
  if (BOOLEANS.includes(name)) return /^(true|false)$/i.test(value);
  if (name === 'ocrengine') return /^[123]$/.test(value);
  if (name === 'language') return /^([a-z]{3}|auto)$/i.test(value);
  return true;
}

/** The file type OCR.space would settle on: the filetype field, else the file name's extension. */
function settleFiletype(fields: Record<string, string>, filename: string): string | undefined {
  const filetype = Object.entries(fields).find(([name]) => name.toLowerCase() === 'filetype')?.[1];
  if (filetype !== undefined) return FILETYPES.find((type) => type === filetype.toUpperCase().replace(/^\./, ''));
  return EXTENSIONS[/\.([A-Za-z]+)$/.exec(filename)?.[1]?.toLowerCase() ?? ''];
}

/** Reads an upload as OCR.space would, answering its error for anything it would refuse. */
export function readUploadForm(contentType: string | undefined, body: Buffer): FormReading {
  const boundary = readBoundary(contentType);
  if (boundary === undefined) return fail(malformedBodyAnswer(`Content-Type is not multipart/form-data with a boundary: ${contentType ?? 'none'}`));
  const reading = parseMultipart(body, boundary);
  if (!reading.ok) return fail(malformedBodyAnswer(reading.reason));
  const fields: Record<string, string> = {};
  const seen = new Set<string>();
  let file: UploadForm['file'] | undefined;
  for (const part of reading.parts) {
    const key = part.name.toLowerCase();
    if (seen.has(key)) return fail(malformedBodyAnswer(`the field "${part.name}" was sent twice`));
    seen.add(key);
    if (key === 'file') {
      if (part.filename === undefined) return fail(noFileAnswer('the part "file" was sent as a text field, without a filename'));
      file = { filename: part.filename, contentType: part.contentType ?? 'application/octet-stream', bytes: Buffer.from(part.body) };
      continue;
    }
    if (!VALID_PARAMETERS.includes(key)) return fail(unknownParameterAnswer(part.name));
    if (part.filename !== undefined) return fail(malformedBodyAnswer(`the field "${part.name}" was sent as a file`));
    const value = part.body.toString('utf8');
    if (!checkValue(key, value)) return fail(invalidValueAnswer(part.name));
    fields[part.name] = value;
  }
  if (!file) return fail(noFileAnswer('no part named "file"'));
  if (settleFiletype(fields, file.filename) === undefined) return fail(e216Answer());
  return { ok: true, form: { fields, file } };
}
