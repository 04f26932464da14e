import type { Page } from 'playwright-core';

/** Pastes files into the page as the browser does on Ctrl+V with files on the clipboard. */
export async function pasteFiles(page: Page, files: { name: string; type: string; base64: string }[]): Promise<void> {
  await page.evaluate((shared) => {
    const transfer = new DataTransfer();
    for (const file of shared) transfer.items.add(new File([Uint8Array.from(atob(file.base64), (c) => c.charCodeAt(0))], file.name, { type: file.type }));
    document.body.dispatchEvent(new ClipboardEvent('paste', { clipboardData: transfer, bubbles: true, cancelable: true }));
  }, files);
}

/**
 * Drags files from outside the browser onto the page: dragenter and dragover, then (unless `release` is false,
 * to look at the drop zone) the drop.
 */
export async function dropFiles(page: Page, files: { name: string; type: string; base64: string }[], release = true): Promise<void> {
  await page.evaluate(
    ({ shared, release }) => {
      const transfer = new DataTransfer();
      for (const file of shared) transfer.items.add(new File([Uint8Array.from(atob(file.base64), (c) => c.charCodeAt(0))], file.name, { type: file.type }));
      const fire = (type: string) => document.body.dispatchEvent(new DragEvent(type, { dataTransfer: transfer, bubbles: true, cancelable: true }));
      fire('dragenter');
      fire('dragover');
      if (release) fire('drop');
    },
    { shared: files, release },
  );
}
