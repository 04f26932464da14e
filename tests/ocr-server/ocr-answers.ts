/** What OCR.space answers, shaped after recorded answers (error wording as the live API words it where known). */

export interface RawAnswer {
  status: number;
  body: string;
  contentType: string;
}

const NO_PDF = 'Searchable PDF not generated as it was not requested.';

export const rateLimitText = (windowSeconds = 600): string => `You may only perform this action upto maximum 10 number of times within ${windowSeconds} seconds`;
export const RATE_LIMIT_TEXT = rateLimitText();
export const BAD_KEY_TEXT = 'The API key is invalid';
export const SIZE_LIMIT_TEXT = 'File failed validation. File size exceeds the maximum permissible file size limit of 1024 KB';
export const E216_TEXT = 'E216:Unable to detect the file extension, or file extension not supported. Set the filetype parameter.';
export const VALID_PARAMETERS = [
  'apikey', 'url', 'language', 'isoverlayrequired', 'base64image', 'iscreatesearchablepdf', 'issearchablepdfhidetextlayer',
  'filetype', 'addressparsing', 'scale', 'detectorientation', 'istable', 'ocrengine', 'detectcheckbox', 'checkboxtemplate',
  'checkboxtemplateregex',
];

export const jsonAnswer = (answer: unknown, status = 200): RawAnswer => ({
  status,
  body: JSON.stringify(answer),
  contentType: 'application/json; charset=utf-8',
});

export const textAnswer = (status: number, body: string, contentType = 'text/plain; charset=utf-8'): RawAnswer => ({ status, body, contentType });

/** A request-level failure: no ParsedResults, an ErrorMessage array. */
export const erroredAnswer = (exitCode: number, messages: string[], details?: string): RawAnswer =>
  jsonAnswer({
    OCRExitCode: exitCode,
    IsErroredOnProcessing: true,
    ErrorMessage: messages,
    ...(details === undefined ? {} : { ErrorDetails: details }),
    ProcessingTimeInMilliseconds: '0',
  });

export const malformedBodyAnswer = (reason: string): RawAnswer =>
  erroredAnswer(99, ['E301: Unable to read the multipart/form-data request body'], reason);

export const unknownParameterAnswer = (name: string): RawAnswer =>
  erroredAnswer(99, [
    `Parameter name '${name}' is invalid. Valid parameters: ${VALID_PARAMETERS.join(',')}`,
    'Please check if you need to URL encode the URL passed in request parameters.',
  ]);

export const invalidValueAnswer = (name: string): RawAnswer => erroredAnswer(99, [`Value for parameter '${name}' is invalid`]);

export const noFileAnswer = (detail: string): RawAnswer =>
  erroredAnswer(99, ['E101: No file was uploaded. Send the image as a multipart file part named "file", or a url or base64Image.'], detail);

export const e216Answer = (): RawAnswer => erroredAnswer(99, [E216_TEXT]);

export const fileTooLargeAnswer = (): RawAnswer => erroredAnswer(99, [SIZE_LIMIT_TEXT]);

export const badKeyAnswer = (): RawAnswer => textAnswer(403, BAD_KEY_TEXT);

export const rateLimitAnswer = (windowSeconds?: number): RawAnswer => textAnswer(403, rateLimitText(windowSeconds));

export const serverErrorAnswer = (): RawAnswer =>
  textAnswer(500, '<html><head><title>500 - Internal server error.</title></head><body><h1>Server Error</h1></body></html>', 'text/html; charset=utf-8');

export const htmlAnswer = (): RawAnswer =>
  textAnswer(200, '<!DOCTYPE html><html><head><title>OCR.space</title></head><body><h1>Service temporarily unavailable</h1></body></html>', 'text/html; charset=utf-8');

/** One page that timed out: OCRExitCode 3, FileParseExitCode -20. */
export const timeoutAnswer = (): RawAnswer =>
  jsonAnswer({
    ParsedResults: [
      {
        TextOverlay: { Lines: [], HasOverlay: false, Message: 'Text overlay is not provided as it is not requested' },
        TextOrientation: '0',
        FileParseExitCode: -20,
        ParsedText: '',
        ErrorMessage: 'Timed out waiting for results',
        ErrorDetails: 'The OCR engine did not finish within the time allowed for one page.',
      },
    ],
    OCRExitCode: 3,
    IsErroredOnProcessing: true,
    ErrorMessage: ['All images/pages errored in parsing'],
    ProcessingTimeInMilliseconds: '60012',
    SearchablePDFURL: NO_PDF,
  });

/** What an image without readable text gets back. */
export const emptyPageAnswer = (): RawAnswer =>
  jsonAnswer({
    ParsedResults: [
      {
        TextOverlay: { Lines: [], HasOverlay: true, Message: 'Total lines: 0' },
        TextOrientation: '0',
        FileParseExitCode: 1,
        ParsedText: '',
        ErrorMessage: '',
        ErrorDetails: '',
      },
    ],
    OCRExitCode: 1,
    IsErroredOnProcessing: false,
    ProcessingTimeInMilliseconds: '31',
    SearchablePDFURL: NO_PDF,
  });

/** A queued answer: `{ status, body }` is sent as it is, anything else as the JSON answer. */
export function readQueuedAnswer(answer: unknown): RawAnswer {
  if (typeof answer === 'object' && answer !== null && 'status' in answer && 'body' in answer) {
    const { status, body } = answer;
    const contentType = 'contentType' in answer && typeof answer.contentType === 'string' ? answer.contentType : 'application/json; charset=utf-8';
    if (typeof status === 'number' && typeof body === 'string') return { status, body, contentType };
  }
  return jsonAnswer(answer);
}
