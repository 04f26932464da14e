import type { SettingsStorage } from './settings';

export const WELCOME_SEEN_KEY = 'welcomeSeenAt';

/** Whether the user has seen the welcome page, which says where receipts go, before any is sent anywhere. */
export function createFirstRun(area: SettingsStorage) {
  return {
    async hasSeenWelcome(): Promise<boolean> {
      return typeof (await area.get(WELCOME_SEEN_KEY))[WELCOME_SEEN_KEY] === 'number';
    },
    async markWelcomeSeen(at: number): Promise<void> {
      if (!(await this.hasSeenWelcome())) await area.set({ [WELCOME_SEEN_KEY]: at });
    },
  };
}

export type FirstRun = ReturnType<typeof createFirstRun>;
