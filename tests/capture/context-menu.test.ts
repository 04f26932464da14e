import { describe, expect, it } from 'vitest';
import { registerScanMenus, SCAN_AREA_MENU_ID, SCAN_PDF_LINK_MENU_ID, SCAN_MENU_ID, SCAN_PAGE_MENU_ID } from '../../utils/capture/context-menu';

describe('registerScanMenus', () => {
  it('can run on every start without a duplicate-id error', async () => {
    const menus = new Map<string, unknown>();
    const api = {
      removeAll: async () => menus.clear(),
      create: (properties: { id: string }) => {
        if (menus.has(properties.id)) throw new Error(`Cannot create item with duplicate id ${properties.id}`);
        menus.set(properties.id, properties);
      },
    };
    await registerScanMenus(api);
    await registerScanMenus(api);
    expect([...menus.values()]).toEqual([
      { id: SCAN_MENU_ID, title: 'Scan receipt', contexts: ['image'] },
      { id: SCAN_PAGE_MENU_ID, title: 'Scan all images on this page', contexts: ['page', 'image'] },
      { id: SCAN_PDF_LINK_MENU_ID, title: 'Scan linked receipt (PDF or image)', contexts: ['link'] },
      { id: SCAN_AREA_MENU_ID, title: 'Select an area to scan', contexts: ['page', 'frame', 'image', 'selection'] },
    ]);
  });
});
