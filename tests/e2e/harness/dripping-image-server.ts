import { once } from 'node:events';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

/** One download the server began: when it started, how many bytes it dripped, and whether the client hung up. */
export interface Drip {
  path: string;
  startedAt: number;
  bytesSent: number;
  closedAt: number | null;
}

export interface DrippingImageServer {
  /** An image that starts like a JPEG, then drips one byte every `everyMs` and never ends. */
  imageUrl(name: string): string;
  drips: Drip[];
  /** Downloads still open. */
  open(): Drip[];
  close(): Promise<void>;
}

/** A hostile image server: never stalls long enough for a stall timer, never finishes. */
export async function startDrippingImageServer(everyMs: number): Promise<DrippingImageServer> {
  const drips: Drip[] = [];
  const timers = new Set<NodeJS.Timeout>();
  const server = createServer((request, response) => {
    const drip: Drip = { path: new URL(request.url ?? '/', 'http://localhost').pathname, startedAt: Date.now(), bytesSent: 0, closedAt: null };
    drips.push(drip);
    response.writeHead(200, { 'content-type': 'image/jpeg', 'cache-control': 'no-store' });
    response.write(Buffer.from([0xff, 0xd8, 0xff, 0xe0]));
    drip.bytesSent = 4;
    const timer = setInterval(() => {
      response.write(Buffer.from([0x00]));
      drip.bytesSent += 1;
    }, everyMs);
    timers.add(timer);
    response.on('close', () => {
      clearInterval(timer);
      timers.delete(timer);
      drip.closedAt = Date.now();
    });
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    imageUrl: (name) => `${origin}/${name}.jpg`,
    drips,
    open: () => drips.filter((drip) => drip.closedAt === null),
    close: async () => {
      for (const timer of timers) clearInterval(timer);
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}
