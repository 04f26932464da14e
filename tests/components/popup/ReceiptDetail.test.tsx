// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ReceiptDetail } from '../../../components/popup/ReceiptDetail';
import { makeReceipt, parsedReceipt } from '../receipt-fixtures';

afterEach(cleanup);

function renderDetail(receipt = makeReceipt()) {
  const handlers = { onBack: vi.fn(), onSave: vi.fn(), onDownload: vi.fn(async () => 'Saved as receipt.jpg'), reviewUrl: (id: string) => `chrome-extension://x/review.html?id=${id}`, onDelete: vi.fn(), onRetry: vi.fn() };
  render(<ReceiptDetail receipt={receipt} locale="en-GB" loadOriginal={async () => new Blob([new Uint8Array([0xff, 0xd8, 0xff])], { type: 'image/jpeg' })} {...handlers} />);
  return handlers;
}

const input = (label: string) => screen.getByLabelText(label) as HTMLInputElement;

describe('ReceiptDetail', () => {
  it('shows every field in a labelled input and the OCR text', () => {
    renderDetail();
    expect(input('Merchant').value).toBe('Book Ta .K (Taman Daya) Sdn Bhd');
    expect(input('Date').value).toBe('2018-12-25');
    expect(input('Time').value).toBe('20:13');
    expect(input('Total').value).toBe('9.00');
    expect(input('Currency').value).toBe('MYR');
    expect(input('Subtotal').value).toBe('9.00');
    expect(input('Tax').value).toBe('');
    expect(screen.getByLabelText('OCR text').textContent).toBe('BOOK TA .K\r\nTOTAL:\t9.00');
    expect(screen.getByRole('table').textContent).toContain('KF Modelling Clay Kiddy Fish');
  });

  it('saves only the fields that changed, in their stored form', () => {
    const { onSave } = renderDetail();
    fireEvent.input(input('Total'), { target: { value: '1.234,50' } });
    fireEvent.input(input('Currency'), { target: { value: 'eur' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save changes' }));
    expect(onSave).toHaveBeenCalledWith({ total: '1234.50', currency: 'EUR' });
    expect(screen.getAllByRole('status').map((status) => status.textContent)).toContain('Changes saved.');
  });

  it('refuses an impossible date and saves nothing', () => {
    const { onSave } = renderDetail();
    fireEvent.input(input('Date'), { target: { value: '2018-02-30' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save changes' }));
    expect(onSave).not.toHaveBeenCalled();
    expect(screen.getByText('Enter a real date as YYYY-MM-DD.')).not.toBeNull();
    expect(input('Date').getAttribute('aria-invalid')).toBe('true');
    // Typed by the user, the field is marked edited: the hint is named beside the error.
    expect(input('Date').getAttribute('aria-describedby')).toBe('field-date-error field-date-hint');
  });

  it('marks unsure fields for review and edited ones as edited', () => {
    renderDetail(makeReceipt({ fields: { ...parsedReceipt, confidence: { ...parsedReceipt.confidence, date: 0.3 } }, edited: ['merchant'] }));
    expect(input('Date').closest('.low-confidence')).not.toBeNull();
    expect(input('Date').getAttribute('aria-describedby')).toBe('field-date-hint');
    expect(document.getElementById('field-date-hint')?.textContent).toBe('check this');
    expect(document.getElementById('field-merchant-hint')?.textContent).toBe('edited');
    expect(input('Merchant').closest('.low-confidence')).toBeNull();
  });

  it.each([
    [0.3, true],
    [0.7, true],
    [0.79, true],
    [0.8, false],
    [0.95, false],
  ])('asks to check a date of confidence %s: %s (exactly the unsure ones, below 0.8)', (confidence, flagged) => {
    renderDetail(makeReceipt({ fields: { ...parsedReceipt, confidence: { ...parsedReceipt.confidence, date: confidence } } }));
    expect(input('Date').closest('.low-confidence') !== null).toBe(flagged);
    expect(document.getElementById('field-date-hint')?.textContent ?? null).toBe(flagged ? 'check this' : null);
  });

  it.each([
    ['Download original', 'onDownload'],
    ['Delete', 'onDelete'],
    ['Back', 'onBack'],
  ] as const)('"%s" calls %s', (name, handler) => {
    const handlers = renderDetail();
    fireEvent.click(screen.getByRole('button', { name }));
    expect(handlers[handler]).toHaveBeenCalledOnce();
  });

  it('offers Retry with the message of a failed scan, and no download without an original', () => {
    const error = { code: 'not-an-image' as const, message: 'This is not an image: it looks like an HTML page.', retryable: false };
    const handlers = renderDetail(makeReceipt({ status: 'failed', error, original: null, fields: null }));
    expect(screen.getByRole('alert').textContent).toBe(error.message);
    expect((screen.getByRole('button', { name: 'Download original' }) as HTMLButtonElement).disabled).toBe(true);
    fireEvent.click(screen.getByRole('button', { name: 'Retry' }));
    expect(handlers.onRetry).toHaveBeenCalledOnce();
  });

  it('renders OCR text with markup as text', () => {
    renderDetail(makeReceipt({ ocr: { text: '<img src=x onerror=alert(1)><script>alert(2)</script>', lines: [] } }));
    expect(document.querySelector('pre img, pre script')).toBeNull();
    expect(screen.getByLabelText('OCR text').textContent).toBe('<img src=x onerror=alert(1)><script>alert(2)</script>');
  });

  it('marks on the original where the total and the date were read', async () => {
    URL.createObjectURL = vi.fn(() => 'blob:original');
    URL.revokeObjectURL = vi.fn();
    const boxes = { total: { left: 100, top: 800, width: 50, height: 20 }, date: { left: 10, top: 200, width: 80, height: 20 } };
    renderDetail(makeReceipt({ fields: { ...parsedReceipt, boxes }, ocr: { text: '', lines: [], imageWidth: 400, imageHeight: 1000 } }));
    const image = (await screen.findByAltText('Original receipt')) as HTMLImageElement;
    expect(image.getAttribute('src')).toBe('blob:original');
    const total = document.querySelector<HTMLElement>('[data-field="total"]');
    expect([total?.style.left, total?.style.top, total?.style.width, total?.style.height]).toEqual(['25%', '80%', '12.5%', '2%']);
    expect(document.querySelector('[data-field="date"]')).not.toBeNull();
  });

  it('goes back with Escape', () => {
    const { onBack } = renderDetail();
    fireEvent.keyDown(document, { key: 'Escape' });
    expect(onBack).toHaveBeenCalledOnce();
  });

  it('shows a long image address shortened in the middle, with the whole address in its title', () => {
    const imageUrl = `https://bucket.storage.example/receipts/2024/march-receipt.jpg?X-Amz-Signature=${'f'.repeat(1100)}`;
    renderDetail(makeReceipt({ source: { imageUrl, pageUrl: 'https://shop.example/', pageTitle: 'My orders' } }));
    const shown = document.querySelector('.image-address');
    expect(shown?.textContent).toBe(`${imageUrl.slice(0, 53)}…${imageUrl.slice(-26)}`);
    expect(shown?.getAttribute('title')).toBe(imageUrl);
  });

  it('shows a page without a title by its address, shortened, with the whole address in its title', () => {
    const pageUrl = `https://mail.example/inbox/message?id=${'9'.repeat(400)}`;
    renderDetail(makeReceipt({ source: { imageUrl: 'https://shop.example/r.jpg', pageUrl, pageTitle: null } }));
    const page = [...document.querySelectorAll('.source')].find((element) => element.getAttribute('title') === pageUrl);
    expect(page?.textContent).toHaveLength(80);
    expect(page?.textContent?.startsWith('https://mail.example/inbox/message?id=999')).toBe(true);
  });
});

describe('ReceiptDetail, leaving with unsaved changes', () => {
  it('leaves at once when nothing changed', () => {
    const { onBack } = renderDetail();
    fireEvent.keyDown(document, { key: 'Escape' });
    expect(onBack).toHaveBeenCalledTimes(1);
  });

  it('asks first on Esc; Esc again keeps editing, "Leave without saving" leaves', () => {
    const { onBack, onSave } = renderDetail();
    fireEvent.input(input('Total'), { target: { value: '12.00' } });
    fireEvent.keyDown(document, { key: 'Escape' });
    expect(onBack).not.toHaveBeenCalled();
    expect(screen.getByRole('alertdialog').textContent).toContain('Save the changes before you leave?');
    fireEvent.keyDown(document, { key: 'Escape' });
    expect(screen.queryByRole('alertdialog')).toBeNull();
    expect(input('Total').value).toBe('12.00');
    fireEvent.click(screen.getByRole('button', { name: 'Back' }));
    fireEvent.click(screen.getByRole('button', { name: 'Leave without saving' }));
    expect(onBack).toHaveBeenCalledTimes(1);
    expect(onSave).not.toHaveBeenCalled();
  });

  it('"Save and leave" saves what was typed, then leaves', () => {
    const { onBack, onSave } = renderDetail();
    fireEvent.input(input('Total'), { target: { value: '12,00' } });
    fireEvent.keyDown(document, { key: 'Escape' });
    fireEvent.click(screen.getByRole('button', { name: 'Save and leave' }));
    expect(onSave).toHaveBeenCalledWith({ total: '12.00' });
    expect(onBack).toHaveBeenCalledTimes(1);
  });

  it('marks a field the user typed as edited, never "check this"', () => {
    renderDetail(makeReceipt({ fields: { ...parsedReceipt, confidence: { ...parsedReceipt.confidence, total: 0.2 } } }));
    const totalHint = () => document.getElementById('field-total-hint')?.textContent;
    expect(totalHint()).toBe('check this');
    fireEvent.input(input('Total'), { target: { value: '9.50' } });
    expect(totalHint()).toBe('edited');
  });

  it('says where the original was saved beside the button, and keeps the OCR text reachable by keyboard', async () => {
    const { onDownload } = renderDetail();
    fireEvent.click(screen.getByRole('button', { name: 'Download original' }));
    expect(await screen.findByText('Saved as receipt.jpg')).not.toBeNull();
    expect(onDownload).toHaveBeenCalledTimes(1);
    expect(screen.getByLabelText('OCR text').getAttribute('tabindex')).toBe('0');
    expect(screen.getAllByRole('heading', { level: 1 })).toHaveLength(1);
    expect(document.activeElement).toBe(screen.getByRole('heading', { level: 1 }));
  });
});
