import type { Logger } from 'pino';
import { CONFIG_EXIT_CODE, ConfigError } from './config/config-error.js';
import { readServiceConfig, tlsFilesOf, type ServiceConfig } from './config/service-config.js';
import { serviceHelp } from './config/service-env-help.js';
import { createLogger } from './logging/create-logger.js';
import type { ProcessIo } from './process-io.js';
import {
  BoundedQueue,
  CapacityMismatchError,
  closeRedis,
  clusterProblem,
  connectRedis,
  readTlsFiles,
  redactUrl,
  whenReady,
  startPresence,
  type ActorKind,
  type RedisClient,
} from '@restaurant/queue';
import type { QueueEvent } from './logging/original-line.js';
import { createRandom, deriveSeed, type Random } from './schedule/random.js';
import { healthRoutes } from './http/health-routes.js';
import { metricsRoute } from './http/metrics-route.js';
import { createServiceMetrics, type QueueMetrics, type ServiceMetrics } from './metrics/service-metrics.js';
import { startServiceHttpServer, type ServiceHttpServer } from './http/service-http-server.js';

export interface ServiceContext {
  config: Readonly<ServiceConfig>;
  /** The process's one connection, for what the queue facade does not cover. */
  redis: RedisClient;
  logger: Logger;
  queue: BoundedQueue;
  /** This actor's own stream of random numbers. */
  random: Random;
  /** What the actor counts for /metrics, for its queue. */
  metrics: QueueMetrics;
  /** Aborted on SIGTERM/SIGINT: finish the current operation and return. */
  signal: AbortSignal;
  /** Tells the dashboard what the actor did last; costs no Redis call (presence.ts). */
  recordEvent(event: QueueEvent): void;
}

export interface ServiceDefinition {
  /** The role name when ROLE_NAME is not set. */
  defaultRole: string;
  kind: ActorKind;
  /** How the user starts it, for `--help`. */
  usage: string;
  /** Cooks fail fast while Redis is away; customers wait for it. */
  connection: 'fail-fast' | 'patient';
  run(context: ServiceContext): Promise<void>;
}

/** After a stop signal, how long the current operation may take before the connection is cut. */
const STOP_DEADLINE_MS = 1500;

/**
 * The life of one producer or consumer process: configuration, logger, connection (with retry
 * and backoff), the capacity check, the actor's loop, and a graceful stop. Returns the exit code.
 */
export async function runService(proc: ProcessIo, service: ServiceDefinition): Promise<number> {
  if (proc.args.length > 0) {
    const help = serviceHelp(service.defaultRole, service.usage);
    if (proc.args.length === 1 && ['--help', '-h'].includes(proc.args[0])) {
      proc.stdout.write(help);
      return 0;
    }
    proc.stderr.write(`Unexpected argument(s) ${proc.args.join(' ')}: this service is configured by environment variables.\n\n${help}`);
    return CONFIG_EXIT_CODE;
  }
  let config: Readonly<ServiceConfig>;
  try {
    config = readServiceConfig(proc.env, { roleName: service.defaultRole, hostname: proc.hostname });
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    proc.stderr.write(`${error.message}\n`);
    return CONFIG_EXIT_CODE;
  }

  // Live from here until the loop has ended; ready once Redis answered and the capacity is
  // claimed, and again whenever the connection is up after an outage.
  let capacityClaimed = false;
  let loopEnded = false;
  let redisStatus = (): string => 'wait';
  let httpServer: ServiceHttpServer | undefined;
  const metrics = createServiceMetrics({ role: config.roleName });
  if (config.metricsPort !== undefined) {
    const routes = {
      ...healthRoutes({ live: () => !loopEnded, ready: () => !loopEnded && capacityClaimed && redisStatus() === 'ready' }),
      ...metricsRoute(metrics.registry),
    };
    try {
      httpServer = await startServiceHttpServer(config.metricsPort, routes);
    } catch (error) {
      proc.stderr.write(`METRICS_PORT=${config.metricsPort}: cannot listen there (${(error as Error).message})\n`);
      return CONFIG_EXIT_CODE;
    }
  }
  try {
    return await runConnected(proc, service, config, metrics, {
      connected: (redis) => (redisStatus = () => redis.status),
      claimed: () => (capacityClaimed = true),
    });
  } finally {
    loopEnded = true;
    await httpServer?.close();
  }
}

