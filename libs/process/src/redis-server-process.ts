import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { pingRedis } from './ping-redis.js';

export interface RedisServerProcess {
  readonly url: string;
  readonly port: number;
  readonly pid: number;
  /** Stops the server (SIGTERM, then SIGKILL) and removes its folder unless `keepDir`. Idempotent. */
  stop(options?: { keepDir?: boolean; signal?: NodeJS.Signals }): Promise<void>;
}

export interface StartRedisServerOptions {
  port?: number;
  /** Reuse a folder (for a restart on the same data); a fresh temporary one otherwise. */
  dir?: string;
  extraArgs?: string[];
  /** The server binary; `redis-server` on PATH by default. */
  binary?: string;
}

export class NoRedisServerError extends Error {
  constructor() {
    super('redis-server was not found on PATH');
    this.name = 'NoRedisServerError';
  }
}

/** A free TCP port on 127.0.0.1, as the operating system hands it out. */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

/** Starts a throw-away redis-server on loopback and waits until it answers PING. */
export async function startRedisServer(options: StartRedisServerOptions = {}): Promise<RedisServerProcess> {
  const port = options.port ?? (await freePort());
  const dir = options.dir ?? (await mkdtemp(join(tmpdir(), 'restaurant-redis-')));
  const args = ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--dir', dir];
  const child = spawn(options.binary ?? 'redis-server', [...args, ...(options.extraArgs ?? [])], {
    stdio: 'ignore',
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const spawnError = await new Promise<Error | undefined>((resolve) => {
    child.once('error', resolve);
    child.once('spawn', () => resolve(undefined));
  });
  if (spawnError) {
    await rm(dir, { recursive: true, force: true });
    throw (spawnError as NodeJS.ErrnoException).code === 'ENOENT' ? new NoRedisServerError() : spawnError;
  }
  const url = `redis://127.0.0.1:${port}`;
  await waitUntilAnswering(url, child);
  let stopped: Promise<void> | undefined;
  return {
    url,
    port,
    pid: child.pid ?? -1,
    stop: (stopOptions = {}) => {
      stopped ??= stopServer(child, exited, stopOptions.signal ?? 'SIGTERM').then(() =>
        stopOptions.keepDir ? undefined : rm(dir, { recursive: true, force: true }),
      );
      return stopped;
    },
  };
}

async function waitUntilAnswering(url: string, child: ChildProcess): Promise<void> {
  for (let attempt = 0; attempt < 100; attempt++) {
    if (child.exitCode !== null) throw new Error(`redis-server exited with code ${child.exitCode} at start`);
    if (await pingRedis(url, 200)) return;
    await sleep(50);
  }
  child.kill('SIGKILL');
  throw new Error(`redis-server did not answer at ${url} within 5 s`);
}

async function stopServer(child: ChildProcess, exited: Promise<void>, signal: NodeJS.Signals): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  child.kill(signal);
  const killer = setTimeout(() => child.kill('SIGKILL'), 3000);
  await exited;
  clearTimeout(killer);
}
