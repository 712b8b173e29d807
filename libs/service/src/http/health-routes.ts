import type { RouteAnswer, Routes } from './service-http-server.js';

/** What a service reports about itself: alive while its loop runs, ready while it can work. */
export interface ServiceHealth {
  live(): boolean;
  ready(): boolean;
}

/** `/healthz` (liveness) and `/readyz` (readiness), for container healthchecks and orchestrators. */
export function healthRoutes(health: ServiceHealth): Routes {
  const answer = (ok: boolean, what: string): RouteAnswer =>
    ok ? { status: 200, body: `${what}\n` } : { status: 503, body: `not ${what}\n` };
  return {
    '/healthz': () => answer(health.live(), 'live'),
    '/readyz': () => answer(health.ready(), 'ready'),
  };
}
