import { z } from 'zod';
import { parseWithSchema } from './parse-with-schema.js';
import { logFormat, positiveNumber, queueName, redisUrl, wholeNumber } from './setting-schemas.js';
import { readableFile, REDIS_TLS_ENV, tlsSettingProblems, type RedisTlsFiles } from '@restaurant/queue';

/** The settings of one producer or consumer process, read from its environment. */
export interface ServiceConfig {
  redisUrl: string;
  queueName: string;
  capacity: number;
  producerPeriodS: number;
  /** Model seconds before a cook's first meal: staggers cooks so they take turns. */
  producerOffsetS: number;
  consumerMinS: number;
  consumerMaxS: number;
  timeScale: number;
  seed: number | undefined;
  roleName: string;
  roleWidth: number;
  logFormat: 'human' | 'json';
  /** `simple`: the original's RPOP. `reliable`: held in a processing list until acknowledged. */
  delivery: 'simple' | 'reliable';
  reclaimAfterS: number;
  maxDeliveries: number;
  maxItemBytes: number;
  /** Model seconds a customer holds a meal before it is done with it (reliable delivery acks then). */
  consumerHoldS: number;
  /** `atomic`: the Lua offer. `naive`: LLEN then LPUSH from the client, to show the race. */
  admission: 'atomic' | 'naive';
  dedupTtlS: number;
  /** CA, client certificate and key for a rediss:// REDIS_URL. */
  redisTls: RedisTlsFiles;
  /** Port of the service's HTTP server (/healthz, /readyz); none when unset. */
  metricsPort: number | undefined;
}

/** Every variable with a default, and the default (service-env-help.ts says what each means). */
export const SERVICE_ENV_DEFAULTS = {
  REDIS_URL: 'redis://127.0.0.1:6379',
  QUEUE_NAME: 'kitchen',
  QUEUE_CAPACITY: '3',
  PRODUCER_PERIOD_S: '3',
  PRODUCER_OFFSET_S: '0',
  CONSUMER_MIN_S: '3',
  CONSUMER_MAX_S: '10',
  TIME_SCALE: '1',
  LOG_FORMAT: 'human',
  ROLE_WIDTH: '10',
  DELIVERY: 'simple',
  RECLAIM_AFTER_S: '10',
  MAX_DELIVERIES: '3',
  MAX_ITEM_BYTES: '16384',
  CONSUMER_HOLD_S: '0',
  ADMISSION: 'atomic',
  DEDUP_TTL_S: '3600',
} as const;

const serviceEnvSchema = z
  .object({
    REDIS_URL: redisUrl,
    QUEUE_NAME: queueName,
    QUEUE_CAPACITY: wholeNumber(1, 1_000_000_000),
    PRODUCER_PERIOD_S: positiveNumber('the period'),
    PRODUCER_OFFSET_S: positiveNumber('the offset', { allowZero: true }),
    CONSUMER_MIN_S: wholeNumber(0, 86_400),
    CONSUMER_MAX_S: wholeNumber(0, 86_400),
    TIME_SCALE: positiveNumber('the time scale', { allowZero: true }),
    SEED: wholeNumber(0, 2 ** 32 - 1).optional(),
    ROLE_NAME: z.string().regex(/^[\w.{}-]{1,64}$/, { message: 'must be 1-64 letters, digits or _ . - and {hostname}' }),
    ROLE_WIDTH: wholeNumber(0, 64),
    LOG_FORMAT: logFormat,
    REDIS_TLS_CA_FILE: readableFile.optional(),
    REDIS_TLS_CERT_FILE: readableFile.optional(),
    REDIS_TLS_KEY_FILE: readableFile.optional(),
    DELIVERY: z.enum(['simple', 'reliable'], { message: 'must be simple or reliable' }),
    RECLAIM_AFTER_S: positiveNumber('the reclaim time'),
    MAX_DELIVERIES: wholeNumber(1, 1000),
    MAX_ITEM_BYTES: wholeNumber(64, 512 * 1024 * 1024),
    CONSUMER_HOLD_S: positiveNumber('the hold time', { allowZero: true }),
    ADMISSION: z.enum(['atomic', 'naive'], { message: 'must be atomic or naive' }),
    DEDUP_TTL_S: wholeNumber(0, 30 * 86_400),
    METRICS_PORT: wholeNumber(1, 65_535).optional(),
  })
  .superRefine((env, context) => {
    for (const { name, message } of tlsSettingProblems(env.REDIS_URL, tlsFilesOf(env))) {
      context.addIssue({ code: 'custom', path: [name], message });
    }
    if (env.CONSUMER_MIN_S > env.CONSUMER_MAX_S) {
      context.addIssue({
        code: 'custom',
        path: ['CONSUMER_MIN_S'],
        message: `must not be greater than the maximum (${env.CONSUMER_MAX_S})`,
      });
    }
  });

/**
 * Reads the configuration once. `ROLE_NAME` may contain `{hostname}`, so that container
 * replicas, which share one environment, log under distinct names.
 */
export function readServiceConfig(
  env: Record<string, string | undefined>,
  defaults: { roleName: string; hostname: string },
): Readonly<ServiceConfig> {
  const raw = { ...SERVICE_ENV_DEFAULTS, ROLE_NAME: defaults.roleName, ...definedOnly(env) };
  const parsed = parseWithSchema(serviceEnvSchema, raw);
  return Object.freeze({
    redisUrl: parsed.REDIS_URL,
    queueName: parsed.QUEUE_NAME,
    capacity: parsed.QUEUE_CAPACITY,
    producerPeriodS: parsed.PRODUCER_PERIOD_S,
    producerOffsetS: parsed.PRODUCER_OFFSET_S,
    consumerMinS: parsed.CONSUMER_MIN_S,
    consumerMaxS: parsed.CONSUMER_MAX_S,
    timeScale: parsed.TIME_SCALE,
    seed: parsed.SEED,
    roleName: parsed.ROLE_NAME.replaceAll('{hostname}', defaults.hostname),
    roleWidth: parsed.ROLE_WIDTH,
    logFormat: parsed.LOG_FORMAT,
    delivery: parsed.DELIVERY,
    reclaimAfterS: parsed.RECLAIM_AFTER_S,
    maxDeliveries: parsed.MAX_DELIVERIES,
    maxItemBytes: parsed.MAX_ITEM_BYTES,
    consumerHoldS: parsed.CONSUMER_HOLD_S,
    admission: parsed.ADMISSION,
    dedupTtlS: parsed.DEDUP_TTL_S,
    redisTls: tlsFilesOf(parsed),
    metricsPort: parsed.METRICS_PORT,
  });
}

function definedOnly(env: Record<string, string | undefined>): Record<string, string> {
  const keys = [...Object.keys(SERVICE_ENV_DEFAULTS), 'SEED', 'ROLE_NAME', 'METRICS_PORT', ...Object.values(REDIS_TLS_ENV)];
  return Object.fromEntries(
    keys.flatMap((key) => (env[key] !== undefined && env[key] !== '' ? [[key, env[key] as string]] : [])),
  );
}

function tlsFilesOf(env: Partial<Record<(typeof REDIS_TLS_ENV)[keyof RedisTlsFiles], string>>): RedisTlsFiles {
  return { caFile: env.REDIS_TLS_CA_FILE, certFile: env.REDIS_TLS_CERT_FILE, keyFile: env.REDIS_TLS_KEY_FILE };
}
