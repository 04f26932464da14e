import { OVERLAY_TAG, type AreaSelection } from './area-selection';

/**
 * Runs inside the page: a crosshair overlay over the viewport, in a closed shadow root so the page's CSS cannot
 * reach it. Drag a rectangle; mouse-up or Enter confirms, Esc cancels; it removes itself and waits for the page to
 * be painted without it before answering, so the capture that follows shows the page only.
 */
export async function selectAreaInPage(deadlineMs: number, minSize: number): Promise<AreaSelection | null> {
  const KEY = '__receiptScannerAreaOverlay';
  const scope = window as unknown as Record<string, (() => void) | undefined>;
  scope[KEY]?.();
  // A tag of its own, styles marked important and a place outside <body>: page rules for div, * or a transformed
  // body (which would make "fixed" mean "fixed to the body") cannot hide, move or shrink the overlay.
  const host = document.createElement(OVERLAY_TAG);
  host.style.cssText = ['all:initial', 'display:block', 'position:fixed', 'inset:0', 'z-index:2147483647', 'pointer-events:auto', 'cursor:crosshair']
    .map((declaration) => `${declaration} !important`)
    .join(';');
  const root = host.attachShadow({ mode: 'closed' });
  root.innerHTML = `<style>
    :host{all:initial}
    .veil{position:fixed;inset:0;background:rgba(15,23,42,.45);cursor:crosshair}
    .veil.dragging{background:transparent}
    .box{position:fixed;display:none;border:2px solid #fff;outline:1px solid #2563eb;box-shadow:0 0 0 100vmax rgba(15,23,42,.45)}
    .hint{position:fixed;top:16px;left:50%;transform:translateX(-50%);padding:8px 14px;border-radius:6px;background:#0f172a;color:#fff;
      font:600 14px/1.4 system-ui,sans-serif;pointer-events:none;white-space:nowrap}
  </style><div class="veil" tabindex="-1"></div><div class="box"></div><div class="hint" role="status" aria-live="polite">Drag to select the receipt — Esc cancels</div>`;
  const veil = root.querySelector<HTMLElement>('.veil');
  const box = root.querySelector<HTMLElement>('.box');
  if (!veil || !box) return null;
  // In the top layer where the browser has one: above the page's own fixed bars and full-screen elements.
  host.popover = 'manual';
  document.documentElement.append(host);
  try {
    host.showPopover();
  } catch {
    // Without the top layer, the highest z-index last in the document is above all the page had before.
  }
  veil.focus();

  return new Promise((resolve) => {
    let start: { x: number; y: number } | null = null;
    let rect: { x: number; y: number; width: number; height: number } | null = null;
    const timer = setTimeout(() => finish(null), deadlineMs);
    const paintedWithout = () =>
      new Promise<void>((done) => {
        setTimeout(done, 150);
        requestAnimationFrame(() => requestAnimationFrame(() => done()));
      });
    function finish(chosen: typeof rect): void {
      clearTimeout(timer);
      window.removeEventListener('keydown', onKey, true);
      host.remove();
      delete scope[KEY];
      const viewport = { viewportWidth: window.innerWidth, viewportHeight: window.innerHeight };
      void paintedWithout().then(() => resolve(chosen ? { ...chosen, ...viewport } : null));
    }
    function onKey(event: KeyboardEvent): void {
      if (event.key !== 'Escape' && event.key !== 'Enter') return;
      event.preventDefault();
      event.stopPropagation();
      finish(event.key === 'Enter' ? rect : null);
    }
    scope[KEY] = () => finish(null);
    window.addEventListener('keydown', onKey, true);
    veil.addEventListener('pointerdown', (event) => {
      event.preventDefault();
      start = { x: event.clientX, y: event.clientY };
      veil.setPointerCapture(event.pointerId);
    });
    veil.addEventListener('pointermove', (event) => {
      if (!start) return;
      rect = {
        x: Math.min(start.x, event.clientX),
        y: Math.min(start.y, event.clientY),
        width: Math.abs(event.clientX - start.x),
        height: Math.abs(event.clientY - start.y),
      };
      veil.classList.add('dragging');
      Object.assign(box.style, { display: 'block', left: `${rect.x}px`, top: `${rect.y}px`, width: `${rect.width}px`, height: `${rect.height}px` });
    });
    const forget = () => {
      start = null;
      rect = null;
      veil.classList.remove('dragging');
      box.style.display = 'none';
    };
    veil.addEventListener('pointerup', () => {
      if (rect && rect.width >= minSize && rect.height >= minSize) return finish(rect);
      forget();
    });
    // The browser took the pointer away (a touch turned into a scroll, a system gesture): start again.
    veil.addEventListener('pointercancel', forget);
  });
}
