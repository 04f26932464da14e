// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { BatchProgress, ConfirmPageScan } from '../../../components/popup/BatchProgress';

afterEach(cleanup);

describe('BatchProgress', () => {
  it('shows done, failed and remaining while the batch runs', () => {
    render(<BatchProgress summary={{ done: 3, failed: 1, remaining: 8 }} onDismiss={vi.fn()} />);
    const bar = screen.getByRole('progressbar');
    expect(bar.getAttribute('aria-valuenow')).toBe('4');
    expect(bar.getAttribute('aria-valuemax')).toBe('12');
    expect(screen.getByRole('status').textContent).toBe('3 scanned, 1 failed, 8 to go');
    expect(screen.queryByRole('button', { name: 'Dismiss' })).toBeNull();
  });

  it('sums the batch up when it ends', () => {
    const onDismiss = vi.fn();
    render(<BatchProgress summary={{ done: 10, failed: 2, remaining: 0 }} onDismiss={onDismiss} />);
    expect(screen.getByRole('status').textContent).toContain('Batch finished: 10 scanned, 2 failed.');
    fireEvent.click(screen.getByRole('button', { name: 'Dismiss' }));
    expect(onDismiss).toHaveBeenCalledOnce();
  });
});

describe('ConfirmPageScan', () => {
  it('asks before scanning the images found', () => {
    const onConfirm = vi.fn();
    render(<ConfirmPageScan count={5} onConfirm={onConfirm} onCancel={vi.fn()} />);
    expect(screen.getByRole('group').textContent).toContain('Found 5 images that may be receipts.');
    fireEvent.click(screen.getByRole('button', { name: 'Scan 5 images' }));
    expect(onConfirm).toHaveBeenCalledOnce();
  });

  it('only says so when nothing was found', () => {
    const onCancel = vi.fn();
    render(<ConfirmPageScan count={0} onConfirm={vi.fn()} onCancel={onCancel} />);
    expect(screen.getByRole('status').textContent).toContain('No images on this page are large enough to be receipts.');
    fireEvent.click(screen.getByRole('button', { name: 'OK' }));
    expect(onCancel).toHaveBeenCalledOnce();
  });
});
