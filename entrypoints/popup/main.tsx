import { render } from 'preact';
import { openReceiptDb } from '@/utils/receipt-db';
import { createReceiptLibrary } from '@/utils/receipt-library';
import { App } from './App';
import { FIRST_PAGE } from './use-receipts';
import '@/components/style.css';

const root = document.getElementById('app');
if (root) {
  const repository = createReceiptLibrary(openReceiptDb());
  // The first page is read while Preact sets up, not after its first paint.
  const firstPage = repository.listNewest(FIRST_PAGE);
  render(<App repository={repository} firstPage={firstPage} />, root);
}
