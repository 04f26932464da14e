// @vitest-environment happy-dom
import { act, cleanup, renderHook } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { useUndoDelete } from '../../../components/popup/use-undo-delete';
import type { ReceiptSnapshot } from '../../../utils/storage/receipt-library';
import { makeReceipt } from '../../receipt-fixtures';

afterEach(() => {
  cleanup();
  vi.useRealTimers();
});

const snapshotOf = (id: string): ReceiptSnapshot => ({ receipt: makeReceipt({ id }), original: null, ocrPage: null });

function setUp() {
  const actions = { takeOut: vi.fn(async (ids: string[]) => ids.map(snapshotOf)), putBack: vi.fn(async () => undefined) };
  const onRemoved = vi.fn();
  const onRestored = vi.fn(async () => undefined);
  const hook = renderHook(() => useUndoDelete(actions, onRemoved, onRestored));
  return { actions, onRemoved, onRestored, hook };
}

describe('useUndoDelete', () => {
  it('takes the receipts out, then puts back exactly what it took', async () => {
    const { actions, onRemoved, onRestored, hook } = setUp();
    await act(() => hook.result.current.remove(['a', 'b']));
    expect(onRemoved).toHaveBeenCalledWith(['a', 'b']);
    expect(hook.result.current.message).toBe('2 receipts deleted.');
    await act(() => hook.result.current.restore());
    expect(actions.putBack).toHaveBeenCalledWith([snapshotOf('a'), snapshotOf('b')]);
    expect(onRestored).toHaveBeenCalledTimes(1);
    expect(hook.result.current.message).toBeNull();
  });

  it('offers Undo for ten seconds only', async () => {
    vi.useFakeTimers();
    const { actions, hook } = setUp();
    await act(() => hook.result.current.remove(['a']));
    expect(hook.result.current.message).toBe('Receipt deleted.');
    act(() => {
      vi.advanceTimersByTime(10_000);
    });
    expect(hook.result.current.message).toBeNull();
    await act(() => hook.result.current.restore());
    expect(actions.putBack).not.toHaveBeenCalled();
  });
});
