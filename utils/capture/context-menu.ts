export const SCAN_MENU_ID = 'scan-receipt';
export const SCAN_PAGE_MENU_ID = 'scan-page-images';

type MenuContext = 'image' | 'page';

export interface MenusApi {
  removeAll(): Promise<void>;
  create(properties: { id: string; title: string; contexts: [MenuContext, ...MenuContext[]] }): unknown;
}

/** Removing first makes registration safe to repeat on install, update and browser start. */
export async function registerScanMenus(menus: MenusApi): Promise<void> {
  await menus.removeAll();
  menus.create({ id: SCAN_MENU_ID, title: 'Scan receipt', contexts: ['image'] });
  menus.create({ id: SCAN_PAGE_MENU_ID, title: 'Scan all images on this page', contexts: ['page', 'image'] });
}
