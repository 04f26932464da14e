import type { ImageBitmapLike } from '../image/downscale';
import { ScanFailure, scanErrors } from '../scan-error';
import { selectArea, type AreaScriptingApi, type AreaSelection } from './area-selection';

/** Below this many device pixels a side there is nothing an OCR engine could read. */
export const MIN_CROP_DEVICE_PX = 16;

export interface CropRectangle {
  sx: number;
  sy: number;
  width: number;
  height: number;
}

/**
 * The selection in the captured image's pixels. The capture's size against the viewport's gives the scale, so device
 * pixel ratio and page zoom are both in it; a rectangle reaching past the viewport is cut at its edge.
 */
export function cropRectangle(area: AreaSelection, captureWidth: number, captureHeight: number): CropRectangle {
  const scaleX = captureWidth / area.viewportWidth;
  const scaleY = captureHeight / area.viewportHeight;
  const clamp = (value: number, max: number) => Math.min(max, Math.max(0, value));
  const left = clamp(Math.round(area.x * scaleX), captureWidth);
  const top = clamp(Math.round(area.y * scaleY), captureHeight);
  const right = clamp(Math.round((area.x + area.width) * scaleX), captureWidth);
  const bottom = clamp(Math.round((area.y + area.height) * scaleY), captureHeight);
  if (right - left < MIN_CROP_DEVICE_PX || bottom - top < MIN_CROP_DEVICE_PX) throw new ScanFailure(scanErrors.areaTooSmall());
  return { sx: left, sy: top, width: right - left, height: bottom - top };
}

/** The parts of OffscreenCanvas the crop uses. */
export interface CropCanvasEnv {
  createImageBitmap: (blob: Blob) => Promise<ImageBitmapLike>;
  createCanvas: (
    width: number,
    height: number,
  ) => {
    getContext(contextId: '2d'): { drawImage(image: ImageBitmapLike, sx: number, sy: number, sw: number, sh: number, dx: number, dy: number, dw: number, dh: number): void } | null;
    convertToBlob(options: { type: string }): Promise<Blob>;
  };
}

/** Cuts the selection out of a capture of the visible tab, pixel for pixel, as a PNG. */
export async function cropCapture(capture: Blob, area: AreaSelection, canvas: CropCanvasEnv): Promise<Uint8Array> {
  const bitmap = await canvas.createImageBitmap(capture);
  try {
    const crop = cropRectangle(area, bitmap.width, bitmap.height);
    const target = canvas.createCanvas(crop.width, crop.height);
    const context = target.getContext('2d');
    if (!context) throw new ScanFailure(scanErrors.unexpected('no 2D canvas to cut the area with'));
    context.drawImage(bitmap, crop.sx, crop.sy, crop.width, crop.height, 0, 0, crop.width, crop.height);
    return new Uint8Array(await (await target.convertToBlob({ type: 'image/png' })).arrayBuffer());
  } finally {
    bitmap.close();
  }
}

export interface AreaCaptureEnv {
  scripting: AreaScriptingApi;
  /** The tab's visible area as a PNG (tabs.captureVisibleTab). */
  captureVisibleTab: (windowId: number) => Promise<Blob>;
  canvas: CropCanvasEnv;
  /** Waits before the one capture retried; setTimeout unless given (tests). */
  wait?: (ms: number) => Promise<void>;
}

/** Chrome captures a tab at most twice a second and refuses the third ("MAX_CAPTURE_VISIBLE_TAB_CALLS_PER_SECOND"). */
const CAPTURE_QUOTA = /MAX_CAPTURE_VISIBLE_TAB_CALLS_PER_SECOND/;
const CAPTURE_QUOTA_WAIT_MS = 1_000;

export type AreaCaptureOutcome = { kind: 'captured'; png: Uint8Array } | { kind: 'cancelled' };

/** Select an area on the tab's page, capture what is visible and cut the area out: the PNG is the receipt's original. */
export function createAreaCapture(env: AreaCaptureEnv) {
  return async (tab: { id: number; windowId: number; url?: string }): Promise<AreaCaptureOutcome> => {
    const selection = await selectArea(env.scripting, tab);
    if (selection.kind === 'cancelled') return selection;
    if (selection.kind === 'not-capturable') throw new ScanFailure(scanErrors.areaNotCapturable(selection.detail));
    const wait = env.wait ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));
    // Two areas selected within a second meet Chrome's capture quota: the second waits for it, once.
    const capture = await env
      .captureVisibleTab(tab.windowId)
      .catch(async (error: unknown) => {
        if (!(error instanceof Error && CAPTURE_QUOTA.test(error.message))) throw error;
        await wait(CAPTURE_QUOTA_WAIT_MS);
        return env.captureVisibleTab(tab.windowId);
      })
      .catch(() => {
        throw new ScanFailure(scanErrors.areaNotCapturable('the browser refused to capture it'));
      });
    return { kind: 'captured', png: await cropCapture(capture, selection.area, env.canvas) };
  };
}
