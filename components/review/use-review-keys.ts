import { useEffect } from 'preact/hooks';

interface ReviewKeys {
  next: () => void;
  previous: () => void;
  nextUnsure: () => void;
  save: () => void;
}

/** Alt+↓ / Alt+↑ move between receipts, Alt+N to the next that needs checking, Ctrl+S (⌘S) saves: all work while typing. */
export function useReviewKeys(keys: ReviewKeys): void {
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      const action =
        event.altKey && event.key === 'ArrowDown' ? keys.next
        : event.altKey && event.key === 'ArrowUp' ? keys.previous
        : event.altKey && (event.key === 'n' || event.key === 'N' || event.code === 'KeyN') ? keys.nextUnsure
        : (event.ctrlKey || event.metaKey) && (event.key === 's' || event.key === 'S') ? keys.save
        : null;
      if (!action) return;
      event.preventDefault();
      action();
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [keys]);
}
