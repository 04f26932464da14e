import { describe, expect, it } from 'vitest';
import { createRunningScans } from '../../utils/scan/running-scans';

describe('running scans', () => {
  it.each([
    ['cancelled', 'cancelled'],
    ['deleted', 'deleted'],
  ] as const)('a scan stopped as %s aborts its signal, frees its slot at once and keeps its id until released', (reason, expected) => {
    const running = createRunningScans();
    const first = running.start('a');
    running.start('b');
    expect(running.slotsTaken()).toBe(2);
    expect(first.stopReason()).toBeNull();
    expect(running.stop('a', reason)).toBe(true);
    expect(first.signal.aborted).toBe(true);
    expect(first.stopReason()).toBe(expected);
    expect(running.slotsTaken()).toBe(1);
    expect(running.has('a')).toBe(true);
    expect(running.ids()).toEqual(['a', 'b']);
    first.release();
    expect(running.has('a')).toBe(false);
    expect(running.count()).toBe(1);
  });

  it('says a scan that is not running cannot be stopped', () => {
    expect(createRunningScans().stop('nobody', 'cancelled')).toBe(false);
  });

  it('lets an old run release only itself, never a newer run of the same receipt', () => {
    const running = createRunningScans();
    const old = running.start('a');
    running.stop('a', 'deleted');
    old.release();
    const fresh = running.start('a');
    old.release();
    expect(running.has('a')).toBe(true);
    expect(fresh.signal.aborted).toBe(false);
    expect(running.slotsTaken()).toBe(1);
  });
});
