import { useEffect, useRef } from 'preact/hooks';

interface ReviewKeys {
  next: () => void;
  previous: () => void;
  nextUnsure: () => void;
  save: () => void;
}

/** Alt+↓ / Alt+↑ move between receipts, Alt+N to the next that needs checking, Ctrl+S (⌘S) saves: all work while typing. */
export function useReviewKeys(keys: ReviewKeys): void {
  // Set as the page renders, before the screen changes: a key pressed at once acts on what is shown, not on the
  // last render whose effects ran (they run after paint).
  const latest = useRef(keys);
  latest.current = keys;
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      const now = latest.current;
      const action =
        event.altKey && event.key === 'ArrowDown' ? now.next
        : event.altKey && event.key === 'ArrowUp' ? now.previous
        : event.altKey && (event.key === 'n' || event.key === 'N' || event.code === 'KeyN') ? now.nextUnsure
        : (event.ctrlKey || event.metaKey) && (event.key === 's' || event.key === 'S') ? now.save
        : null;
      if (!action) return;
      event.preventDefault();
      action();
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, []);
}
