import { describe, expect, it } from 'vitest';
import { createFirstRun, WELCOME_SEEN_KEY } from '../utils/first-run';

function memoryArea() {
  const items: Record<string, unknown> = {};
  return { items, get: async (key: string) => (key in items ? { [key]: items[key] } : {}), set: async (change: Record<string, unknown>) => void Object.assign(items, change) };
}

describe('first run', () => {
  it('has not seen the welcome page until it is marked, and keeps the first time it was seen', async () => {
    const area = memoryArea();
    const firstRun = createFirstRun(area);
    expect(await firstRun.hasSeenWelcome()).toBe(false);
    await firstRun.markWelcomeSeen(1_000);
    await firstRun.markWelcomeSeen(2_000);
    expect(await firstRun.hasSeenWelcome()).toBe(true);
    expect(area.items[WELCOME_SEEN_KEY]).toBe(1_000);
  });
});
