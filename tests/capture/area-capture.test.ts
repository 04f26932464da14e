import { describe, expect, it, vi } from 'vitest';
import { createAreaCapture, cropCapture, cropRectangle, type CropCanvasEnv } from '../../utils/capture/area-capture';
import { OVERLAY_SCRIPT, selectArea, SELECTION_DEADLINE_MS, MIN_SELECTION_CSS_PX, type AreaScriptingApi, type AreaSelection } from '../../utils/capture/area-selection';
import { scanErrors } from '../../utils/scan-error';

const viewport = { viewportWidth: 800, viewportHeight: 600 };
const area = (x: number, y: number, width: number, height: number): AreaSelection => ({ x, y, width, height, ...viewport });

describe('cropRectangle', () => {
  it.each([
    ['one device pixel a CSS pixel', area(10, 20, 300, 400), 800, 600, { sx: 10, sy: 20, width: 300, height: 400 }],
    ['a 2x screen', area(10, 20, 300, 400), 1600, 1200, { sx: 20, sy: 40, width: 600, height: 800 }],
    ['page zoom 150% on a 1.25x screen (scale from the capture, not from devicePixelRatio)', area(100, 50, 200, 100), 1500, 1125, { sx: 188, sy: 94, width: 375, height: 187 }],
    ['a drag past the right and bottom edges is cut at the viewport', area(700, 500, 300, 300), 800, 600, { sx: 700, sy: 500, width: 100, height: 100 }],
    ['a drag starting left of the viewport (negative coordinates) is cut too', area(-50, -10, 150, 110), 1600, 1200, { sx: 0, sy: 0, width: 200, height: 200 }],
  ])('%s', (_case, selection, width, height, crop) => {
    expect(cropRectangle(selection, width, height)).toEqual(crop);
  });

  it.each([
    ['narrower than 16 device pixels', area(10, 10, 15, 300)],
    ['lower than 16 device pixels', area(10, 10, 300, 15)],
    ['wholly outside the viewport', area(900, 10, 100, 100)],
  ])('refuses an area %s with a sentence', (_case, selection) => {
    expect(() => cropRectangle(selection, 800, 600)).toThrow(expect.objectContaining({ error: scanErrors.areaTooSmall() }));
  });
});

function fakeCanvas(captureWidth: number, captureHeight: number) {
  const draws: number[][] = [];
  const sizes: number[][] = [];
  const closed = vi.fn();
  const env: CropCanvasEnv = {
    createImageBitmap: async () => ({ width: captureWidth, height: captureHeight, close: closed }),
    createCanvas: (width, height) => {
      sizes.push([width, height]);
      return {
        getContext: () => ({ drawImage: (_image, ...numbers) => void draws.push(numbers) }),
        convertToBlob: async (options) => new Blob([`png ${width}x${height}`], { type: options.type }),
      };
    },
  };
  return { env, draws, sizes, closed };
}

describe('cropCapture', () => {
  it('draws the selection pixel for pixel onto a canvas of its size, as PNG, and frees the capture', async () => {
    const canvas = fakeCanvas(1600, 1200);
    const png = await cropCapture(new Blob(['capture']), area(10, 20, 300, 400), canvas.env);
    expect(new TextDecoder().decode(png)).toBe('png 600x800');
    expect(canvas.sizes).toEqual([[600, 800]]);
    expect(canvas.draws).toEqual([[20, 40, 600, 800, 0, 0, 600, 800]]);
    expect(canvas.closed).toHaveBeenCalledOnce();
  });

  it('frees the capture when the area is refused', async () => {
    const canvas = fakeCanvas(800, 600);
    await expect(cropCapture(new Blob(['capture']), area(0, 0, 4, 4), canvas.env)).rejects.toMatchObject({ error: { code: 'area-too-small' } });
    expect(canvas.closed).toHaveBeenCalledOnce();
  });
});

