import { render } from 'preact';
import { openReceiptDb } from '@/utils/storage/receipt-db';
import { createReceiptLibrary } from '@/utils/storage/receipt-library';
import { App } from '../../components/popup/App';
import { FIRST_PAGE } from '../../components/popup/use-receipts';
import '@/components/shared/style.css';

const root = document.getElementById('app');
if (root) {
  const repository = createReceiptLibrary(openReceiptDb());
  // The first page is read while Preact sets up, not after its first paint.
  const firstPage = repository.listNewest(FIRST_PAGE);
  render(<App repository={repository} firstPage={firstPage} />, root);
}
