export const SCAN_MENU_ID = 'scan-receipt';
export const SCAN_PAGE_MENU_ID = 'scan-page-images';
/** Also the keyboard command's name. */
export const SCAN_AREA_MENU_ID = 'scan-area';
export const SCAN_PDF_LINK_MENU_ID = 'scan-pdf-link';

type MenuContext = 'image' | 'page' | 'frame' | 'selection' | 'link';

export interface MenusApi {
  removeAll(): Promise<void>;
  create(properties: { id: string; title: string; contexts: [MenuContext, ...MenuContext[]] }): unknown;
}

/** Removing first makes registration safe to repeat on install, update and browser start. */
export async function registerScanMenus(menus: MenusApi): Promise<void> {
  await menus.removeAll();
  menus.create({ id: SCAN_MENU_ID, title: 'Scan receipt', contexts: ['image'] });
  menus.create({ id: SCAN_PAGE_MENU_ID, title: 'Scan all images on this page', contexts: ['page', 'image'] });
  menus.create({ id: SCAN_PDF_LINK_MENU_ID, title: 'Scan linked receipt (PDF or image)', contexts: ['link'] });
  menus.create({ id: SCAN_AREA_MENU_ID, title: 'Select an area to scan', contexts: ['page', 'frame', 'image', 'selection'] });
}
