import { spawn } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { Redis } from 'ioredis';
import { freePort } from '@restaurant/process';
import { makeThrowawayCertificates, type ThrowawayCertificates } from './throwaway-certificates.js';

export interface TlsRedisServer {
  /** `rediss://127.0.0.1:<port>`: the server speaks TLS only, with no plain-text port. */
  readonly url: string;
  readonly port: number;
  readonly certificates: ThrowawayCertificates;
  stop(): Promise<void>;
}

/**
 * A throw-away redis-server that accepts TLS connections only and requires a client certificate
 * signed by its CA (Redis's default `tls-auth-clients yes`), with certificates made for it.
 */
export async function startTlsRedisServer(): Promise<TlsRedisServer> {
  const dir = await mkdtemp(join(tmpdir(), 'restaurant-tls-redis-'));
  const certificates = await makeThrowawayCertificates(dir);
  const port = await freePort();
  const child = spawn(
    'redis-server',
    [
      '--port', '0', '--tls-port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--dir', dir,
      '--tls-cert-file', certificates.serverCert, '--tls-key-file', certificates.serverKey,
      '--tls-ca-cert-file', certificates.caCert,
    ],
    { stdio: 'ignore' },
  );
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const stop = async (): Promise<void> => {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill('SIGTERM');
      await exited;
    }
    await rm(dir, { recursive: true, force: true });
  };
  const url = `rediss://127.0.0.1:${port}`;
  try {
    await waitUntilAnswering(url, certificates);
  } catch (error) {
    child.kill('SIGKILL');
    await stop();
    throw error;
  }
  return { url, port, certificates, stop };
}

async function waitUntilAnswering(url: string, certificates: ThrowawayCertificates): Promise<void> {
  const tls = {
    ca: await readFile(certificates.caCert),
    cert: await readFile(certificates.clientCert),
    key: await readFile(certificates.clientKey),
  };
  for (let attempt = 0; attempt < 100; attempt++) {
    const redis = new Redis(url, { tls, lazyConnect: true, retryStrategy: () => null, maxRetriesPerRequest: 0 });
    redis.on('error', () => undefined);
    try {
      await redis.connect();
      if ((await redis.ping()) === 'PONG') return;
    } catch {
      await sleep(50);
    } finally {
      redis.disconnect();
    }
  }
  throw new Error(`redis-server with TLS did not answer at ${url} within 5 s`);
}
