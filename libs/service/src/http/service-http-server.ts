import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/** One route's answer: the status code and a body, plain text unless told. */
export interface RouteAnswer {
  status: number;
  body: string;
  contentType?: string;
}

/** GET routes by path; each is asked on every request, so it answers with the state of that moment. */
export type Routes = Record<string, () => RouteAnswer | Promise<RouteAnswer>>;

export interface ServiceHttpServer {
  readonly port: number;
  close(): Promise<void>;
}

/**
 * The service's own small HTTP server (health probes, and whatever else a service exposes): GET
 * on a known path runs its route, anything else is 404 or 405.
 * Resolves once it listens; rejects when it cannot (e.g. the port is taken).
 */
export async function startServiceHttpServer(port: number, routes: Routes, host = '0.0.0.0'): Promise<ServiceHttpServer> {
  const server: Server = createServer((request, response) => {
    const path = new URL(request.url ?? '/', 'http://probe').pathname;
    const route = routes[path];
    const send = ({ status, body, contentType = 'text/plain; charset=utf-8' }: RouteAnswer): void => {
      response.writeHead(status, { 'content-type': contentType, 'cache-control': 'no-store' });
      response.end(request.method === 'HEAD' ? undefined : body);
    };
    if (route === undefined) return send({ status: 404, body: 'not found\n' });
    if (request.method !== 'GET' && request.method !== 'HEAD') return send({ status: 405, body: 'method not allowed\n' });
    Promise.resolve()
      .then(route)
      .then(send, (error: unknown) => send({ status: 500, body: `${(error as Error).message}\n` }));
  });
  // A probe's connection must not hold the process open after close().
  server.keepAliveTimeout = 1_000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  return {
    port: (server.address() as AddressInfo).port,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
