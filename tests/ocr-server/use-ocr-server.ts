import { afterAll, beforeAll, beforeEach } from 'vitest';
import { startOcrServer, type OcrTestServer } from './index';

/** One test server for the file, emptied before each test: call at the top of a test file, read `server()` in tests. */
export function useOcrServer(apiKey: string): () => OcrTestServer {
  let server: OcrTestServer | undefined;
  beforeAll(async () => {
    server = await startOcrServer({ apiKey });
  });
  afterAll(async () => {
    await server?.close();
  });
  beforeEach(() => server?.reset());
  return () => {
    if (!server) throw new Error('The OCR test server is not running: call useOcrServer at the top of the file.');
    return server;
  };
}
