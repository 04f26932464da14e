import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { connect } from 'node:http2';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildMultipartBody, multipartContentType, type MultipartPart } from '../../utils/ocr/multipart';
import { readOcrAnswer } from '../../utils/ocr/ocr-answer';
import type { ScanErrorCode } from '../../utils/scan-error';
import { SIZE_LIMIT_TEXT, RATE_LIMIT_TEXT, E216_TEXT } from './ocr-answers';
import { type OcrFault } from './';
import { useOcrServer } from './use-ocr-server';

const SHARED = path.resolve(__dirname, '../../../shared/receipts-dev');
const image = (id: string) => readFileSync(path.join(SHARED, 'images', `${id}.jpg`));
const recordedText = (id: string) => readFileSync(path.join(SHARED, 'ocrspace', `${id}.json`), 'utf8');
const KEY = 'test-key-123';
const BOUNDARY = 'test-boundary-42';

const fields = (overrides: Record<string, string> = {}): MultipartPart[] =>
  Object.entries({ language: 'eng', isOverlayRequired: 'true', isTable: 'true', OCREngine: '2', filetype: 'JPG', ...overrides }).map(
    ([name, value]) => ({ name, value }),
  );
const upload = (bytes: Uint8Array, extra: MultipartPart[] = fields()) =>
  buildMultipartBody([...extra, { name: 'file', filename: 'receipt.jpg', contentType: 'image/jpeg', bytes }], BOUNDARY);

const useServer = useOcrServer(KEY);

async function post(body: Uint8Array | string, headers: Record<string, string> = {}) {
  const response = await fetch(useServer().http1Url, {
    method: 'POST',
    headers: { apikey: KEY, 'content-type': multipartContentType(BOUNDARY), ...headers },
    body: typeof body === 'string' ? body : new Uint8Array(body),
  });
  return { status: response.status, contentType: response.headers.get('content-type') ?? '', text: await response.text() };
}

const crlf = (lines: string[]) => lines.join('\r\n');
const part = (name: string, value: string, head = `Content-Disposition: form-data; name="${name}"`) => [`--${BOUNDARY}`, head, '', value];

