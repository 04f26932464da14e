// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, within } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ReceiptDetail } from '../../../components/popup/ReceiptDetail';
import { ReceiptList } from '../../../components/popup/ReceiptList';
import type { ScanStatus } from '../../../utils/receipt';
import { scanErrors } from '../../../utils/scan-error';
import { makeReceipt } from '../receipt-fixtures';

afterEach(cleanup);

const inFlight = (status: ScanStatus) => makeReceipt({ id: `r-${status}`, status, fields: null, source: { imageUrl: `https://shop.example/${status}.jpg`, pageUrl: null, pageTitle: null } });

describe('the Cancel button of a scan in flight', () => {
  it.each<ScanStatus>(['queued', 'downloading', 'uploading', 'reading'])('is on a %s row and cancels that scan', (status) => {
    const onCancel = vi.fn();
    const onRetry = vi.fn();
    render(<ReceiptList receipts={[inFlight(status), makeReceipt()]} progress={{}} locale="en-GB" onOpen={vi.fn()} onRetry={onRetry} onCancel={onCancel} />);
    const buttons = screen.getAllByRole('button', { name: /^Cancel scan/ });
    expect(buttons.map((button) => button.getAttribute('aria-label'))).toEqual([`Cancel scan of ${status}.jpg`]);
    expect(buttons[0]?.textContent).toBe('Cancel');
    fireEvent.click(buttons[0] as HTMLElement);
    expect(onCancel).toHaveBeenCalledWith(`r-${status}`);
    expect(onRetry).not.toHaveBeenCalled();
  });

  it('is not on a finished or failed row; a cancelled scan offers Retry with its message', () => {
    const cancelled = makeReceipt({ id: 'c', status: 'failed', fields: null, error: scanErrors.cancelled() });
    render(<ReceiptList receipts={[makeReceipt(), cancelled]} progress={{}} locale="en-GB" onOpen={vi.fn()} onRetry={vi.fn()} onCancel={vi.fn()} />);
    expect(screen.queryAllByRole('button', { name: /^Cancel scan/ })).toEqual([]);
    const row = screen.getAllByRole('listitem')[1] as HTMLElement;
    expect(within(row).getByRole('alert').textContent).toBe('You cancelled this scan. Press Retry to scan it again.');
    expect(within(row).getByRole('button', { name: 'Retry' })).toBeTruthy();
  });

  it('is in the detail of a scan in flight, and not in a finished one', () => {
    const onCancel = vi.fn();
    const handlers = { onBack: vi.fn(), onSave: vi.fn(), onDownload: vi.fn(async () => 'Saved as receipt.jpg'), reviewUrl: (id: string) => `chrome-extension://x/review.html?id=${id}`, onDelete: vi.fn(), onRetry: vi.fn(), onCancel };
    const loadOriginal = async () => undefined;
    const { rerender } = render(<ReceiptDetail receipt={inFlight('uploading')} locale="en-GB" loadOriginal={loadOriginal} {...handlers} />);
    fireEvent.click(screen.getByRole('button', { name: 'Cancel scan' }));
    expect(onCancel).toHaveBeenCalledTimes(1);
    rerender(<ReceiptDetail receipt={makeReceipt()} locale="en-GB" loadOriginal={loadOriginal} {...handlers} />);
    expect(screen.queryByRole('button', { name: 'Cancel scan' })).toBeNull();
  });
});
