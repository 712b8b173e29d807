import type { Redis } from 'ioredis';
import type { Logger } from 'pino';
import { CONFIG_EXIT_CODE, ConfigError } from './config/config-error.js';
import { readServiceConfig, type ServiceConfig } from './config/service-config.js';
import { serviceHelp } from './config/service-env-help.js';
import { createLogger } from './logging/create-logger.js';
import type { LineSink } from './logging/original-line-stream.js';
import { BoundedQueue, CapacityMismatchError, closeRedis, connectRedis, whenReady, redactUrl, readTlsFiles, startPresence, type ActorKind } from '@restaurant/queue';
import type { QueueEvent } from './logging/original-line.js';
import { createRandom, deriveSeed, type Random } from './schedule/random.js';

/** What a service needs from its process; only an app's main.ts builds this. */
export interface ServiceProcess {
  /** The command-line arguments: none, or `--help`. */
  args: string[];
  env: Record<string, string | undefined>;
  hostname: string;
  stdout: LineSink;
  stderr: LineSink;
  /** Registers the handler for SIGTERM and SIGINT. */
  onStopSignal(stop: () => void): void;
}

export interface ServiceContext {
  config: Readonly<ServiceConfig>;
  /** The process's one connection, for what the queue facade does not cover. */
  redis: Redis;
  logger: Logger;
  queue: BoundedQueue;
  /** This actor's own stream of random numbers. */
  random: Random;
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
export async function runService(proc: ServiceProcess, service: ServiceDefinition): Promise<number> {
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

  const logger = createLogger({
    role: config.roleName,
    format: config.logFormat,
    sink: proc.stdout,
    roleWidth: config.roleWidth,
  });
  const stop = new AbortController();
  const redis = connectRedis({
    url: config.redisUrl,
    mode: service.connection,
    connectionName: config.roleName,
    tls: readTlsFiles(config.redisTls),
    onRetry: (message) => logger.warn(message),
  });
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
  const queue = new BoundedQueue(redis, config.queueName, config.capacity, config.dedupTtlS);
  try {
    await queue.claimCapacity();
  } catch (error) {
    await closeRedis(redis);
    if (error instanceof CapacityMismatchError) {
      proc.stderr.write(`${error.message}\n`);
      return CONFIG_EXIT_CODE;
    }
    // e.g. NOPERM for a user of another queue: say it in one line, not with a stack trace
    proc.stderr.write(`cannot use queue "${config.queueName}": ${(error as Error).message}\n`);
    return 1;
  }
  logger.debug(`connected to ${redactUrl(config.redisUrl)}, queue ${config.queueName}`);

  const seed = config.seed ?? Math.floor(Math.random() * 2 ** 32);
  const random = createRandom(deriveSeed(seed, config.roleName));
  const presence = startPresence(redis, queue.keys, { role: config.roleName, kind: service.kind, onError: (message) => logger.warn(message) });
  await Promise.race([service.run({ config, redis, logger, queue, random, signal: stop.signal, recordEvent: presence.record }), stopDeadline]);
  await presence.stop();
  await closeRedis(redis);
  return 0;
}