describe('the strict multipart reading', () => {
  it.each<[string, string, Record<string, string>, string, string | undefined]>([
    ['a non-multipart Content-Type', crlf([...part('language', 'eng'), `--${BOUNDARY}--`]), { 'content-type': 'application/json' }, 'E301: Unable to read the multipart/form-data request body', 'Content-Type is not multipart/form-data with a boundary: application/json'],
    ['a preamble', crlf(['hello', ...part('language', 'eng'), `--${BOUNDARY}--`]), {}, 'E301: Unable to read the multipart/form-data request body', 'body does not start with the boundary'],
    ['bare LF line ends', [...part('language', 'eng'), `--${BOUNDARY}--`].join('\n'), {}, 'E301: Unable to read the multipart/form-data request body', 'boundary not followed by CRLF or --'],
    ['no closing boundary', crlf([...part('language', 'eng')]), {}, 'E301: Unable to read the multipart/form-data request body', 'part "language" is not closed by a boundary'],
    ['bytes after the closing boundary', crlf([...part('language', 'eng'), `--${BOUNDARY}--`, 'junk']), {}, 'E301: Unable to read the multipart/form-data request body', 'bytes after the closing boundary'],
    ['a part without Content-Disposition', crlf([...part('language', 'eng', 'Content-Type: text/plain'), `--${BOUNDARY}--`]), {}, 'E301: Unable to read the multipart/form-data request body', 'part without Content-Disposition'],
    ['a malformed Content-Disposition', crlf([...part('language', 'eng', 'Content-Disposition: form-data; name=language'), `--${BOUNDARY}--`]), {}, 'E301: Unable to read the multipart/form-data request body', 'malformed Content-Disposition "form-data; name=language"'],
    ['a field sent twice', crlf([...part('language', 'eng'), ...part('language', 'ger'), `--${BOUNDARY}--`]), {}, 'E301: Unable to read the multipart/form-data request body', 'the field "language" was sent twice'],
    ['an unknown field', crlf([...part('colour', 'red'), `--${BOUNDARY}--`]), {}, "Parameter name 'colour' is invalid. Valid parameters: apikey,url,language,isoverlayrequired,base64image,iscreatesearchablepdf,issearchablepdfhidetextlayer,filetype,addressparsing,scale,detectorientation,istable,ocrengine,detectcheckbox,checkboxtemplate,checkboxtemplateregex", undefined],
    ['the file as a text part', crlf([...part('file', 'not really a file'), `--${BOUNDARY}--`]), {}, 'E101: No file was uploaded. Send the image as a multipart file part named "file", or a url or base64Image.', 'the part "file" was sent as a text field, without a filename'],
    ['no file at all', crlf([...part('language', 'eng'), `--${BOUNDARY}--`]), {}, 'E101: No file was uploaded. Send the image as a multipart file part named "file", or a url or base64Image.', 'no part named "file"'],
    ['an engine that does not exist', crlf([...part('OCREngine', '4'), `--${BOUNDARY}--`]), {}, "Value for parameter 'OCREngine' is invalid", undefined],
    ['a boolean that is not one', crlf([...part('isTable', 'yes'), `--${BOUNDARY}--`]), {}, "Value for parameter 'isTable' is invalid", undefined],
  ])('rejects %s with an OCRExitCode 99 answer', async (_name, body, headers, message, details) => {
    useServer().queueAnswer({ OCRExitCode: 1, ParsedResults: [{ ParsedText: 'queued' }] });
    const answer = await post(body, headers);
    expect(answer.status).toBe(200);
    const json: unknown = JSON.parse(answer.text);
    expect(json).toEqual({ OCRExitCode: 99, IsErroredOnProcessing: true, ErrorMessage: expect.arrayContaining([message]), ...(details ? { ErrorDetails: details } : {}), ProcessingTimeInMilliseconds: '0' });
    expect(useServer().received).toEqual([]);
    // The queued answer waits for an upload that passes the checks.
    expect(JSON.parse((await post(upload(new Uint8Array([1, 2, 3])))).text)).toEqual({ OCRExitCode: 1, ParsedResults: [{ ParsedText: 'queued' }] });
  });

  it.each([
    ['no apikey header', { apikey: '' }],
    ['a wrong apikey header', { apikey: 'helloworld' }],
  ])('answers 403 to %s', async (_name, headers) => {
    expect(await post(upload(image('sroie-000')), headers)).toEqual({ status: 403, contentType: 'text/plain; charset=utf-8', text: 'The API key is invalid' });
  });

  it.each([
    ['no filetype and an unknown extension', fields({ filetype: '' }).filter((p) => p.name !== 'filetype'), 'receipt.xyz'],
    ['a filetype OCR.space does not know', fields({ filetype: 'HEIC' }), 'receipt.jpg'],
  ])('answers E216 to %s', async (_name, extra, filename) => {
    const body = buildMultipartBody([...extra, { name: 'file', filename, contentType: 'image/jpeg', bytes: image('sroie-000') }], BOUNDARY);
    expect(JSON.parse((await post(body)).text)).toEqual({ OCRExitCode: 99, IsErroredOnProcessing: true, ErrorMessage: [E216_TEXT], ProcessingTimeInMilliseconds: '0' });
  });
});

describe('answers', () => {
  it('records what arrived: headers, fields and the file byte for byte', async () => {
    const bytes = image('sroie-004');
    await post(upload(bytes));
    expect(useServer().received).toHaveLength(1);
    const [received] = useServer().received;
    expect(received?.protocol).toBe('http/1.1');
    expect(received?.headers.apikey).toBe(KEY);
    expect(received?.fields).toEqual({ language: 'eng', isOverlayRequired: 'true', isTable: 'true', OCREngine: '2', filetype: 'JPG' });
    expect(received?.file.filename).toBe('receipt.jpg');
    expect(received?.file.contentType).toBe('image/jpeg');
    expect(received?.file.bytes.equals(bytes)).toBe(true);
    expect(received?.file.sha256).toBe(createHash('sha256').update(bytes).digest('hex'));
  });

  it('answers a fixture image over HTTP/1.1 with its recorded JSON', async () => {
    expect(await post(upload(image('sroie-000')))).toEqual({ status: 200, contentType: 'application/json; charset=utf-8', text: recordedText('sroie-000') });
  });

  it('answers a fixture image over HTTP/2 with TLS with its recorded JSON', async () => {
    const session = connect(new URL(useServer().http2Url).origin, { rejectUnauthorized: false });
    try {
      const stream = session.request({
        ':method': 'POST',
        ':path': new URL(useServer().http2Url).pathname,
        apikey: KEY,
        'content-type': multipartContentType(BOUNDARY),
      });
      const answer = new Promise<{ status: number | undefined; text: string }>((resolve, reject) => {
        let status: number | undefined;
        const chunks: Buffer[] = [];
        stream.on('response', (headers) => {
          status = headers[':status'];
        });
        stream.on('data', (chunk: Buffer) => chunks.push(chunk));
        stream.on('end', () => resolve({ status, text: Buffer.concat(chunks).toString('utf8') }));
        stream.on('error', reject);
      });
      stream.end(upload(image('sroie-002')));
      expect(await answer).toEqual({ status: 200, text: recordedText('sroie-002') });
      expect(useServer().received.map((u) => u.protocol)).toEqual(['h2']);
    } finally {
      session.close();
    }
  });

  it('answers an image it has no recording for with an empty page', async () => {
    const read = readOcrAnswer(200, (await post(upload(new Uint8Array([0xff, 0xd8, 0xff, 0xd9])))).text);
    expect(read).toEqual({ ok: true, page: { text: '', lines: [], processingMs: 31 } });
  });

  it('answers a queued raw answer once, then the recording again', async () => {
    useServer().queueAnswer({ status: 502, body: 'Bad gateway', contentType: 'text/plain' });
    expect(await post(upload(image('sroie-000')))).toEqual({ status: 502, contentType: 'text/plain', text: 'Bad gateway' });
    expect((await post(upload(image('sroie-000')))).text).toBe(recordedText('sroie-000'));
  });

  it('refuses a file over 1024 KB as the free key does', async () => {
    const answer = await post(upload(image('sroie-290')));
    expect(JSON.parse(answer.text)).toEqual({ OCRExitCode: 99, IsErroredOnProcessing: true, ErrorMessage: [SIZE_LIMIT_TEXT], ProcessingTimeInMilliseconds: '0' });
    expect(useServer().received[0]?.file.bytes.length).toBe(2669473);
  });
});

