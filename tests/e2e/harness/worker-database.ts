import type { Worker } from 'playwright-core';

export const DATABASE_NAME = 'receipt-scanner';

/** A Blob cannot cross the CDP boundary: it comes back as its type, size and bytes. */
export interface BlobCopy {
  blobType: string;
  size: number;
  base64: string;
}

export const isBlobCopy = (value: unknown): value is BlobCopy =>
  typeof value === 'object' && value !== null && 'blobType' in value && 'base64' in value;

type DatabaseTask = { kind: 'read-all'; store: string } | { kind: 'clear-every-store' };

/**
 * Runs one task on the extension's IndexedDB inside its service worker, with plain indexedDB (no extension code).
 * One evaluated function, so opening the database is written once; it never creates the database, because a
 * database made here without stores would skip the extension's own upgrade.
 */
export function inExtensionDatabase(worker: Worker, task: DatabaseTask): Promise<unknown[]> {
  return worker.evaluate(
    async ({ name, task }) => {
      if (!(await indexedDB.databases()).some((info) => info.name === name)) return [];
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const request = indexedDB.open(name);
        request.onsuccess = () => resolve(request.result);
        request.onerror = () => reject(request.error);
      });
      try {
        if (task.kind === 'clear-every-store') {
          const stores = Array.from(db.objectStoreNames);
          if (stores.length === 0) return [];
          const transaction = db.transaction(stores, 'readwrite');
          for (const store of stores) transaction.objectStore(store).clear();
          await new Promise<void>((resolve, reject) => {
            transaction.oncomplete = () => resolve();
            transaction.onerror = () => reject(transaction.error);
          });
          return [];
        }
        if (!db.objectStoreNames.contains(task.store)) return [];
        const records = await new Promise<unknown[]>((resolve, reject) => {
          const request = db.transaction(task.store).objectStore(task.store).getAll();
          request.onsuccess = () => resolve(request.result as unknown[]);
          request.onerror = () => reject(request.error);
        });
        const copy = async (value: unknown): Promise<unknown> => {
          if (value instanceof Blob) {
            const bytes = new Uint8Array(await value.arrayBuffer());
            let binary = '';
            for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
            return { blobType: value.type, size: value.size, base64: btoa(binary) };
          }
          if (Array.isArray(value)) return Promise.all(value.map(copy));
          if (value !== null && typeof value === 'object') {
            return Object.fromEntries(await Promise.all(Object.entries(value).map(async ([key, inner]) => [key, await copy(inner)] as const)));
          }
          return value;
        };
        return Promise.all(records.map(copy));
      } finally {
        db.close();
      }
    },
    { name: DATABASE_NAME, task },
  );
}
