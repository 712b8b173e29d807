import { useTestRedis } from '@restaurant/testing';
import { createServer } from 'node:net';
import { describe, expect, it } from 'vitest';
import { fakeCliIo } from '../testing/fake-cli-io.js';
import { dashboardCommand } from './dashboard.js';
import { startCommand } from './start.js';

const redis = useTestRedis();

describe('dashboard command', () => {
  it('serves until a stop signal, prints its address, and exits 0', async () => {
    let stop: (() => void) | undefined;
    const io = { ...fakeCliIo({ REDIS_URL: redis.url }), onStopSignal: (handler: () => void) => (stop = handler) };
    const running = dashboardCommand.run(['--port', '0', '--host', '127.0.0.1', '--queue', 'kitchen'], io);
    await expect.poll(() => io.err(), { timeout: 10_000 }).toMatch(/Ctrl-C stops/);
    const url = /dashboard: (http:\/\/localhost:\d+\/)\?queue=kitchen \(Redis at redis:\/\/.+\)\. Ctrl-C stops\./.exec(io.err())?.[1];
    expect(url).toBeDefined();
    expect((await fetch(`${url}healthz`)).status).toBe(200);
    stop?.();
    expect(await running).toBe(0);
    await expect(fetch(`${url}healthz`)).rejects.toThrow();
  });

  it('refuses a bad port, host or queue with every problem listed and exit code 2', async () => {
    const io = fakeCliIo({ REDIS_URL: redis.url });
    expect(await dashboardCommand.run(['--port', '70000', '--host', 'a b', '--queue', 'no spaces'], io)).toBe(2);
    expect(io.err()).toBe(
      [
        'Invalid configuration:',
        '  --queue="no spaces": must be 1-100 letters, digits or _ . : -',
        '  --port="70000": must be a whole number from 0 to 65535',
        '  --host="a b": must be an IP address or a host name',
        '',
      ].join('\n'),
    );
    const words = fakeCliIo({ REDIS_URL: redis.url });
    expect(await dashboardCommand.run(['--port', 'eighty'], words)).toBe(2);
    expect(words.err()).toContain('--port="eighty": must be a whole number from 0 to 65535');
  });

  it('says that a port in use is in use, with exit code 2', async () => {
    const taken = createServer();
    await new Promise<void>((resolve) => taken.listen(0, '127.0.0.1', resolve));
    const { port } = taken.address() as { port: number };
    try {
      const io = fakeCliIo({ REDIS_URL: redis.url });
      expect(await dashboardCommand.run(['--port', String(port), '--host', '127.0.0.1'], io)).toBe(2);
      expect(io.err()).toBe(`Invalid configuration:\n  --port="${port}": the port is in use; choose another, or 0 for any free port\n`);
    } finally {
      taken.close();
    }
  });
});

describe('npm start -- --dashboard', () => {
  it('refuses a bad --dashboard-port before anything starts, with exit code 2', async () => {
    const io = fakeCliIo({ REDIS_URL: redis.url });
    expect(await startCommand.run(['--dashboard', '--dashboard-port', '-1'], io)).toBe(2);
    expect(io.err()).toBe('Invalid configuration:\n  --dashboard-port="-1": must be a whole number from 0 to 65535\n');
  });
});