describe('faults', () => {
  it.each<[OcrFault, number, string, ScanErrorCode]>([
    ['file-too-large', 200, SIZE_LIMIT_TEXT, 'ocr-file-too-large'],
    ['rate-limit', 403, RATE_LIMIT_TEXT, 'ocr-rate-limit'],
    ['e216', 200, E216_TEXT, 'ocr-file-type'],
    ['timeout-exit-3', 200, 'All images/pages errored in parsing', 'ocr-timeout'],
    ['http-500', 500, 'Server Error', 'ocr-server'],
    ['non-json', 200, '<!DOCTYPE html>', 'ocr-invalid-answer'],
    ['bad-key', 403, 'The API key is invalid', 'ocr-bad-key'],
  ])('%s answers %i with its wording', async (fault, status, wording, code) => {
    useServer().setFault(fault);
    const answer = await post(upload(image('sroie-000')));
    expect(answer.status).toBe(status);
    expect(answer.text).toContain(wording);
    const read = readOcrAnswer(answer.status, answer.text);
    expect(read.ok ? 'ok' : read.error.code).toBe(code);
  });

  it('slow answers the recording after about 3 seconds', async () => {
    useServer().setFault('slow');
    const started = Date.now();
    expect((await post(upload(image('sroie-000')))).text).toBe(recordedText('sroie-000'));
    expect(Date.now() - started).toBeGreaterThanOrEqual(2900);
  });

  it('drop-connection destroys the socket during the upload', async () => {
    useServer().setFault('drop-connection');
    const failure = await post(upload(image('sroie-014'))).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(TypeError);
    expect(useServer().received).toEqual([]);
  });
});

describe('the control address', () => {
  const control = (action: string, body?: unknown) =>
    fetch(`${useServer().controlUrl}${action}`, body === undefined ? {} : { method: 'POST', body: JSON.stringify(body) });

  it('sets and clears a fault, queues an answer and lists uploads without bytes', async () => {
    expect((await control('/fault', { fault: 'http-500' })).status).toBe(204);
    expect((await post(upload(image('sroie-000')))).status).toBe(500);
    expect((await control('/fault', { fault: null })).status).toBe(204);
    expect((await control('/queue', { OCRExitCode: 1, ParsedResults: [{ ParsedText: 'from control' }] })).status).toBe(204);
    expect(JSON.parse((await post(upload(image('sroie-000')))).text)).toEqual({ OCRExitCode: 1, ParsedResults: [{ ParsedText: 'from control' }] });
    const listed: unknown = await (await control('/received')).json();
    const sha = createHash('sha256').update(image('sroie-000')).digest('hex');
    expect(listed).toEqual([1, 2].map(() => expect.objectContaining({ protocol: 'http/1.1', file: { filename: 'receipt.jpg', contentType: 'image/jpeg', sha256: sha, size: 98120 } })));
  });

  it('refuses an unknown fault', async () => {
    const answer = await control('/fault', { fault: 'gremlins' });
    expect([answer.status, await answer.text()]).toEqual([400, 'Unknown fault "gremlins"']);
  });

  it('answers a CORS preflight for the apikey header', async () => {
    const answer = await fetch(useServer().http1Url, { method: 'OPTIONS', headers: { origin: 'chrome-extension://abc', 'access-control-request-headers': 'apikey,content-type' } });
    expect([answer.status, answer.headers.get('access-control-allow-origin'), answer.headers.get('access-control-allow-headers')]).toEqual([204, '*', 'apikey, content-type']);
  });
});
