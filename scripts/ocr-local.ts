/** Reads receipt images with the on-device engine in Node and writes DIR/<image name>.json shaped like OCR.space's answer: npm run --silent ocr-local -- --out DIR IMAGE... */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, extname, join } from 'node:path';
import { ocrSpaceAnswer, startLocalEngine } from './local-engine';

async function main(args: string[]): Promise<number> {
  const outAt = args.indexOf('--out');
  const out = outAt >= 0 ? args[outAt + 1] : undefined;
  const images = args.filter((_, index) => index !== outAt && index !== outAt + 1);
  if (!out || images.length === 0) {
    console.error('Usage: npm run --silent ocr-local -- --out DIR IMAGE...');
    return 2;
  }
  mkdirSync(out, { recursive: true });
  const engine = await startLocalEngine();
  let failed = 0;
  try {
    for (const image of images) {
      const name = basename(image, extname(image));
      try {
        const { page, engineMs } = await engine.read(readFileSync(image));
        writeFileSync(join(out, `${name}.json`), JSON.stringify(ocrSpaceAnswer(page)));
        console.log(`${name}\t${(engineMs / 1000).toFixed(2)} s\t${page.lines.length} rows`);
      } catch (error) {
        failed += 1;
        console.error(`${name}\tnot read: ${error instanceof Error ? error.message : String(error)}`);
      }
    }
  } finally {
    await engine.stop();
  }
  return failed > 0 ? 1 : 0;
}

process.exitCode = await main(process.argv.slice(2));
