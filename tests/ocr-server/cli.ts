/** Starts the OCR.space test server for manual runs: `npx tsx tests/ocr-server/cli.ts [apiKey]`. */
import { startOcrServer } from './index';

const server = await startOcrServer({ apiKey: process.argv[2] ?? 'helloworld' });
console.log(`HTTP/1.1 endpoint: ${server.http1Url}`);
console.log(`HTTP/2 endpoint:   ${server.http2Url} (self-signed certificate)`);
console.log(`Control:           ${server.controlUrl}/{queue,fault,reset,received}`);
console.log('Ctrl-C to stop.');
const stop = () => void server.close().then(() => process.exit(0));
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
