import { queueKeys } from '@restaurant/queue';
import { spawnNode, startTlsRedisServer, uniqueQueueName, type TlsRedisServer } from '@restaurant/testing';
import { readFile } from 'node:fs/promises';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENTRIES } from './entries.js';

const CLI = ENTRIES.restaurant;
const PRODUCER = ENTRIES.producer;
const CONSUMER = ENTRIES.consumer;

let server: TlsRedisServer;
beforeAll(async () => {
  server = await startTlsRedisServer();
});
afterAll(async () => {
  await server?.stop();
});

/** CA to check the server, certificate and key to prove the client (the server asks for one). */
function tlsEnv(): Record<string, string> {
  const { caCert, clientCert, clientKey } = server.certificates;
  return { REDIS_TLS_CA_FILE: caCert, REDIS_TLS_CERT_FILE: clientCert, REDIS_TLS_KEY_FILE: clientKey };
}

function service(entry: string, env: Record<string, string>) {
  return spawnNode(entry, { env: { PATH: process.env.PATH, TIME_SCALE: '0.01', CONSUMER_MIN_S: '3', CONSUMER_MAX_S: '3', ...env } });
}

describe('TLS (rediss://) against a redis-server that speaks only TLS', () => {
  it('cook and customer processes connect with the CA, certificate and key from the environment', async () => {
    const queue = uniqueQueueName('tls');
    const cook = service(PRODUCER, { REDIS_URL: server.url, QUEUE_NAME: queue, ...tlsEnv() });
    const customer = service(CONSUMER, { REDIS_URL: server.url, QUEUE_NAME: queue, ...tlsEnv() });
    try {
      await cook.waitForLine(/^\d\d:\d\d:\d\d producer +- \*\*.+\*\* READY$/);
      await customer.waitForLine(/^\d\d:\d\d:\d\d consumer_1 +- \*\*.+\*\* TAKEN AWAY$/);
      cook.kill('SIGTERM');
      customer.kill('SIGTERM');
      expect(await cook.exited).toEqual({ code: 0, signal: null });
      expect(await customer.exited).toEqual({ code: 0, signal: null });
    } finally {
      cook.kill('SIGKILL');
      customer.kill('SIGKILL');
    }
  });

  it.each([
    ['without the CA, the server is not trusted', { REDIS_TLS_CA_FILE: undefined }, /self[- ]signed certificate/],
    ['without a client certificate, the server refuses the cook', { REDIS_TLS_CERT_FILE: undefined, REDIS_TLS_KEY_FILE: undefined }, /ECONNRESET|certificate required|socket disconnected|socket hang up/],
  ])('%s: the cook never connects, says why it is retrying, and stops on SIGTERM with exit 0', async (_, without, reason) => {
    const env: Record<string, string> = {};
    for (const [name, value] of Object.entries({ ...tlsEnv(), ...without })) if (value !== undefined) env[name] = value;
    const cook = service(PRODUCER, { REDIS_URL: server.url, QUEUE_NAME: uniqueQueueName('tls'), ...env });
    try {
      const line = await cook.waitForLine(/producer +- \(warn\) Redis not answering at rediss:\/\/127\.0\.0\.1:\d+\/?; retrying in \d+ ms \(attempt 3\)/);
      expect(line).toMatch(reason);
      cook.kill('SIGTERM');
      expect(await cook.exited).toEqual({ code: 0, signal: null });
      expect(cook.stdoutLines.filter((line) => /READY|Full/.test(line))).toEqual([]);
    } finally {
      cook.kill('SIGKILL');
    }
  });

  it('ACL users applied over TLS: the cook connects as its own user over TLS and offers', async () => {
    const queue = uniqueQueueName('tlsacl');
    const passwords = { ACL_PRODUCER_PASSWORD: 'cook-over-tls', ACL_CONSUMER_PASSWORD: 'customer-over-tls' };
    const apply = spawnNode(CLI, { args: ['acl', '--apply', '--queue', queue], env: { PATH: process.env.PATH, REDIS_URL: server.url, ...tlsEnv(), ...passwords } });
    expect((await apply.exited).code).toBe(0);
    expect(apply.stdoutLines[0]).toMatch(/applied at rediss:\/\/127\.0\.0\.1:\d+/);

    const cook = service(PRODUCER, { REDIS_URL: `rediss://cook:cook-over-tls@127.0.0.1:${server.port}`, QUEUE_NAME: queue, ...tlsEnv() });
    const tls = { ca: await readFile(server.certificates.caCert), cert: await readFile(server.certificates.clientCert), key: await readFile(server.certificates.clientKey) };
    const admin = new Redis(server.url, { tls });
    try {
      await cook.waitForLine(/READY$/);
      expect(await admin.llen(queueKeys(queue).items)).toBeGreaterThan(0);
      cook.kill('SIGTERM');
      expect(await cook.exited).toEqual({ code: 0, signal: null });
    } finally {
      cook.kill('SIGKILL');
      admin.disconnect();
    }
  });
});
