import { ConfigError, consumerRoles, parseWithSchema, producerRoles, readServiceConfig, settings, type ConfigProblem, type CookStart, type ServiceConfig, type FlagSpec, type ParsedFlags, parseDuration } from '@restaurant/service';
import { z } from 'zod';

/** Flags that set one service environment variable each. */
const SERVICE_FLAGS = {
  capacity: ['QUEUE_CAPACITY', 'queue capacity (3)'],
  'time-scale': ['TIME_SCALE', 'wall seconds per model second: 0.01 runs 100x faster, 0 unpaced (1)'],
  seed: ['SEED', 'seed of the random numbers (random, printed at start)'],
  queue: ['QUEUE_NAME', 'queue name (kitchen)'],
  'producer-period': ['PRODUCER_PERIOD_S', 'seconds between a cook\'s meals (3)'],
  'consumer-min': ['CONSUMER_MIN_S', 'fewest whole seconds between a customer\'s visits (3)'],
  'consumer-max': ['CONSUMER_MAX_S', 'most whole seconds between a customer\'s visits (10)'],
  'redis-url': ['REDIS_URL', 'Redis to use (REDIS_URL, else redis://127.0.0.1:6379; started here if none answers)'],
  'log-format': ['LOG_FORMAT', 'human (the original lines) or json (human)'],
  delivery: ['DELIVERY', 'simple (RPOP, as the original) or reliable (held until acknowledged) (simple)'],
  'consumer-hold': ['CONSUMER_HOLD_S', 'seconds a customer holds a meal before acknowledging it (0)'],
  'reclaim-after': ['RECLAIM_AFTER_S', 'wall seconds until a dead customer\'s meals return (10)'],
  'max-deliveries': ['MAX_DELIVERIES', 'returns after which a meal goes to the dead-letter list (3)'],
  'max-item-bytes': ['MAX_ITEM_BYTES', 'larger items go to the dead-letter list (16384)'],
  admission: ['ADMISSION', 'atomic (the Lua offer) or naive (LLEN then LPUSH, to show the race) (atomic)'],
} as const;

export const startFlags: FlagSpec = {
  options: {
    producers: 'number of cooks, one process each (1)',
    consumers: 'number of customers, one process each (2)',
    duration: 'stop after this wall-clock time, e.g. 30s, 2m, 1h (until Ctrl-C)',
    'cook-start': 'together (every cook at 0, period, ...) or staggered (cooks take turns) (together)',
    'dashboard-port': 'port of the dashboard (--dashboard); 0 for any free port (8080)',
    ...Object.fromEntries(Object.entries(SERVICE_FLAGS).map(([flag, [, help]]) => [flag, help])),
  },
  switches: { dashboard: 'also serve the live dashboard of the queue, on this machine, and print its address' },
};

/** Everything the launcher needs to run one restaurant. */
export interface RestaurantPlan {
  producers: string[];
  consumers: string[];
  durationMs: number | undefined;
  cookStart: CookStart;
  /** The dashboard's port when it runs beside the kitchen (--dashboard). */
  dashboardPort: number | undefined;
  /** The environment every service process gets (its role is added per process). */
  serviceEnv: Record<string, string>;
  service: Readonly<ServiceConfig>;
  roleWidth: number;
}

const countsSchema = z
  .object({
    producers: settings.wholeNumber(0, 1000),
    consumers: settings.wholeNumber(0, 1000),
    'cook-start': settings.cookStart,
    'dashboard-port': settings.wholeNumber(0, 65_535),
    duration: z
      .string()
      .transform((text, context) => {
        const ms = parseDuration(text);
        if (ms === undefined) context.addIssue({ code: 'custom', message: 'must be a duration such as 500ms, 30s, 2m or 1h' });
        return ms ?? 0;
      })
      .optional(),
  })
  .refine((counts) => counts.producers + counts.consumers > 0, {
    path: ['producers'],
    message: 'a restaurant needs at least one cook or customer',
  });

/**
 * Turns flags (and REDIS_URL from the environment) into a plan, validating the service settings
 * with the very schema the services use, so that a bad value is caught before any process starts.
 */
export function planRestaurant(flags: ParsedFlags, env: Record<string, string | undefined>, seed: number): RestaurantPlan {
  const { values } = flags;
  const problems: ConfigProblem[] = [...flags.problems];
  let counts: z.output<typeof countsSchema> | undefined;
  try {
    const defaults = { producers: '1', consumers: '2', 'cook-start': 'together', 'dashboard-port': '8080' };
    counts = parseWithSchema(countsSchema, { ...defaults, ...values }, (key) => `--${key}`);
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    problems.push(...error.problems);
  }

  const serviceEnv: Record<string, string> = { SEED: String(seed) };
  if (env.REDIS_URL) serviceEnv.REDIS_URL = env.REDIS_URL;
  for (const [flag, [variable]] of Object.entries(SERVICE_FLAGS)) {
    if (values[flag] !== undefined) serviceEnv[variable] = values[flag];
  }
  const producers = producerRoles(counts?.producers ?? 1);
  const consumers = consumerRoles(counts?.consumers ?? 2);
  const roleWidth = Math.max(10, ...[...producers, ...consumers].map((role) => role.length));
  serviceEnv.ROLE_WIDTH = String(roleWidth);
  let service: Readonly<ServiceConfig> | undefined;
  try {
    service = readServiceConfig(serviceEnv, { roleName: 'launcher', hostname: 'localhost' });
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    problems.push(...error.problems.map((problem) => ({ ...problem, name: flagFor(problem.name) })));
  }
  if (problems.length > 0 || !counts || !service) throw new ConfigError(problems);
  const dashboard = flags.switches.has('dashboard') || values['dashboard-port'] !== undefined;
  return {
    producers,
    consumers,
    durationMs: counts.duration,
    cookStart: counts['cook-start'],
    dashboardPort: dashboard ? counts['dashboard-port'] : undefined,
    serviceEnv,
    service,
    roleWidth,
  };
}

function flagFor(variable: string): string {
  const flag = Object.entries(SERVICE_FLAGS).find(([, [name]]) => name === variable)?.[0];
  return flag ? `--${flag}` : variable;
}
