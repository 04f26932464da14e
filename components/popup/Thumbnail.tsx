import { useEffect, useState } from 'preact/hooks';

/** Shows a stored Blob; the object URL lives as long as the component. */
export function Thumbnail({ blob, alt }: { blob: Blob | null; alt: string }) {
  const [url, setUrl] = useState<string | null>(null);
  useEffect(() => {
    if (!blob) return setUrl(null);
    const objectUrl = URL.createObjectURL(blob);
    setUrl(objectUrl);
    return () => URL.revokeObjectURL(objectUrl);
  }, [blob]);
  // Decoded off the main thread and only when scrolled into view, so the list paints first.
  return url ? <img class="thumbnail" src={url} alt={alt} width={48} height={48} loading="lazy" decoding="async" /> : <div class="thumbnail placeholder" aria-hidden="true" />;
}