describe('selectArea', () => {
  const scripting = (run: () => Promise<{ result?: unknown }[]>) => {
    const executeScript = vi.fn((_injection: object) => run());
    return { api: { executeScript } as AreaScriptingApi, executeScript };
  };

  it('injects the overlay script into the tab, then starts it with its deadline and smallest drag', async () => {
    const { api, executeScript } = scripting(async () => [{ result: area(1, 2, 30, 40) }]);
    expect(await selectArea(api, { id: 7, url: 'https://shop.example/' })).toEqual({ kind: 'selected', area: area(1, 2, 30, 40) });
    expect(executeScript.mock.calls.map(([injection]) => injection)).toEqual([
      { target: { tabId: 7 }, files: [OVERLAY_SCRIPT] },
      expect.objectContaining({ target: { tabId: 7 }, args: [SELECTION_DEADLINE_MS, MIN_SELECTION_CSS_PX] }),
    ]);
  });

  it('takes Esc, a deadline or a page that went away for a cancel', async () => {
    expect(await selectArea(scripting(async () => [{ result: null }]).api, { id: 7 })).toEqual({ kind: 'cancelled' });
    expect(await selectArea(scripting(async () => []).api, { id: 7 })).toEqual({ kind: 'cancelled' });
  });

  it.each([
    ['chrome://settings/', 'a chrome: page'],
    ['about:addons', 'an about: page'],
    ['view-source:https://shop.example/', 'a view-source: page'],
    ['file:///home/me/receipt.html', 'a file: page; "Allow access to file URLs" in the extension\'s details opens it'],
    ['https://chromewebstore.google.com/detail/x', "a browser page, an extension store or a PDF in the browser's viewer"],
    [undefined, "a browser page, an extension store or a PDF in the browser's viewer"],
  ])('names the page the browser keeps closed (%s)', async (url, detail) => {
    const api = scripting(async () => Promise.reject(new Error('Cannot access contents of the page'))).api;
    expect(await selectArea(api, { id: 7, url })).toEqual({ kind: 'not-capturable', detail });
  });
});

describe('createAreaCapture', () => {
  const selected = { executeScript: async () => [{ result: area(10, 20, 300, 400) }] } as AreaScriptingApi;

  it('captures the tab the area was selected in and cuts the area out', async () => {
    const captureVisibleTab = vi.fn(async () => new Blob(['capture']));
    const capture = createAreaCapture({ scripting: selected, captureVisibleTab, canvas: fakeCanvas(800, 600).env });
    const outcome = await capture({ id: 7, windowId: 3 });
    expect(captureVisibleTab).toHaveBeenCalledWith(3);
    expect(outcome.kind === 'captured' && new TextDecoder().decode(outcome.png)).toBe('png 300x400');
  });

  it("waits out Chrome's capture quota once, then captures", async () => {
    const quota = new Error('This request exceeds the MAX_CAPTURE_VISIBLE_TAB_CALLS_PER_SECOND quota.');
    const captureVisibleTab = vi.fn<(windowId: number) => Promise<Blob>>().mockRejectedValueOnce(quota).mockResolvedValue(new Blob(['capture']));
    const wait = vi.fn(async () => undefined);
    const outcome = await createAreaCapture({ scripting: selected, captureVisibleTab, canvas: fakeCanvas(800, 600).env, wait })({ id: 7, windowId: 3 });
    expect(outcome.kind).toBe('captured');
    expect(captureVisibleTab).toHaveBeenCalledTimes(2);
    expect(wait).toHaveBeenCalledWith(1_000);
  });

  it('gives up when the quota still refuses after the wait', async () => {
    const quota = new Error('This request exceeds the MAX_CAPTURE_VISIBLE_TAB_CALLS_PER_SECOND quota.');
    const captureVisibleTab = vi.fn(async () => Promise.reject(quota));
    const capture = createAreaCapture({ scripting: selected, captureVisibleTab, canvas: fakeCanvas(800, 600).env, wait: async () => undefined });
    await expect(capture({ id: 7, windowId: 3 })).rejects.toMatchObject({ error: scanErrors.areaNotCapturable('the browser refused to capture it') });
    expect(captureVisibleTab).toHaveBeenCalledTimes(2);
  });

  it('captures nothing when the selection is cancelled', async () => {
    const captureVisibleTab = vi.fn(async () => new Blob(['capture']));
    const cancelled = { executeScript: async () => [{ result: null }] } as AreaScriptingApi;
    expect(await createAreaCapture({ scripting: cancelled, captureVisibleTab, canvas: fakeCanvas(800, 600).env })({ id: 7, windowId: 3 })).toEqual({ kind: 'cancelled' });
    expect(captureVisibleTab).not.toHaveBeenCalled();
  });

  it.each([
    ['a page it may not script', { executeScript: async () => Promise.reject(new Error('no')) } as AreaScriptingApi, async () => new Blob(['capture']), 'a chrome: page'],
    ['a capture the browser refuses', selected, async () => Promise.reject(new Error('quota')), 'the browser refused to capture it'],
  ])('fails with a sentence on %s', async (_case, scripting, captureVisibleTab, detail) => {
    const capture = createAreaCapture({ scripting, captureVisibleTab, canvas: fakeCanvas(800, 600).env });
    await expect(capture({ id: 7, windowId: 3, url: 'chrome://newtab/' })).rejects.toMatchObject({ error: scanErrors.areaNotCapturable(detail) });
  });
});
