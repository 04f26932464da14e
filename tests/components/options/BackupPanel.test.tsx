// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { BackupPanel } from '../../../components/options/BackupPanel';

afterEach(cleanup);

describe('BackupPanel', () => {
  it('exports and says where the backup went', async () => {
    render(<BackupPanel onExport={async () => 'Backup saved as receipt-scanner-backup 2024-03-01.zip.'} onImport={vi.fn()} />);
    fireEvent.click(screen.getByRole('button', { name: 'Export backup' }));
    await waitFor(() => expect(screen.getByText('Backup saved as receipt-scanner-backup 2024-03-01.zip.')).not.toBeNull());
  });

  it('imports the chosen file and shows a refusal as an alert', async () => {
    const onImport = vi.fn(async () => ({ ok: false, message: 'This file is not a Receipt Scanner backup. Nothing was imported.' }));
    render(<BackupPanel onExport={vi.fn()} onImport={onImport} />);
    const input = screen.getByLabelText('Import backup') as HTMLInputElement;
    const file = new File(['PK'], 'other.zip', { type: 'application/zip' });
    Object.defineProperty(input, 'files', { value: [file] });
    fireEvent.change(input);
    await waitFor(() => expect(screen.getByRole('alert').textContent).toBe('This file is not a Receipt Scanner backup. Nothing was imported.'));
    expect(onImport).toHaveBeenCalledWith(file);
  });
});
