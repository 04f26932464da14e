// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { collectPageImages, readPageReceipts, selectReceiptImages, toScanTargets, type PageImage, type PageScripting } from '../../utils/capture/page-images';

const image = (src: string, naturalWidth: number, naturalHeight: number, rendered = 100): PageImage => ({
  src,
  naturalWidth,
  naturalHeight,
  renderedWidth: rendered,
  renderedHeight: rendered,
});

describe('selectReceiptImages', () => {
  it.each<[string, PageImage, boolean]>([
    ['a phone photo of a receipt', image('https://shop.example/r.jpg', 1200, 2400), true],
    ['a scanned receipt as data:', image('data:image/png;base64,iVBO', 600, 1400), true],
    ['a page-made blob image', image('blob:https://shop.example/1', 500, 900), true],
    ['a favicon', image('https://shop.example/favicon.png', 32, 32), false],
    ['a 1x1 tracking pixel', image('https://track.example/p.gif', 1, 1, 1), false],
    ['a large image shown as a dot', image('https://track.example/big.gif', 800, 800, 1), false],
    ['a banner', image('https://shop.example/banner.jpg', 1800, 300), false],
    ['a sprite strip', image('https://shop.example/sprite.png', 240, 4000), false],
    ['a thumbnail', image('https://shop.example/thumb.jpg', 150, 150), false],
    ['an image that failed to load', image('https://shop.example/broken.jpg', 0, 0), false],
    ['an extension or file image', image('chrome-extension://abc/r.png', 1000, 2000), false],
  ])('%s: %s', (_name, candidate, kept) => {
    expect(selectReceiptImages([candidate])).toEqual(kept ? [candidate] : []);
  });

  it('keeps each address once', () => {
    const receipt = image('https://shop.example/r.jpg', 1200, 2400);
    expect(selectReceiptImages([receipt, { ...receipt }])).toEqual([receipt]);
  });
});

describe('collectPageImages', () => {
  it('lists the images of the page with their sizes', () => {
    document.title = 'Orders';
    document.body.innerHTML = '<img src="https://shop.example/a.jpg" width="300" height="600"><img src="https://shop.example/b.png">';
    const page = collectPageImages();
    expect(page.pageTitle).toBe('Orders');
    expect(page.images.map((found) => found.src)).toEqual(['https://shop.example/a.jpg', 'https://shop.example/b.png']);
    expect(page.images[0]).toMatchObject({ renderedWidth: 300, renderedHeight: 600 });
  });
});

describe('toScanTargets', () => {
  it('makes one scan target per receipt image, tied to the tab', () => {
    const page = { pageUrl: 'https://shop.example/orders', pageTitle: 'Orders', images: [image('https://shop.example/r.jpg', 1200, 2400), image('https://shop.example/icon.png', 16, 16)] };
    expect(toScanTargets(page, 9)).toEqual([{ srcUrl: 'https://shop.example/r.jpg', pageUrl: 'https://shop.example/orders', pageTitle: 'Orders', tabId: 9, frameId: 0 }]);
  });
});

describe('readPageReceipts', () => {
  const page = { pageUrl: 'https://shop.example/orders', pageTitle: 'Orders', images: [image('https://shop.example/r.jpg', 1200, 2400)] };
  const scriptingAnswering = (answer: () => Promise<{ result?: unknown }[]>): PageScripting => ({ executeScript: answer });

  it('reads the receipt images of a tab', async () => {
    expect(await readPageReceipts(scriptingAnswering(async () => [{ result: page }]), 5)).toEqual(toScanTargets(page, 5));
  });

  it.each([
    ['the browser refuses the page', scriptingAnswering(() => Promise.reject(new Error('Cannot access a chrome:// URL')))],
    ['the page answers something else', scriptingAnswering(async () => [{ result: 'nothing' }])],
    ['no frame answers', scriptingAnswering(async () => [])],
  ])('is null when %s', async (_case, scripting) => {
    expect(await readPageReceipts(scripting, 5)).toBeNull();
  });
});
