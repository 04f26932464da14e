import { useRef } from 'preact/hooks';

interface Props {
  onFiles: (files: File[]) => void;
}

export const RECEIPT_FILE_TYPES = 'image/*,application/pdf,.pdf';

/** "Add receipt": a file picker for images and PDFs, several at once. */
export function AddReceiptsButton({ onFiles }: Props) {
  const input = useRef<HTMLInputElement>(null);
  return (
    <>
      <button type="button" class="secondary" onClick={() => input.current?.click()}>
        Add receipt
      </button>
      <input
        ref={input}
        type="file"
        class="visually-hidden"
        tabIndex={-1}
        aria-label="Receipt files"
        accept={RECEIPT_FILE_TYPES}
        multiple
        onChange={(event) => {
          const files = [...(event.currentTarget.files ?? [])];
          // Cleared, so choosing the same file again is a change too.
          event.currentTarget.value = '';
          if (files.length > 0) onFiles(files);
        }}
      />
    </>
  );
}

/** Shown over the page while files are dragged over it. */
export function DropZone() {
  return (
    <div class="drop-zone" aria-hidden="true">
      Drop receipts to scan them
    </div>
  );
}
