// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { OptionsForm } from '../../../components/options/OptionsForm';
import { DEFAULT_SETTINGS, validateSettings, type Settings } from '../../../utils/settings';

afterEach(cleanup);

const field = (label: string) => screen.getByLabelText(label) as HTMLInputElement | HTMLSelectElement;

describe('OptionsForm', () => {
  it('starts from the defaults: the demo key and OCR.space', () => {
    render(<OptionsForm initial={DEFAULT_SETTINGS} onSave={vi.fn()} />);
    expect(field('API key').value).toBe('helloworld');
    expect(field('OCR endpoint').value).toBe('https://api.ocr.space/parse/image');
    expect(field('Upload size limit (KB)').value).toBe('1024');
    expect(field('Download limit (MB)').value).toBe('20');
    expect(field('OCR engine').value).toBe('2');
    expect(screen.getByText(/about 10 scans per 10 minutes/)).not.toBeNull();
  });

  it('saves what the user typed, in bytes', async () => {
    const onSave = vi.fn(async (settings: Settings) => validateSettings(settings));
    render(<OptionsForm initial={DEFAULT_SETTINGS} onSave={onSave} />);
    fireEvent.input(field('API key'), { target: { value: ' K8821 ' } });
    fireEvent.input(field('OCR endpoint'), { target: { value: 'http://localhost:8080/parse/image' } });
    fireEvent.change(field('OCR engine'), { target: { value: '1' } });
    fireEvent.change(field('Language'), { target: { value: 'ger' } });
    fireEvent.input(field('Upload size limit (KB)'), { target: { value: '500' } });
    fireEvent.input(field('Default currency'), { target: { value: 'eur' } });
    fireEvent.input(field('Scans at once'), { target: { value: '3' } });
    fireEvent.click(screen.getByLabelText('Notify me when a scan finishes or fails'));
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(screen.getByRole('status').textContent).toBe('Settings saved.'));
    expect(onSave).toHaveBeenCalledWith({
      ...DEFAULT_SETTINGS,
      apiKey: 'K8821',
      endpoint: 'http://localhost:8080/parse/image',
      engine: 1,
      language: 'ger',
      uploadLimitBytes: 500 * 1024,
      defaultCurrency: 'EUR',
      concurrency: 3,
      notifications: false,
    });
  });

  it('shows why an endpoint is refused', async () => {
    render(<OptionsForm initial={DEFAULT_SETTINGS} onSave={async (settings) => validateSettings(settings)} />);
    fireEvent.input(field('OCR endpoint'), { target: { value: 'http://ocr.example.com/parse' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(screen.getByRole('alert').textContent).toBe('The OCR endpoint must use https:// (http:// is allowed only for localhost).'));
    expect(screen.queryByRole('status')).toBeNull();
  });
});

describe('OptionsForm categories', () => {
  it('edits the categories one a line, dropping blank lines', async () => {
    const onSave = vi.fn(async (settings: Settings) => validateSettings(settings));
    render(<OptionsForm initial={DEFAULT_SETTINGS} onSave={onSave} />);
    expect((screen.getByLabelText('Expense categories') as HTMLTextAreaElement).value.split('\n')).toEqual(DEFAULT_SETTINGS.categories);
    fireEvent.input(screen.getByLabelText('Expense categories'), { target: { value: 'Rent\n\n  Client meals \nTravel' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(screen.getByRole('status').textContent).toBe('Settings saved.'));
    expect(onSave).toHaveBeenCalledWith({ ...DEFAULT_SETTINGS, categories: ['Rent', 'Client meals', 'Travel'] });
  });
});
