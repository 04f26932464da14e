// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { FREE_KEY_URL, WelcomePage } from '../../../components/welcome/WelcomePage';

afterEach(cleanup);

const setup = (change: Partial<Parameters<typeof WelcomePage>[0]> = {}) => {
  const props = {
    apiKey: 'helloworld',
    reader: 'ocr-space' as const,
    onChooseReader: vi.fn(async () => undefined),
    sampleUrl: 'chrome-extension://id/sample-receipt.png',
    onSaveKey: vi.fn(async () => null),
    onScanSample: vi.fn(async () => 'The sample is being scanned.'),
    optionsUrl: 'chrome-extension://id/options.html',
    ...change,
  };
  render(<WelcomePage {...props} />);
  return props;
};

describe('WelcomePage', () => {
  it('says what the extension does, that images go to OCR.space, and the demo key limits, with a link to a free key', () => {
    setup();
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('Welcome to Receipt Scanner');
    expect(screen.getAllByRole('heading', { level: 1 })).toHaveLength(1);
    expect(screen.getByText(/sends its image to/).textContent).toContain('OCR.space');
    expect(screen.getByText(/about 10 scans per 10 minutes/)).not.toBeNull();
    expect(screen.getByRole('link', { name: 'free personal key' }).getAttribute('href')).toBe(FREE_KEY_URL);
    expect((screen.getByLabelText('API key') as HTMLInputElement).value).toBe('helloworld');
    expect(screen.getByRole('img').getAttribute('src')).toBe('chrome-extension://id/sample-receipt.png');
  });

  it('offers reading on this device instead of OCR.space, and saves the choice', async () => {
    const props = setup();
    expect((screen.getByRole('radio', { name: /OCR\.space/ }) as HTMLInputElement).checked).toBe(true);
    fireEvent.click(screen.getByRole('radio', { name: /On this device/ }));
    await waitFor(() => expect(screen.getByText('Saved: receipts are read on this device and never leave it.')).not.toBeNull());
    expect(props.onChooseReader).toHaveBeenCalledWith('on-device');
  });

  it('saves the key as typed, trimmed, and confirms it', async () => {
    const props = setup();
    fireEvent.input(screen.getByLabelText('API key'), { target: { value: ' K12345678 ' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save key' }));
    await waitFor(() => expect(screen.getByText('Saved: scans use your key.')).not.toBeNull());
    expect(props.onSaveKey).toHaveBeenCalledWith('K12345678');
  });

  it('shows what is wrong with a key, beside the field', async () => {
    setup({ onSaveKey: vi.fn(async () => 'Enter an API key, or the demo key helloworld.') });
    fireEvent.input(screen.getByLabelText('API key'), { target: { value: '' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save key' }));
    await waitFor(() => expect(screen.getByRole('alert').textContent).toBe('Enter an API key, or the demo key helloworld.'));
    expect(screen.getByLabelText('API key').getAttribute('aria-invalid')).toBe('true');
  });

  it('scans the sample and says what happens next', async () => {
    const props = setup();
    fireEvent.click(screen.getByRole('button', { name: 'Scan the sample receipt' }));
    await waitFor(() => expect(screen.getByText('The sample is being scanned.')).not.toBeNull());
    expect(props.onScanSample).toHaveBeenCalledTimes(1);
  });

  it('links to the options', () => {
    setup();
    expect(screen.getByRole('link', { name: 'options' }).getAttribute('href')).toBe('chrome-extension://id/options.html');
  });
});
