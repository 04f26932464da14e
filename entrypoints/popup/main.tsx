import { render } from 'preact';
import { PopupApp } from '@/components/popup/PopupApp';
import { FIRST_PAGE } from '@/components/popup/use-receipts';
import { openReceiptDb } from '@/utils/storage/receipt-db';
import { createReceiptLibrary } from '@/utils/storage/receipt-library';
import '@/components/shared/style.css';

const root = document.getElementById('app');
if (root) {
  const repository = createReceiptLibrary(openReceiptDb());
  // The first page is read while Preact sets up, not after its first paint.
  const firstPage = repository.listNewest(FIRST_PAGE, undefined, 'date');
  render(<PopupApp repository={repository} firstPage={firstPage} />, root);
}
