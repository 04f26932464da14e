import { useEffect, useState } from 'preact/hooks';
import type { FieldBox, FieldName } from '@/utils/receipt';

interface Props {
  loadOriginal: () => Promise<Blob | undefined>;
  /** Where fields were read, in the pixels of the image that was read. */
  boxes: Partial<Record<FieldName, FieldBox>>;
  imageWidth: number | undefined;
  imageHeight: number | undefined;
}

const HIGHLIGHTED: FieldName[] = ['total', 'date'];

/** The stored original, with the places where the total and the date were read marked on it. */
export function OriginalView({ loadOriginal, boxes, imageWidth, imageHeight }: Props) {
  const [image, setImage] = useState<{ url: string; pdf: boolean } | null>(null);
  useEffect(() => {
    let url: string | null = null;
    let cancelled = false;
    void loadOriginal().then((blob) => {
      if (!blob || cancelled) return;
      url = URL.createObjectURL(blob);
      setImage({ url, pdf: blob.type === 'application/pdf' });
    });
    return () => {
      cancelled = true;
      if (url) URL.revokeObjectURL(url);
    };
  }, [loadOriginal]);

  if (!image) return <div class="original-view placeholder" aria-hidden="true" />;
  if (image.pdf) return <p class="original-view meta">PDF original (use Download original to open it).</p>;
  return (
    <figure class="original-view">
      <img src={image.url} alt="Original receipt" />
      {imageWidth && imageHeight
        ? HIGHLIGHTED.map((name) => {
            const box = boxes[name];
            if (!box) return null;
            const style = {
              left: `${(box.left / imageWidth) * 100}%`,
              top: `${(box.top / imageHeight) * 100}%`,
              width: `${(box.width / imageWidth) * 100}%`,
              height: `${(box.height / imageHeight) * 100}%`,
            };
            return <span key={name} class={`field-box ${name}`} style={style} title={`The ${name} was read here`} data-field={name} />;
          })
        : null}
    </figure>
  );
}
