import { useEffect, useRef } from 'preact/hooks';

/** A button that also presses itself when scrolled into view, so scrolling loads older receipts. */
export function LoadMore({ onLoad }: { onLoad: () => void }) {
  const button = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    const target = button.current;
    if (!target || typeof IntersectionObserver === 'undefined') return;
    const observer = new IntersectionObserver((entries) => entries.some((entry) => entry.isIntersecting) && onLoad());
    observer.observe(target);
    return () => observer.disconnect();
  }, [onLoad]);
  return (
    <button type="button" class="secondary load-more" ref={button} onClick={onLoad}>
      Show older receipts
    </button>
  );
}
