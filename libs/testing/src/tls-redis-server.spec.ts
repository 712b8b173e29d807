import { clientTls, pingRedis } from '@restaurant/process';
import { describe, expect, it } from 'vitest';
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
});
