import type { BrowserContext, Page, Worker } from 'playwright-core';

export type StopOutcome = { stopped: true; how: string } | { stopped: false; tried: string[] };

const closedWithin = (worker: Worker, ms: number): Promise<boolean> =>
  new Promise((resolve) => {
    const timer = setTimeout(() => resolve(false), ms);
    worker.once('close', () => {
      clearTimeout(timer);
      resolve(true);
    });
  });

/**
 * Stops the extension's service worker as Chrome does when it is idle, by the two DevTools routes there are:
 * ServiceWorker.stopAllWorkers from an extension page, then closing the worker's target. Says which worked, if any.
 */
export async function stopServiceWorker(context: BrowserContext, extensionPage: Page, worker: Worker, waitMs = 4_000): Promise<StopOutcome> {
  const tried: string[] = [];
  const closed = closedWithin(worker, waitMs * 2);
  const session = await context.newCDPSession(extensionPage);
  try {
    await session.send('ServiceWorker.enable');
    await session.send('ServiceWorker.stopAllWorkers');
    if (await Promise.race([closed, new Promise<boolean>((resolve) => setTimeout(() => resolve(false), waitMs))])) return { stopped: true, how: 'ServiceWorker.stopAllWorkers' };
    tried.push('ServiceWorker.stopAllWorkers left the worker "stopping"');
    await session.send('Target.setDiscoverTargets', { discover: true });
    const { targetInfos } = await session.send('Target.getTargets');
    const target = targetInfos.find((info) => info.type === 'service_worker' && info.url === worker.url());
    if (target) {
      await session.send('Target.closeTarget', { targetId: target.targetId });
      if (await closed) return { stopped: true, how: 'Target.closeTarget' };
      tried.push('Target.closeTarget answered success, the worker stayed');
    } else tried.push('no service_worker target to close');
    return { stopped: false, tried };
  } finally {
    await session.detach().catch(() => undefined);
  }
}
