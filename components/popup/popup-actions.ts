import { browser } from 'wxt/browser';
import { receiptsToCsv, csvBlob } from '@/utils/export/csv-export';
import { receiptsToPresetCsv, type CsvPreset } from '@/utils/export/csv-presets';
import { createPageSaveEnv, downloadOriginal, saveFile } from '@/utils/export/original-download';
import { zipOriginals } from '@/utils/export/originals-zip';
import { readPageReceipts } from '@/utils/capture/page-images';
import type { ReceiptRecord } from '@/utils/receipt';
import { isInFlight } from '@/utils/receipt-format';
import type { ReceiptLibrary, ReceiptSnapshot } from '@/utils/storage/receipt-library';
import type { ScanRequest, ScanTarget } from '@/utils/protocol';

const saveEnv = createPageSaveEnv((options) => browser.downloads.download(options));

function today(): string {
  return new Date().toISOString().slice(0, 10);
}

export async function findActiveTabReceipts(): Promise<ScanTarget[]> {
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  if (tab?.id === undefined) return [];
  return (await readPageReceipts(browser.scripting, tab.id)) ?? [];
}

const unfinished = (snapshots: ReceiptSnapshot[]) => snapshots.filter((snapshot) => isInFlight(snapshot.receipt)).map((snapshot) => snapshot.receipt.id);

function tellQueue(type: 'scans-deleted' | 'scans-restored', receiptIds: string[]): void {
  if (receiptIds.length === 0) return;
  const request: ScanRequest = { type, receiptIds };
  void browser.runtime.sendMessage(request).catch(() => undefined);
}

/** What the popup's buttons do with the browser: each answers with a sentence for the notice line. */
export function createPopupActions(repository: ReceiptLibrary) {
  return {
    /** Deletes; scans still in flight for these receipts are stopped, so their slots free at once. */
    async takeOut(ids: string[]): Promise<ReceiptSnapshot[]> {
      const snapshots = (await Promise.all(ids.map((id) => repository.takeOut(id)))).filter((snapshot): snapshot is ReceiptSnapshot => snapshot !== undefined);
      tellQueue('scans-deleted', unfinished(snapshots));
      return snapshots;
    },

    /** Undo: a receipt deleted mid-scan comes back queued and runs again. */
    async putBack(snapshots: ReceiptSnapshot[]): Promise<void> {
      for (const snapshot of snapshots) await repository.putBack(snapshot);
      tellQueue('scans-restored', unfinished(snapshots));
    },

    async downloadOriginal(receipt: ReceiptRecord): Promise<string> {
      const result = await downloadOriginal(receipt, { ...saveEnv, repository });
      return result.ok ? `Saved as ${result.filename}` : result.message;
    },

    async downloadOriginalsZip(receipts: ReceiptRecord[]): Promise<string> {
      const withOriginals = receipts.filter((receipt) => receipt.original);
      if (withOriginals.length === 0) return 'None of the selected receipts has a stored original.';
      // The zip is written entry by entry; only the browser's blob store holds it whole.
      const zip = await new Response(zipOriginals(withOriginals, repository)).blob();
      const result = await saveFile(new Blob([zip], { type: 'application/zip' }), `receipts ${today()}.zip`, saveEnv);
      return result.ok ? `Saved ${withOriginals.length} originals as ${result.filename}` : result.message;
    },

    /** The receipts as CSV in the chosen columns; an app's import leaves out receipts without a total, and says so. */
    async exportCsv(receipts: ReceiptRecord[], preset: CsvPreset = 'full'): Promise<string> {
      if (receipts.length === 0) return 'There are no receipts to export.';
      const exported = preset === 'full' ? receipts : receipts.filter((receipt) => receipt.fields?.total != null);
      if (exported.length === 0) return 'None of these receipts has a total, so there is nothing to import.';
      const csv = preset === 'full' ? receiptsToCsv(exported) : receiptsToPresetCsv(exported, preset);
      const result = await saveFile(csvBlob(csv), `receipts ${today()}${preset === 'full' ? '' : ` ${preset}`}.csv`, saveEnv);
      if (!result.ok) return result.message;
      const left = receipts.length - exported.length;
      return `Exported ${exported.length} ${exported.length === 1 ? 'receipt' : 'receipts'} as ${result.filename}${left > 0 ? ` (${left} without a total left out)` : ''}.`;
    },

    /** Every receipt, page by page through the cursor. */
    async allReceipts(): Promise<ReceiptRecord[]> {
      const all: ReceiptRecord[] = [];
      let page = await repository.listNewest(500);
      all.push(...page.receipts);
      while (page.next) {
        page = await repository.listNewest(500, page.next);
        all.push(...page.receipts);
      }
      return all;
    },
  };
}

export type PopupActions = ReturnType<typeof createPopupActions>;
