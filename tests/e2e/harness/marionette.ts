import { connect, type Socket } from 'node:net';

/** An error Firefox answered with: its WebDriver error name and message. */
export class MarionetteError extends Error {
  constructor(readonly command: string, readonly error: string, message: string) {
    super(`${command}: ${error}: ${message}`);
    this.name = 'MarionetteError';
  }
}

/**
 * A client for Firefox's Marionette protocol (what geckodriver speaks): packets are `length:json`, commands
 * `[0, id, name, params]`, answers `[1, id, error, result]`. Playwright cannot drive Debian's Firefox; this can.
 */
export interface MarionetteClient {
  send<T = unknown>(command: string, params?: Record<string, unknown>): Promise<T>;
  close(): void;
}

async function connectWithRetry(port: number, timeoutMs: number): Promise<Socket> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      return await new Promise<Socket>((resolve, reject) => {
        const socket = connect(port, '127.0.0.1', () => resolve(socket));
        socket.once('error', reject);
      });
    } catch (error) {
      if (Date.now() > deadline) throw new Error(`Firefox's Marionette did not answer on port ${port}: ${String(error)}`);
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  }
}

export async function connectMarionette(port: number, timeoutMs = 30_000): Promise<MarionetteClient> {
  const socket = await connectWithRetry(port, timeoutMs);
  const pending = new Map<number, { command: string; resolve: (value: unknown) => void; reject: (error: Error) => void }>();
  let buffer = Buffer.alloc(0);
  let greeted: () => void = () => undefined;
  const greeting = new Promise<void>((resolve) => (greeted = resolve));

  socket.on('data', (chunk: Buffer) => {
    buffer = Buffer.concat([buffer, chunk]);
    // The length counts bytes of the JSON that follows the colon.
    for (let colon = buffer.indexOf(0x3a); colon > 0; colon = buffer.indexOf(0x3a)) {
      const length = Number(buffer.subarray(0, colon).toString('ascii'));
      if (buffer.length < colon + 1 + length) return;
      const packet: unknown = JSON.parse(buffer.subarray(colon + 1, colon + 1 + length).toString('utf8'));
      buffer = buffer.subarray(colon + 1 + length);
      if (!Array.isArray(packet)) {
        greeted();
        continue;
      }
      const [, id, error, result] = packet as [number, number, { error: string; message: string } | null, unknown];
      const waiter = pending.get(id);
      pending.delete(id);
      if (!waiter) continue;
      if (error) waiter.reject(new MarionetteError(waiter.command, error.error, error.message));
      else waiter.resolve(result);
    }
  });
  socket.on('close', () => {
    for (const waiter of pending.values()) waiter.reject(new Error(`${waiter.command}: Firefox closed the connection`));
    pending.clear();
  });
  await greeting;

  let nextId = 1;
  return {
    send<T>(command: string, params: Record<string, unknown> = {}): Promise<T> {
      const id = nextId++;
      const body = Buffer.from(JSON.stringify([0, id, command, params]), 'utf8');
      return new Promise<T>((resolve, reject) => {
        pending.set(id, { command, resolve: (value) => resolve(value as T), reject });
        socket.write(Buffer.concat([Buffer.from(`${body.length}:`, 'ascii'), body]));
      });
    },
    close: () => socket.destroy(),
  };
}
