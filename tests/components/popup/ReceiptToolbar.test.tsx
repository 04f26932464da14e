// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { BulkBar } from '../../../components/popup/BulkBar';
import { MonthTotals } from '../../../components/popup/MonthTotals';
import { formatMonth, ReceiptToolbar } from '../../../components/popup/ReceiptToolbar';
import { UndoBar } from '../../../components/popup/UndoBar';
import { NO_FILTER } from '../../../utils/storage/receipt-filter';

afterEach(cleanup);

describe('ReceiptToolbar', () => {
  it('reports the search, month and status the user picks', () => {
    const onChange = vi.fn();
    render(<ReceiptToolbar filter={NO_FILTER} months={['2024-03', '2024-02']} sort="date" locale="en-GB" onChange={onChange} onSort={vi.fn()} />);
    fireEvent.input(screen.getByLabelText('Search'), { target: { value: 'cafe' } });
    expect(onChange).toHaveBeenLastCalledWith({ ...NO_FILTER, query: 'cafe' });
    fireEvent.change(screen.getByLabelText('Month'), { target: { value: '2024-02' } });
    expect(onChange).toHaveBeenLastCalledWith({ ...NO_FILTER, month: '2024-02' });
    fireEvent.change(screen.getByLabelText('Show'), { target: { value: 'review' } });
    expect(onChange).toHaveBeenLastCalledWith({ ...NO_FILTER, show: 'review' });
    expect(screen.getByRole('option', { name: 'March 2024' })).not.toBeNull();
  });

  it('sorts by receipt date at first, and reports amount or scan time when picked', () => {
    const onSort = vi.fn();
    render(<ReceiptToolbar filter={NO_FILTER} months={[]} sort="date" locale="en-GB" onChange={vi.fn()} onSort={onSort} />);
    expect((screen.getByLabelText('Sort') as HTMLSelectElement).value).toBe('date');
    fireEvent.change(screen.getByLabelText('Sort'), { target: { value: 'total' } });
    expect(onSort).toHaveBeenLastCalledWith('total');
    fireEvent.change(screen.getByLabelText('Sort'), { target: { value: 'captured' } });
    expect(onSort).toHaveBeenLastCalledWith('captured');
  });

  it('offers a category filter once receipts have categories', () => {
    const onChange = vi.fn();
    const { rerender } = render(<ReceiptToolbar filter={NO_FILTER} months={[]} sort="date" locale="en-GB" onChange={onChange} onSort={vi.fn()} />);
    expect(screen.queryByLabelText('Category')).toBeNull();
    rerender(<ReceiptToolbar filter={NO_FILTER} months={[]} categories={['Meals', 'Travel']} sort="date" locale="en-GB" onChange={onChange} onSort={vi.fn()} />);
    fireEvent.change(screen.getByLabelText('Category'), { target: { value: 'Travel' } });
    expect(onChange).toHaveBeenLastCalledWith({ ...NO_FILTER, category: 'Travel' });
  });

  it("names months in the user's language", () => {
    expect(formatMonth('2024-03', 'de-DE')).toBe('März 2024');
  });
});

describe('MonthTotals', () => {
  it('shows one sum per currency for the newest months', () => {
    const months = [
      { month: '2024-03', totals: [{ currency: 'EUR', amount: '12.70', count: 2 }, { currency: 'GBP', amount: '7.90', count: 1 }] },
      { month: '2024-02', totals: [{ currency: '', amount: '3.00', count: 1 }] },
    ];
    render(<MonthTotals months={months} locale="en-GB" />);
    const rows = screen.getAllByRole('row').map((row) => row.textContent);
    expect(rows).toEqual(['March 2024EUR 12.70 · GBP 7.90', 'February 20243.00']);
  });
});

describe('BulkBar and UndoBar', () => {
  it.each([
    ['Download originals', 'onDownload'],
    ['Export CSV', 'onExport'],
    ['Delete selected', 'onDelete'],
    ['Clear', 'onClear'],
  ] as const)('"%s" calls %s', (name, handler) => {
    const handlers = { onDelete: vi.fn(), onDownload: vi.fn(async () => 'Saved.'), onExport: vi.fn(async () => 'Exported.'), onClear: vi.fn() };
    render(<BulkBar count={3} {...handlers} />);
    expect(screen.getByRole('toolbar').textContent).toContain('3 selected');
    fireEvent.click(screen.getByRole('button', { name }));
    expect(handlers[handler]).toHaveBeenCalledOnce();
  });

  it('offers to undo a delete', () => {
    const onUndo = vi.fn();
    render(<UndoBar message="2 receipts deleted." onUndo={onUndo} />);
    expect(screen.getByRole('status').textContent).toContain('2 receipts deleted.');
    fireEvent.click(screen.getByRole('button', { name: 'Undo' }));
    expect(onUndo).toHaveBeenCalledOnce();
  });
});
