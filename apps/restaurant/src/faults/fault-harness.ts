import { closeRedis, queueKeys, readAccounting, type Accounting } from '@restaurant/queue';
import { startRedisServer, type RedisServerProcess } from '@restaurant/process';
import { spawnNode, uniqueQueueName } from '@restaurant/testing';
import { Redis } from 'ioredis';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';

const APPS = new URL('../../../', import.meta.url);
export const CLI = fileURLToPath(new URL('restaurant/dist/main.js', APPS));
export const CONSUMER = fileURLToPath(new URL('consumer/dist/main.js', APPS));
export const PRODUCER = fileURLToPath(new URL('producer/dist/main.js', APPS));

/**
 * A redis-server of the test's own (fault tests stop, restart and flush it), persisted to an
 * append-only file so that a restart keeps the queue, as a production Redis would.
 */
export async function startOwnRedis(): Promise<{ server: RedisServerProcess; dir: string; restart(): Promise<RedisServerProcess> }> {
  const dir = await mkdtemp(join(tmpdir(), 'fault-redis-'));
  const persisted = ['--appendonly', 'yes', '--appendfsync', 'always'];
  let server = await startRedisServer({ dir, extraArgs: persisted });
  return {
    get server() {
      return server;
    },
    dir,
    async restart() {
      await server.stop({ keepDir: true });
      server = await startRedisServer({ dir, port: server.port, extraArgs: persisted });
      return server;
    },
  };
}

export function serviceEnv(url: string, queue: string, extra: Record<string, string> = {}): Record<string, string | undefined> {
  return { PATH: process.env.PATH, REDIS_URL: url, QUEUE_NAME: queue, TIME_SCALE: '0.01', ...extra };
}

export function spawnCustomer(url: string, queue: string, extra: Record<string, string> = {}) {
  return spawnNode(CONSUMER, { env: serviceEnv(url, queue, { DELIVERY: 'reliable', LOG_FORMAT: 'json', ...extra }) });
}

export async function accountingOf(url: string, queue: string): Promise<Accounting> {
  const redis = new Redis(url);
  try {
    return await readAccounting(redis, queueKeys(queue));
  } finally {
    await closeRedis(redis);
  }
}

/** Resolves once a line matching the pattern appears after the first `from` lines. */
export async function lineAfter(lines: string[], from: number, pattern: RegExp, timeoutMs = 15_000): Promise<void> {
  await until(() => lines.slice(from).some((line) => pattern.test(line)), `a line matching ${pattern} after line ${from}`, lines, timeoutMs);
}

/** Resolves once `done()` holds; rejects after the timeout with what was awaited and the last lines. */
export async function until(done: () => boolean, awaited: string, lines: string[], timeoutMs = 15_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!done()) {
    if (Date.now() > deadline) throw new Error(`no ${awaited} within ${timeoutMs} ms; the last lines:\n${lines.slice(-30).join('\n')}`);
    await sleep(20);
  }
}

export { uniqueQueueName };
