import { setTimeout as sleep } from 'node:timers/promises';
import { SERVICE_ENTRIES } from './service-entries.js';
import { spawnService, type ServiceProcessHandle } from './service-process.js';

export interface RunRestaurantOptions {
  nodePath: string;
  producers: string[];
  consumers: string[];
  /** The environment every service gets; its role is added per process. */
  env: Record<string, string | undefined>;
  /** More environment for cook `index` (from 0), e.g. its offset when cooks take turns. */
  producerEnv?: (index: number) => Record<string, string>;
  /** More environment for every service by its role, e.g. its own METRICS_PORT. */
  roleEnv?: (role: string) => Record<string, string>;
  durationMs: number | undefined;
  signal: AbortSignal;
  stdout: 'inherit' | 'ignore';
  /** Told when a service stops on its own, which ends the run. */
  onUnexpectedExit?: (role: string, code: number) => void;
}

/** How long services get to finish their current operation before they are killed. */
const STOP_GRACE_MS = 3000;

/**
 * Runs every cook and customer as its own process until the duration is over, the signal
 * aborts, or a service exits by itself; then stops them all. Returns 0 when every service
 * stopped cleanly, otherwise the first non-zero exit code.
 */
export async function runRestaurant(options: RunRestaurantOptions): Promise<number> {
  const services: ServiceProcessHandle[] = [
    ...options.producers.map((role, index) => ({ role, entry: SERVICE_ENTRIES.producer, env: { ...options.roleEnv?.(role), ...options.producerEnv?.(index) } })),
    ...options.consumers.map((role) => ({ role, entry: SERVICE_ENTRIES.consumer, env: options.roleEnv?.(role) })),
  ].map(({ role, entry, env }) =>
    spawnService({ nodePath: options.nodePath, entry, role, env: { ...options.env, ...env }, stdout: options.stdout }),
  );

  const ended = new AbortController();
  const firstExit = Promise.race(services.map((service) => service.exited.then((code) => ({ service, code }))));
  const stopReasons: Promise<unknown>[] = [
    new Promise((resolve) => options.signal.addEventListener('abort', resolve, { once: true })),
    firstExit,
  ];
  if (options.durationMs !== undefined) {
    stopReasons.push(sleep(options.durationMs, undefined, { signal: ended.signal }).catch(() => undefined));
  }
  const reason = options.signal.aborted ? undefined : await Promise.race(stopReasons);
  ended.abort();

  let exitCode = 0;
  if (reason && typeof reason === 'object' && 'service' in reason) {
    const { service, code } = reason as { service: ServiceProcessHandle; code: number };
    options.onUnexpectedExit?.(service.role, code);
    exitCode = code === 0 ? 1 : code;
  }
  const codes = await Promise.all(services.map((service) => service.stop(STOP_GRACE_MS)));
  return exitCode || (codes.find((code) => code !== 0) ?? 0);
}
