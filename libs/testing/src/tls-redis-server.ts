import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startRedisServer } from '@restaurant/process';
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
  const certificatesDir = await mkdtemp(join(tmpdir(), 'restaurant-tls-'));
  const certificates = await makeThrowawayCertificates(certificatesDir);
  const server = await startRedisServer({
    tls: {
      certFile: certificates.serverCert,
      keyFile: certificates.serverKey,
      caFile: certificates.caCert,
      clientCertFile: certificates.clientCert,
      clientKeyFile: certificates.clientKey,
    },
  }).catch(async (error: unknown) => {
    await rm(certificatesDir, { recursive: true, force: true });
    throw error;
  });
  return {
    url: server.url,
    port: server.port,
    certificates,
    stop: async () => {
      await server.stop();
      await rm(certificatesDir, { recursive: true, force: true });
    },
  };
}
