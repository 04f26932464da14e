// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { selectAreaInPage } from '../../utils/capture/area-overlay';
import { OVERLAY_TAG } from '../../utils/capture/area-selection';

const DEADLINE_MS = 120_000;
const MIN_SIZE = 8;

/** The overlay's closed shadow root, caught as it is attached (the page cannot reach it; the test must). */
let root: ShadowRoot | null;

beforeEach(() => {
  root = null;
  const attach = Element.prototype.attachShadow;
  vi.spyOn(Element.prototype, 'attachShadow').mockImplementation(function (this: Element, init: ShadowRootInit) {
    root = attach.call(this, init);
    return root;
  });
  vi.spyOn(window, 'innerWidth', 'get').mockReturnValue(800);
  vi.spyOn(window, 'innerHeight', 'get').mockReturnValue(600);
  // happy-dom has no pointer capture; the browser's keeps a drag that leaves the window.
  Element.prototype.setPointerCapture ??= () => undefined;
});

afterEach(() => {
  vi.useRealTimers();
  vi.restoreAllMocks();
  document.documentElement.querySelectorAll(OVERLAY_TAG).forEach((host) => host.remove());
});

const hosts = () => document.querySelectorAll<HTMLElement>(OVERLAY_TAG);

function veil(): HTMLElement {
  const found = root?.querySelector<HTMLElement>('.veil');
  if (!found) throw new Error('no overlay drawn');
  return found;
}

function pointer(type: string, x: number, y: number): void {
  veil().dispatchEvent(new PointerEvent(type, { clientX: x, clientY: y, pointerId: 1, bubbles: true }));
}

function drag(from: [number, number], to: [number, number], release = true): void {
  pointer('pointerdown', ...from);
  pointer('pointermove', (from[0] + to[0]) / 2, (from[1] + to[1]) / 2);
  pointer('pointermove', ...to);
  if (release) pointer('pointerup', ...to);
}

const press = (key: string) => window.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true }));
const viewport = { viewportWidth: 800, viewportHeight: 600 };

describe('selectAreaInPage', () => {
  it('draws one overlay outside the body, its styles important, with the hint read out to assistive technology', () => {
    void selectAreaInPage(DEADLINE_MS, MIN_SIZE);
    const [host] = hosts();
    expect(hosts()).toHaveLength(1);
    expect(host?.parentElement).toBe(document.documentElement);
    for (const property of ['position', 'z-index', 'display', 'pointer-events', 'cursor']) expect(host?.style.getPropertyPriority(property), property).toBe('important');
    expect(host?.style.getPropertyValue('z-index')).toBe('2147483647');
    const hint = root?.querySelector('[role="status"]');
    expect(hint?.textContent).toBe('Drag to select the receipt — Esc cancels');
  });

  it('answers the dragged rectangle, whichever way it was dragged, with the viewport it was measured in, and goes away', async () => {
    const selection = selectAreaInPage(DEADLINE_MS, MIN_SIZE);
    drag([300, 250], [100, 50]);
    expect(await selection).toEqual({ x: 100, y: 50, width: 200, height: 200, ...viewport });
    expect(hosts()).toHaveLength(0);
  });

  it('takes Enter during a drag as the rectangle so far', async () => {
    const selection = selectAreaInPage(DEADLINE_MS, MIN_SIZE);
    drag([10, 20], [110, 70], false);
    press('Enter');
    expect(await selection).toEqual({ x: 10, y: 20, width: 100, height: 50, ...viewport });
    expect(hosts()).toHaveLength(0);
  });

  it('keeps the overlay after a slip of the mouse smaller than the smallest drag; Esc then cancels and cleans up', async () => {
    const selection = selectAreaInPage(DEADLINE_MS, MIN_SIZE);
    drag([10, 10], [15, 200]);
    expect(hosts()).toHaveLength(1);
    press('Escape');
    expect(await selection).toBeNull();
    expect(hosts()).toHaveLength(0);
    // Its key listener went with it: a later Enter on the page is the page's.
    const later = new KeyboardEvent('keydown', { key: 'Enter', cancelable: true });
    window.dispatchEvent(later);
    expect(later.defaultPrevented).toBe(false);
  });

  it('starts again after the browser cancels the pointer: a release then confirms nothing', async () => {
    const selection = selectAreaInPage(DEADLINE_MS, MIN_SIZE);
    drag([10, 10], [200, 200], false);
    pointer('pointercancel', 200, 200);
    pointer('pointerup', 200, 200);
    expect(hosts()).toHaveLength(1);
    drag([20, 30], [120, 130]);
    expect(await selection).toEqual({ x: 20, y: 30, width: 100, height: 100, ...viewport });
  });

  it('goes away by itself at its deadline, answering a cancel', async () => {
    vi.useFakeTimers();
    const selection = selectAreaInPage(DEADLINE_MS, MIN_SIZE);
    await vi.advanceTimersByTimeAsync(DEADLINE_MS - 1);
    expect(hosts()).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(1_000);
    expect(await selection).toBeNull();
    expect(hosts()).toHaveLength(0);
  });

  it('replaces an overlay still open (the item chosen twice): the first answers a cancel, one overlay remains', async () => {
    const first = selectAreaInPage(DEADLINE_MS, MIN_SIZE);
    const second = selectAreaInPage(DEADLINE_MS, MIN_SIZE);
    expect(await first).toBeNull();
    expect(hosts()).toHaveLength(1);
    drag([0, 0], [50, 40]);
    expect(await second).toEqual({ x: 0, y: 0, width: 50, height: 40, ...viewport });
  });
});
