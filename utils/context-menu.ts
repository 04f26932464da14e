export const SCAN_MENU_ID = 'scan-receipt';

export interface MenusApi {
  removeAll(): Promise<void>;
  create(properties: { id: string; title: string; contexts: ['image'] }): unknown;
}

/** Removing first makes registration safe to repeat on install, update and browser start. */
export async function registerScanMenu(menus: MenusApi): Promise<void> {
  await menus.removeAll();
  menus.create({ id: SCAN_MENU_ID, title: 'Scan receipt', contexts: ['image'] });
}
