import { readableFile } from '@restaurant/queue';
import { z } from 'zod';
import type { OptionSpec } from './option-spec.js';
import { clusterNodes, logFormat, positiveNumber, queueList, queueNamePattern, redisUrl, wholeNumber } from './setting-schemas.js';

/** A setting of the cook and customer processes: read from `env`, and given by `npm start` as `--flag`. */
export interface ServiceSetting<Schema extends z.ZodType = z.ZodType> extends OptionSpec<Schema> {
  env: string;
  flag?: string;
}

const setting = <Schema extends z.ZodType>(declared: ServiceSetting<Schema>): ServiceSetting<Schema> => declared;

/**
 * Every setting of a cook or customer process, in the order `--help` and the docs list them.
 * Adding a setting is adding an entry here: the config's type, its parsing, the help of the
 * services and of `npm start`, and the docs' table follow.
 */
export const SERVICE_SETTINGS = {
  redisUrl: setting({
    env: 'REDIS_URL',
    flag: 'redis-url',
    schema: redisUrl,
    default: 'redis://127.0.0.1:6379',
    describe: 'redis:// or rediss:// URL of the Redis (passwords are never logged)',
  }),
  redisClusterNodes: setting({
    env: 'REDIS_CLUSTER_NODES',
    flag: 'redis-cluster-nodes',
    schema: clusterNodes.optional(),
    describe: 'host:port,... of a Redis Cluster to use; REDIS_URL then gives only the user, password and TLS',
  }),
  queueName: setting({
    env: 'QUEUE_NAME',
    flag: 'queue',
    schema: queueNamePattern,
    default: 'kitchen',
    describe: "queue name; keys are {QUEUE_NAME}:food, :meta, ...; {ordinal} is the -<number> a pod's host name ends in",
  }),
  queueNames: setting({
    env: 'QUEUE_NAMES',
    schema: queueList.optional(),
    defaultText: 'QUEUE_NAME',
    describe: 'several queues for this process to serve, each name[:capacity] (else QUEUE_CAPACITY), e.g. a,b:5,c',
  }),
  capacity: setting({ env: 'QUEUE_CAPACITY', flag: 'capacity', schema: wholeNumber(1, 1_000_000_000), default: '3', describe: 'meals the queue holds; fixed at first use' }),
  producerPeriodS: setting({ env: 'PRODUCER_PERIOD_S', flag: 'producer-period', schema: positiveNumber('the period'), default: '3', describe: "seconds between a cook's meals" }),
  producerOffsetS: setting({
    env: 'PRODUCER_OFFSET_S',
    schema: positiveNumber('the offset', { allowZero: true }),
    default: '0',
    describe: "model seconds before a cook's first meal (npm start sets it for --cook-start staggered)",
  }),
  consumerMinS: setting({ env: 'CONSUMER_MIN_S', flag: 'consumer-min', schema: wholeNumber(0, 86_400), default: '3', describe: "fewest whole seconds between a customer's visits" }),
  consumerMaxS: setting({ env: 'CONSUMER_MAX_S', flag: 'consumer-max', schema: wholeNumber(0, 86_400), default: '10', describe: "most whole seconds between a customer's visits" }),
  timeScale: setting({
    env: 'TIME_SCALE',
    flag: 'time-scale',
    schema: positiveNumber('the time scale', { allowZero: true }),
    default: '1',
    describe: 'wall seconds per model second (0.01: 100x faster, 0: unpaced)',
  }),
  seed: setting({
    env: 'SEED',
    flag: 'seed',
    schema: wholeNumber(0, 2 ** 32 - 1).optional(),
    defaultText: 'random',
    describe: "seed of the random numbers; each actor's stream comes from it and its role name",
  }),
  roleName: setting({
    env: 'ROLE_NAME',
    schema: z.string().regex(/^[\w.{}-]{1,64}$/, { message: 'must be 1-64 letters, digits or _ . - and {hostname}' }),
    defaultText: 'producer, or consumer_1',
    describe: 'name in the log; {hostname} is replaced by the host name',
  }),
  roleWidth: setting({ env: 'ROLE_WIDTH', schema: wholeNumber(0, 64), default: '10', describe: 'width the role name is padded to, so the dashes line up' }),
  logFormat: setting({ env: 'LOG_FORMAT', flag: 'log-format', schema: logFormat, default: 'human', describe: 'human (the original lines) or json (one object per line)' }),
  delivery: setting({
    env: 'DELIVERY',
    flag: 'delivery',
    schema: z.enum(['simple', 'reliable'], { message: 'must be simple or reliable' }),
    default: 'simple',
    describe: 'simple (RPOP, as the original) or reliable (held until acknowledged)',
  }),
  consumerHoldS: setting({
    env: 'CONSUMER_HOLD_S',
    flag: 'consumer-hold',
    schema: positiveNumber('the hold time', { allowZero: true }),
    default: '0',
    describe: 'reliable: model seconds a customer holds a meal before acknowledging it',
  }),
  reclaimAfterS: setting({
    env: 'RECLAIM_AFTER_S',
    flag: 'reclaim-after',
    schema: positiveNumber('the reclaim time'),
    default: '10',
    describe: "reliable: wall seconds until a dead customer's meals are back in the queue",
  }),
  maxDeliveries: setting({
    env: 'MAX_DELIVERIES',
    flag: 'max-deliveries',
    schema: wholeNumber(1, 1000),
    default: '3',
    describe: 'reliable: a meal that came back more often goes to the dead-letter list',
  }),
  maxItemBytes: setting({ env: 'MAX_ITEM_BYTES', flag: 'max-item-bytes', schema: wholeNumber(64, 512 * 1024 * 1024), default: '16384', describe: 'larger items go to the dead-letter list' }),
  dedupTtlS: setting({ env: 'DEDUP_TTL_S', schema: wholeNumber(0, 30 * 86_400), default: '3600', describe: 'seconds an accepted item id is remembered, to refuse a re-sent offer' }),
  offerWaitReplicas: setting({
    env: 'OFFER_WAIT_REPLICAS',
    schema: wholeNumber(0, 16),
    default: '0',
    describe: 'a queued meal is confirmed once this many replicas have it (Redis WAIT): a failover then loses none',
  }),
  offerWaitTimeoutMs: setting({
    env: 'OFFER_WAIT_TIMEOUT_MS',
    schema: wholeNumber(1, 60_000),
    default: '1000',
    describe: 'with OFFER_WAIT_REPLICAS: milliseconds an offer waits for its replicas at most',
  }),
  admission: setting({
    env: 'ADMISSION',
    flag: 'admission',
    schema: z.enum(['atomic', 'naive'], { message: 'must be atomic or naive' }),
    default: 'atomic',
    describe: 'atomic (the Lua offer) or naive (LLEN then LPUSH: the race, for teaching only)',
  }),
  metricsPort: setting({
    env: 'METRICS_PORT',
    schema: wholeNumber(1, 65_535).optional(),
    defaultText: 'none',
    describe: 'port of the HTTP server with /metrics, /healthz and /readyz',
  }),
  tlsCaFile: setting({ env: 'REDIS_TLS_CA_FILE', schema: readableFile.optional(), describe: "rediss://: the CA that signed Redis's certificate (PEM file)" }),
  tlsCertFile: setting({ env: 'REDIS_TLS_CERT_FILE', schema: readableFile.optional(), describe: "rediss://: this client's certificate (PEM file)" }),
  tlsKeyFile: setting({ env: 'REDIS_TLS_KEY_FILE', schema: readableFile.optional(), describe: "rediss://: this client's key (PEM file)" }),
};

export type ServiceSettingKey = keyof typeof SERVICE_SETTINGS;

/** Every variable a service reads. */
export const SERVICE_ENV_NAMES: readonly string[] = Object.values(SERVICE_SETTINGS).map((declared) => declared.env);
