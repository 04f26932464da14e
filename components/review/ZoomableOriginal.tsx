import { useRef, useState } from 'preact/hooks';
import type { FieldBox, FieldName, OcrWord } from '@/utils/receipt';
import type { ImagePoint } from '@/utils/receipt-parser/word-field';

interface Props {
  imageUrl: string;
  /** Size of the image the words were read on (the boxes are in its pixels); the original's own size when not recorded. */
  imageWidth: number | undefined;
  imageHeight: number | undefined;
  words: readonly OcrWord[];
  /** Where the fields were read, marked over the words. */
  highlights: Partial<Record<FieldName, FieldBox>>;
  /** The field a click on a word fills, named in the hint; null when no field has focus. */
  targetLabel: string | null;
  onPick: (point: ImagePoint) => void;
}

const MIN_ZOOM = 1;
const MAX_ZOOM = 6;
const STEP = 1.25;
/** A press that moves less than this is a click on a word, more is a drag of the image. */
const CLICK_SLOP_PX = 4;

const percentBox = (box: FieldBox, width: number, height: number) => ({
  left: `${(box.left / width) * 100}%`,
  top: `${(box.top / height) * 100}%`,
  width: `${(box.width / width) * 100}%`,
  height: `${(box.height / height) * 100}%`,
});

/** The original, large: zoom with the buttons, Ctrl+wheel or + and -, drag to pan, click a word to fill the focused field. */
export function ZoomableOriginal({ imageUrl, words, highlights, targetLabel, onPick, ...read }: Props) {
  const viewport = useRef<HTMLDivElement>(null);
  const [zoom, setZoom] = useState(MIN_ZOOM);
  const [natural, setNatural] = useState<{ width: number; height: number } | null>(null);
  const imageWidth = read.imageWidth ?? natural?.width;
  const imageHeight = read.imageHeight ?? natural?.height;
  const drag = useRef<{ x: number; y: number; left: number; top: number; moved: boolean } | null>(null);

  const zoomTo = (next: number) => setZoom(Math.min(MAX_ZOOM, Math.max(MIN_ZOOM, Math.round(next * 100) / 100)));

  function pointerDown(event: PointerEvent) {
    const view = viewport.current;
    if (!view || event.button !== 0) return;
    drag.current = { x: event.clientX, y: event.clientY, left: view.scrollLeft, top: view.scrollTop, moved: false };
  }

  function pointerMove(event: PointerEvent) {
    const view = viewport.current;
    const start = drag.current;
    if (!view || !start) return;
    const dx = event.clientX - start.x;
    const dy = event.clientY - start.y;
    if (!start.moved && Math.hypot(dx, dy) < CLICK_SLOP_PX) return;
    start.moved = true;
    view.scrollLeft = start.left - dx;
    view.scrollTop = start.top - dy;
  }

  function pointerUp(event: PointerEvent) {
    const start = drag.current;
    drag.current = null;
    if (!start || start.moved || !imageWidth || !imageHeight) return;
    const image = (event.currentTarget as HTMLElement).querySelector('img');
    const rect = image?.getBoundingClientRect();
    if (!rect || rect.width === 0 || rect.height === 0) return;
    onPick({ x: ((event.clientX - rect.left) / rect.width) * imageWidth, y: ((event.clientY - rect.top) / rect.height) * imageHeight });
  }

  function keyDown(event: KeyboardEvent) {
    if (event.key === '+' || event.key === '=') zoomTo(zoom * STEP);
    else if (event.key === '-') zoomTo(zoom / STEP);
    else if (event.key === '0') zoomTo(MIN_ZOOM);
    else return;
    event.preventDefault();
  }

  return (
    <section class="original-pane" aria-label="Original receipt">
      <div class="zoom-bar">
        <button type="button" class="secondary" onClick={() => zoomTo(zoom / STEP)} disabled={zoom <= MIN_ZOOM} aria-label="Zoom out">
          −
        </button>
        <output aria-live="polite">{Math.round(zoom * 100)}%</output>
        <button type="button" class="secondary" onClick={() => zoomTo(zoom * STEP)} disabled={zoom >= MAX_ZOOM} aria-label="Zoom in">
          +
        </button>
        <button type="button" class="secondary" onClick={() => zoomTo(MIN_ZOOM)} disabled={zoom === MIN_ZOOM}>
          Fit
        </button>
        <span class="hint">{targetLabel ? `Click a word to fill ${targetLabel}.` : 'Choose a field, then click a word to fill it.'}</span>
      </div>
      <div
        ref={viewport}
        class="zoom-viewport"
        tabIndex={0}
        aria-label="Original receipt image: + and - zoom, drag to move"
        onKeyDown={keyDown}
        onWheel={(event) => {
          if (!event.ctrlKey) return;
          event.preventDefault();
          zoomTo(event.deltaY < 0 ? zoom * STEP : zoom / STEP);
        }}
      >
        <figure
          class="zoom-figure"
          style={{ width: `${zoom * 100}%` }}
          onPointerDown={pointerDown}
          onPointerMove={pointerMove}
          onPointerUp={pointerUp}
          onPointerCancel={() => (drag.current = null)}
        >
          <img
            src={imageUrl}
            alt="Original receipt"
            draggable={false}
            onLoad={(event) => setNatural({ width: event.currentTarget.naturalWidth, height: event.currentTarget.naturalHeight })}
          />
          {imageWidth && imageHeight
            ? words.map((word, index) => <span key={index} class="word-box" style={percentBox(word, imageWidth, imageHeight)} aria-hidden="true" />)
            : null}
          {imageWidth && imageHeight
            ? (Object.entries(highlights) as [FieldName, FieldBox][]).map(([name, box]) => (
                <span key={name} class={`field-box ${name}`} style={percentBox(box, imageWidth, imageHeight)} data-field={name} title={`The ${name} was read here`} />
              ))
            : null}
        </figure>
      </div>
    </section>
  );
}
