import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readSampleTarget } from '../../utils/capture/sample-receipt';
import { sniffImageType } from '../../utils/image/image-type';

const sample = new Uint8Array(readFileSync(new URL('../../public/sample-receipt.png', import.meta.url)));

describe('the bundled sample receipt', () => {
  it('is a PNG the extension accepts', () => {
    expect(sniffImageType(sample)).toMatchObject({ ok: true, mime: 'image/png' });
  });

  it('becomes a data: scan target holding its bytes exactly, named as the sample', async () => {
    const target = await readSampleTarget('chrome-extension://id/sample-receipt.png', 'chrome-extension://id/welcome.html', async () => new Response(sample));
    expect(target).toMatchObject({ pageUrl: 'chrome-extension://id/welcome.html', pageTitle: 'Sample receipt', tabId: null, frameId: 0 });
    const bytes = new Uint8Array(await (await fetch(target.srcUrl)).arrayBuffer());
    expect(bytes).toEqual(sample);
  });
});