/** What runConnected tells the health routes as it goes. */
interface Progress {
  connected(redis: RedisClient): void;
  claimed(): void;
}

async function runConnected(
  proc: ProcessIo,
  service: ServiceDefinition,
  config: Readonly<ServiceConfig>,
  metrics: ServiceMetrics,
  progress: Progress,
): Promise<number> {
  const loggerAs = (role: string) => createLogger({ role, format: config.logFormat, sink: proc.stdout, roleWidth: config.roleWidth });
  const logger = loggerAs(config.roleName);
  const tls = readTlsFiles(tlsFilesOf(config));
  const clusterNodes = config.redisClusterNodes;
  // A cluster is checked before anything runs: an address that is no cluster is a setting to fix.
  const problem = clusterNodes && (await clusterProblem(clusterNodes, config.redisUrl, tls));
  if (problem) {
    proc.stderr.write(`REDIS_CLUSTER_NODES=${JSON.stringify(proc.env.REDIS_CLUSTER_NODES)}: ${problem}\n`);
    return CONFIG_EXIT_CODE;
  }
  const stop = new AbortController();
  const redis = connectRedis({
    url: config.redisUrl,
    clusterNodes,
    mode: service.connection,
    connectionName: config.roleName,
    tls,
    onRetry: (message) => logger.warn(message),
  });
  progress.connected(redis);
  // Resolves STOP_DEADLINE_MS after a stop signal: an operation still waiting for Redis then is
  // abandoned (a held meal is returned by a reaper), so a stop always ends in time.
  const stopDeadline = new Promise<void>((resolve) =>
    stop.signal.addEventListener('abort', () => setTimeout(resolve, STOP_DEADLINE_MS), { once: true }),
  );
  proc.onStopSignal(() => stop.abort());

  try {
    await whenReady(redis, stop.signal);
  } catch {
    redis.disconnect();
    return 0;
  }
  const queues = config.queues.map(
    ({ name, capacity }) =>
      new BoundedQueue(redis, name, capacity, {
        dedupTtlS: config.dedupTtlS,
        waitForReplicas: { count: config.offerWaitReplicas, timeoutMs: config.offerWaitTimeoutMs },
      }),
  );
  for (const queue of queues) {
    try {
      await queue.claimCapacity();
    } catch (error) {
      await closeRedis(redis);
      if (error instanceof CapacityMismatchError) {
        proc.stderr.write(`${error.message}\n`);
        return CONFIG_EXIT_CODE;
      }
      // e.g. NOPERM for a user of another queue: say it in one line, not with a stack trace
      proc.stderr.write(`cannot use queue "${queue.name}": ${(error as Error).message}\n`);
      return 1;
    }
  }
  progress.claimed();
  logger.debug(`connected to ${redactUrl(config.redisUrl)}, queues ${queues.map((queue) => queue.name).join(', ')}`);

  const seed = config.seed ?? Math.floor(Math.random() * 2 ** 32);
  // One actor per queue served: with several, each logs as role@queue and has its own stream.
  const actors = queues.map((queue) => {
    const several = queues.length > 1;
    const role = several ? `${config.roleName}@${queue.name}` : config.roleName;
    const presence = startPresence(redis, queue.keys, { role: config.roleName, kind: service.kind, onError: (message) => logger.warn(message) });
    const context: ServiceContext = {
      config: { ...config, queueName: queue.name, capacity: queue.capacity },
      redis,
      logger: several ? loggerAs(role) : logger,
      queue,
      random: createRandom(deriveSeed(seed, role)),
      metrics: metrics.forQueue(queue.name),
      signal: stop.signal,
      recordEvent: presence.record,
    };
    return { run: service.run(context), presence };
  });
  await Promise.race([Promise.all(actors.map(({ run }) => run)), stopDeadline]);
  await Promise.all(actors.map(({ presence }) => presence.stop()));
  await closeRedis(redis);
  return 0;
}
