import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ConnectionOptions } from 'node:tls';
import { setTimeout as sleep } from 'node:timers/promises';
import { freePort } from './free-port.js';
import { pingRedis } from './ping-redis.js';
import { stopChild } from './stop-child.js';

export interface RedisServerProcess {
  /** `redis://127.0.0.1:<port>`, or `rediss://` for a TLS server. */
  readonly url: string;
  readonly port: number;
  readonly pid: number;
  /** Stops the server (SIGTERM, then SIGKILL) and removes its folder unless `keepDir`. Idempotent. */
  stop(options?: { keepDir?: boolean; signal?: NodeJS.Signals }): Promise<void>;
}

/** PEM files of a server that speaks TLS only, and of a client it lets in. */
export interface RedisServerTls {
  certFile: string;
  keyFile: string;
  /** The CA that signed both certificates; the server asks clients for one it signed. */
  caFile: string;
  clientCertFile: string;
  clientKeyFile: string;
}

export interface StartRedisServerOptions {
  port?: number;
  /** Reuse a folder (for a restart on the same data); a fresh temporary one otherwise. */
  dir?: string;
  extraArgs?: string[];
  /** TLS only: the port speaks TLS and no plain-text port is opened. */
  tls?: RedisServerTls;
  /** The server binary; `redis-server` on PATH by default. */
  binary?: string;
}

export class NoRedisServerError extends Error {
  constructor() {
    super('redis-server was not found on PATH');
    this.name = 'NoRedisServerError';
  }
}

const STOP_GRACE_MS = 3000;

/** Starts a throw-away redis-server on loopback and waits until it answers PING. */
export async function startRedisServer(options: StartRedisServerOptions = {}): Promise<RedisServerProcess> {
  const port = options.port ?? (await freePort());
  const dir = options.dir ?? (await mkdtemp(join(tmpdir(), 'restaurant-redis-')));
  const { tls } = options;
  const listen = tls
    ? ['--port', '0', '--tls-port', String(port), '--tls-cert-file', tls.certFile, '--tls-key-file', tls.keyFile, '--tls-ca-cert-file', tls.caFile]
    : ['--port', String(port)];
  const args = [...listen, '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--dir', dir, ...(options.extraArgs ?? [])];
  const child = spawn(options.binary ?? 'redis-server', args, { stdio: 'ignore' });
  const spawnError = await new Promise<Error | undefined>((resolve) => {
    child.once('error', resolve);
    child.once('spawn', () => resolve(undefined));
  });
  const removeDir = () => rm(dir, { recursive: true, force: true });
  if (spawnError) {
    if (options.dir === undefined) await removeDir();
    throw (spawnError as NodeJS.ErrnoException).code === 'ENOENT' ? new NoRedisServerError() : spawnError;
  }
  const url = `${tls ? 'rediss' : 'redis'}://127.0.0.1:${port}`;
  try {
    await waitUntilAnswering(url, () => child.exitCode, tls && clientTls(tls));
  } catch (error) {
    await stopChild(child, { signal: 'SIGKILL', graceMs: STOP_GRACE_MS });
    if (options.dir === undefined) await removeDir();
    throw error;
  }
  let stopped: Promise<void> | undefined;
  return {
    url,
    port,
    pid: child.pid ?? -1,
    stop: ({ keepDir = false, signal = 'SIGTERM' } = {}) => {
      stopped ??= stopChild(child, { signal, graceMs: STOP_GRACE_MS }).then(() => (keepDir ? undefined : removeDir()));
      return stopped;
    },
  };
}

/** What a client presents to reach a TLS server. */
export function clientTls(tls: RedisServerTls): ConnectionOptions {
  return { ca: readFileSync(tls.caFile), cert: readFileSync(tls.clientCertFile), key: readFileSync(tls.clientKeyFile) };
}

async function waitUntilAnswering(url: string, exitCode: () => number | null, tls: ConnectionOptions | undefined): Promise<void> {
  for (let attempt = 0; attempt < 100; attempt++) {
    const code = exitCode();
    if (code !== null) throw new Error(`redis-server exited with code ${code} at start`);
    if (await pingRedis(url, 200, tls)) return;
    await sleep(50);
  }
  throw new Error(`redis-server did not answer at ${url} within 5 s`);
}
