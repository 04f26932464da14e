// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, within } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ReceiptList } from '../../../components/popup/ReceiptList';
import { makeReceipt, parsedReceipt } from '../receipt-fixtures';

afterEach(cleanup);

describe('ReceiptList', () => {
  it('shows merchant, date and total with currency for a scanned receipt', () => {
    render(<ReceiptList receipts={[makeReceipt()]} progress={{}} locale="en-GB" onOpen={vi.fn()} onRetry={vi.fn()} />);
    const row = within(screen.getByRole('list', { name: 'Receipts' })).getByRole('listitem');
    expect(row.dataset.receiptId).toBe('r1');
    expect(row.textContent).toContain('Book Ta .K (Taman Daya) Sdn Bhd');
    expect(row.textContent).toContain('MYR 9.00');
    expect(row.textContent).toContain('25 Dec 2018');
    expect(within(row).queryByRole('progressbar')).toBeNull();
  });

  it('shows a determinate bar while downloading and an indeterminate one while uploading without stream', () => {
    const receipts = [makeReceipt({ id: 'a', status: 'downloading', fields: null }), makeReceipt({ id: 'b', status: 'uploading', fields: null })];
    const progress = { a: { phase: 'downloading' as const, loaded: 30, total: 120 }, b: { phase: 'uploading' as const, loaded: 0, total: null } };
    render(<ReceiptList receipts={receipts} progress={progress} locale="en-GB" onOpen={vi.fn()} onRetry={vi.fn()} />);
    const [downloading, uploading] = screen.getAllByRole('progressbar');
    expect(downloading?.getAttribute('aria-valuenow')).toBe('25');
    expect(downloading?.getAttribute('aria-label')).toBe('Downloading 25%');
    expect(uploading?.hasAttribute('aria-valuenow')).toBe(false);
    expect(uploading?.getAttribute('aria-label')).toBe('Uploading...');
  });

  it('shows "Reading text..." once the upload is through', () => {
    render(
      <ReceiptList receipts={[makeReceipt({ status: 'reading', fields: null })]} progress={{ r1: { phase: 'reading' } }} locale="en" onOpen={vi.fn()} onRetry={vi.fn()} />,
    );
    expect(screen.getByRole('progressbar').getAttribute('aria-label')).toBe('Reading text...');
  });

  it('shows the message of a failed scan and retries it', () => {
    const onRetry = vi.fn();
    const error = { code: 'ocr-rate-limit' as const, message: 'The rate limit was reached.', retryable: true };
    render(<ReceiptList receipts={[makeReceipt({ status: 'failed', fields: null, error })]} progress={{}} locale="en" onOpen={vi.fn()} onRetry={onRetry} />);
    expect(screen.getByRole('alert').textContent).toBe('The rate limit was reached.');
    fireEvent.click(screen.getByRole('button', { name: 'Retry' }));
    expect(onRetry).toHaveBeenCalledWith('r1');
  });

  it('names a receipt not yet read by its image file, with the whole address in its title', () => {
    const imageUrl = `https://bucket.storage.example/receipts/2024/march-receipt.jpg?X-Amz-Signature=${'f'.repeat(1100)}`;
    render(<ReceiptList receipts={[makeReceipt({ status: 'queued', fields: null, source: { imageUrl, pageUrl: null, pageTitle: null } })]} progress={{}} locale="en" onOpen={vi.fn()} onRetry={vi.fn()} />);
    const merchant = document.querySelector('.merchant');
    expect(merchant?.textContent).toBe('march-receipt.jpg');
    expect(merchant?.getAttribute('title')).toBe(imageUrl);
  });

  it('flags a receipt whose key fields are unsure, unless the user corrected them', () => {
    const unsure = { ...parsedReceipt, confidence: { ...parsedReceipt.confidence, total: 0.2 } };
    const { rerender } = render(<ReceiptList receipts={[makeReceipt({ fields: unsure })]} progress={{}} locale="en" onOpen={vi.fn()} onRetry={vi.fn()} />);
    expect(screen.queryByText('Needs review')).not.toBeNull();
    rerender(<ReceiptList receipts={[makeReceipt({ fields: unsure, edited: ['total'] })]} progress={{}} locale="en" onOpen={vi.fn()} onRetry={vi.fn()} />);
    expect(screen.queryByText('Needs review')).toBeNull();
  });

  it('opens a receipt', () => {
    const onOpen = vi.fn();
    render(<ReceiptList receipts={[makeReceipt()]} progress={{}} locale="en" onOpen={onOpen} onRetry={vi.fn()} />);
    fireEvent.click(screen.getByRole('button', { name: /^Open/ }));
    expect(onOpen).toHaveBeenCalledWith('r1');
  });

  it('shows a scan waiting out a backoff with its reason, when it tries again, and a Retry', () => {
    const onRetry = vi.fn();
    const error = { code: 'ocr-server' as const, message: 'The OCR service had an internal problem (HTTP 500). Try again later.', retryable: true };
    const job = { srcUrl: 'x', tabId: null, frameId: 0, attempts: 1, notBefore: new Date(2024, 0, 2, 14, 32).getTime(), batchId: null };
    render(<ReceiptList receipts={[makeReceipt({ status: 'queued', fields: null, error, job })]} progress={{}} locale="en-GB" onOpen={vi.fn()} onRetry={onRetry} />);
    expect(screen.getByRole('alert').textContent).toBe(error.message);
    expect(screen.getByText('Trying again at 14:32')).not.toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Retry' }));
    expect(onRetry).toHaveBeenCalledWith('r1');
  });

  it('points out the receipt a duplicate scan found', () => {
    render(<ReceiptList receipts={[makeReceipt(), makeReceipt({ id: 'r2' })]} progress={{}} locale="en" highlightId="r2" onOpen={vi.fn()} onRetry={vi.fn()} />);
    const rows = screen.getAllByRole('listitem');
    expect(rows.map((row) => row.getAttribute('aria-current'))).toEqual([null, 'true']);
  });

  it('moves through receipts with the arrow keys, opens with Enter and selects with Space', () => {
    const onOpen = vi.fn();
    const onToggleSelected = vi.fn();
    const receipts = [makeReceipt({ id: 'a' }), makeReceipt({ id: 'b' }), makeReceipt({ id: 'c' })];
    render(<ReceiptList receipts={receipts} progress={{}} locale="en" selected={new Set(['b'])} onToggleSelected={onToggleSelected} onOpen={onOpen} onRetry={vi.fn()} />);
    const rows = screen.getAllByRole('listitem');
    expect(rows.map((row) => row.tabIndex)).toEqual([0, -1, -1]);
    rows[0]?.focus();
    fireEvent.keyDown(rows[0]!, { key: 'ArrowDown' });
    expect(document.activeElement).toBe(rows[1]);
    fireEvent.keyDown(rows[1]!, { key: 'End' });
    expect(document.activeElement).toBe(rows[2]);
    fireEvent.keyDown(rows[2]!, { key: 'ArrowUp' });
    fireEvent.keyDown(rows[1]!, { key: 'Enter' });
    expect(onOpen).toHaveBeenCalledWith('b');
    fireEvent.keyDown(rows[1]!, { key: ' ' });
    expect(onToggleSelected).toHaveBeenCalledWith('b');
    expect((within(rows[1]!).getByRole('checkbox') as HTMLInputElement).checked).toBe(true);
    expect(rows[1]?.classList.contains('selected')).toBe(true);
  });
});

describe('ReceiptRow on a failure no retry can mend', () => {
  it('shows the message, and no Retry', () => {
    const receipt = makeReceipt({ id: 'gone', status: 'failed', fields: null, original: null, error: { code: 'not-found', message: 'The image is no longer there (HTTP 404).', retryable: false } });
    render(<ReceiptList receipts={[receipt]} progress={{}} locale="en-GB" onOpen={vi.fn()} onRetry={vi.fn()} />);
    expect(screen.getByRole('alert').textContent).toBe('The image is no longer there (HTTP 404).');
    expect(screen.queryByRole('button', { name: 'Retry' })).toBeNull();
  });
});
