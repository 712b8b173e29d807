import { createServer } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { healthRoutes } from './health-routes.js';
import { startServiceHttpServer, type ServiceHttpServer } from './service-http-server.js';

const servers: ServiceHttpServer[] = [];
afterEach(async () => {
  for (const server of servers.splice(0)) await server.close();
});

async function serve(routes: Parameters<typeof startServiceHttpServer>[1]): Promise<string> {
  const server = await startServiceHttpServer(0, routes, '127.0.0.1');
  servers.push(server);
  return `http://127.0.0.1:${server.port}`;
}

describe('the service HTTP server', () => {
  it('answers each route with its state at the moment of the request', async () => {
    const state = { live: true, ready: false };
    const base = await serve(healthRoutes({ live: () => state.live, ready: () => state.ready }));
    const probe = async (path: string) => {
      const response = await fetch(`${base}${path}`);
      return [response.status, await response.text()];
    };
    expect(await probe('/healthz')).toEqual([200, 'live\n']);
    expect(await probe('/readyz')).toEqual([503, 'not ready\n']);
    state.ready = true;
    expect(await probe('/readyz?verbose=1')).toEqual([200, 'ready\n']);
    state.live = false;
    expect(await probe('/healthz')).toEqual([503, 'not live\n']);
  });

  it('says 404 for an unknown path, 405 for another method, 500 when a route throws', async () => {
    const base = await serve({
      '/ok': () => ({ status: 200, body: 'ok\n' }),
      '/broken': () => Promise.reject(new Error('no state')),
    });
    expect((await fetch(`${base}/nope`)).status).toBe(404);
    expect((await fetch(`${base}/ok`, { method: 'POST' })).status).toBe(405);
    expect((await fetch(`${base}/ok`, { method: 'HEAD' })).status).toBe(200);
    const broken = await fetch(`${base}/broken`);
    expect([broken.status, await broken.text()]).toEqual([500, 'no state\n']);
  });

  it('refuses to start on a port that is taken', async () => {
    const taken = createServer();
    await new Promise<void>((resolve) => taken.listen(0, '127.0.0.1', resolve));
    const { port } = taken.address() as { port: number };
    try {
      await expect(startServiceHttpServer(port, {}, '127.0.0.1')).rejects.toThrow(/EADDRINUSE/);
    } finally {
      taken.close();
    }
  });
});
