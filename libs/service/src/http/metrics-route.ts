import type { Registry } from 'prom-client';
import type { Routes } from './service-http-server.js';

/** `/metrics` in the Prometheus text format, read from the registry at each scrape. */
export function metricsRoute(registry: Registry): Routes {
  return { '/metrics': async () => ({ status: 200, body: await registry.metrics(), contentType: registry.contentType }) };
}
