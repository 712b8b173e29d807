import { mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { clientTls, freePort, pingRedis, startRedisServer } from '@restaurant/process';
import { describe, expect, it } from 'vitest';
import { makeThrowawayCertificates } from './throwaway-certificates.js';
import { startTlsRedisServer } from './tls-redis-server.js';

describe('startTlsRedisServer', () => {
  it('starts a TLS-only server that lets in a client with a certificate of its CA, and nobody else', async () => {
    const server = await startTlsRedisServer();
    try {
      const { certificates } = server;
      const client = clientTls({
        certFile: certificates.serverCert,
        keyFile: certificates.serverKey,
        caFile: certificates.caCert,
        clientCertFile: certificates.clientCert,
        clientKeyFile: certificates.clientKey,
      });
      expect(server.url).toBe(`rediss://127.0.0.1:${server.port}`);
      expect(await pingRedis(server.url, 2000, client)).toBe(true);
      expect(await pingRedis(server.url, 2000, { ca: client.ca })).toBe(false); // no client certificate
      expect(await pingRedis(`redis://127.0.0.1:${server.port}`, 1000)).toBe(false); // no plain text
    } finally {
      await server.stop();
    }
    expect(await pingRedis(server.url, 500)).toBe(false);
  });

  it('a TLS server that refuses the readiness check is killed when the check gives up, not left on its port', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'restaurant-tls-unready-'));
    try {
      const certificates = await makeThrowawayCertificates(dir);
      const port = await freePort();
      // The server's own certificate, shown as a client's: signed by the CA, but not for clients.
      const { serverCert, serverKey, caCert } = certificates;
      const tls = { certFile: serverCert, keyFile: serverKey, caFile: caCert, clientCertFile: serverCert, clientKeyFile: serverKey };
      await expect(startRedisServer({ port, dir, tls })).rejects.toThrow(`redis-server did not answer at rediss://127.0.0.1:${port}`);
      const listener = createServer();
      await new Promise<void>((resolve, reject) => listener.once('error', reject).listen(port, '127.0.0.1', resolve));
      await new Promise((resolve) => listener.close(resolve));
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  }, 90_000); // the check tries for about 5 s, longer on a busy machine
});
