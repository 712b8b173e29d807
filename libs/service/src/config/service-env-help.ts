import { REDIS_TLS_ENV } from '@restaurant/queue';
import { SERVICE_ENV_DEFAULTS } from './service-config.js';

/** What each variable of a producer or consumer means, for `--help`. */
const MEANING: Record<string, string> = {
  REDIS_URL: 'redis:// or rediss:// URL of the Redis (passwords are never logged)',
  QUEUE_NAME: 'queue name; keys are {QUEUE_NAME}:food, :meta, :stats, ...',
  QUEUE_CAPACITY: 'meals the queue holds; fixed at first use',
  PRODUCER_PERIOD_S: 'seconds between a cook\'s meals',
  PRODUCER_OFFSET_S: 'seconds before a cook\'s first meal',
  CONSUMER_MIN_S: 'fewest whole seconds between a customer\'s visits',
  CONSUMER_MAX_S: 'most whole seconds between a customer\'s visits',
  TIME_SCALE: 'wall seconds per model second (0.01: 100x faster, 0: unpaced)',
  SEED: 'seed of this actor\'s random numbers (with its role name)',
  ROLE_NAME: 'name in the log; {hostname} is replaced by the host name',
  ROLE_WIDTH: 'width the role name is padded to',
  LOG_FORMAT: 'human (the original lines) or json',
  DELIVERY: 'simple (RPOP) or reliable (held until acknowledged)',
  RECLAIM_AFTER_S: 'reliable: wall seconds until a dead customer\'s meals return',
  MAX_DELIVERIES: 'reliable: returns after which a meal is dead-lettered',
  MAX_ITEM_BYTES: 'larger items are dead-lettered',
  CONSUMER_HOLD_S: 'reliable: seconds a customer holds a meal before acknowledging it',
  ADMISSION: 'atomic (the Lua offer) or naive (LLEN then LPUSH: the race, for teaching)',
  DEDUP_TTL_S: 'seconds an accepted item id is remembered, to refuse a re-sent offer',
  METRICS_PORT: 'port of the HTTP server with /healthz and /readyz (none when unset)',
  [REDIS_TLS_ENV.caFile]: 'rediss://: the CA that signed Redis\'s certificate (PEM file)',
  [REDIS_TLS_ENV.certFile]: 'rediss://: this client\'s certificate (PEM file)',
  [REDIS_TLS_ENV.keyFile]: 'rediss://: this client\'s key (PEM file)',
};

/** Every variable a service reads. */
export const SERVICE_ENV_NAMES = Object.keys(MEANING);

/** The `--help` of a service: it takes no arguments, only these variables. */
export function serviceHelp(role: string, entry: string): string {
  const defaults: Record<string, string> = SERVICE_ENV_DEFAULTS;
  const width = Math.max(...SERVICE_ENV_NAMES.map((name) => name.length));
  const rows = SERVICE_ENV_NAMES.map((name) => {
    const fallback = defaults[name] ?? (name === 'ROLE_NAME' ? role : undefined);
    return `  ${name.padEnd(width)}  ${MEANING[name]}${fallback === undefined ? '' : ` (${fallback})`}`;
  });
  return [`Usage: ${entry}   (configured only by these environment variables)`, '', ...rows, ''].join('\n');
}
