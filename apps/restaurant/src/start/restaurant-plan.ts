import {
  ConfigError,
  consumerRoles,
  flagOptions,
  objectSchema,
  parseDuration,
  parseWithSchema,
  producerRoles,
  readServiceConfig,
  SERVICE_SETTINGS,
  settings,
  withDefaults,
  type ConfigProblem,
  type CookStart,
  type FlagSpec,
  type OptionSpec,
  type OptionSpecs,
  type ParsedFlags,
  type ServiceConfig,
  type ServiceSetting,
} from '@restaurant/service';
import { z } from 'zod';

/** The service settings `npm start` takes as flags, each passed to every service as its variable. */
const SERVICE_FLAGS = (Object.values(SERVICE_SETTINGS) as ServiceSetting[]).flatMap((setting) =>
  setting.flag === undefined ? [] : [{ ...setting, flag: setting.flag }],
);

/** The launcher's own options: who works, and for how long. */
const LAUNCHER_OPTIONS = {
  producers: { schema: settings.wholeNumber(0, 1000), default: '1', describe: 'number of cooks, one process each' },
  consumers: { schema: settings.wholeNumber(0, 1000), default: '2', describe: 'number of customers, one process each' },
  duration: {
    schema: z
      .string()
      .transform((text, context) => {
        const ms = parseDuration(text);
        if (ms === undefined) context.addIssue({ code: 'custom', message: 'must be a duration such as 500ms, 30s, 2m or 1h' });
        return ms ?? 0;
      })
      .optional(),
    defaultText: 'until Ctrl-C',
    describe: 'stop after this wall-clock time, e.g. 30s, 2m, 1h',
  },
  'cook-start': { schema: settings.cookStart, default: 'together', describe: 'together (every cook at 0, period, ...) or staggered (cooks take turns)' },
  'dashboard-port': { schema: settings.wholeNumber(0, 65_535), default: '8080', describe: 'port of the dashboard (--dashboard); 0 for any free port' },
} satisfies OptionSpecs;

export const startFlags: FlagSpec = {
  options: {
    ...flagOptions(LAUNCHER_OPTIONS),
    ...flagOptions(Object.fromEntries(SERVICE_FLAGS.map((setting) => [setting.flag, setting]))),
  },
  switches: {
    dashboard: 'also serve the live dashboard of the queue, on this machine, and print its address',
    metrics: 'give every cook and customer its own port for /metrics, /healthz and /readyz, and print them',
  },
};

/** The flags `npm start` takes, for the docs: its own, then the service settings. */
export const START_OPTIONS: Array<{ flag: string; spec: OptionSpec; env?: string }> = [
  ...Object.entries(LAUNCHER_OPTIONS).map(([flag, spec]) => ({ flag, spec })),
  ...SERVICE_FLAGS.map((setting) => ({ flag: setting.flag, spec: setting, env: setting.env })),
];

/** Everything the launcher needs to run one restaurant. */
export interface RestaurantPlan {
  producers: string[];
  consumers: string[];
  durationMs: number | undefined;
  cookStart: CookStart;
  /** The dashboard's port when it runs beside the kitchen (--dashboard). */
  dashboardPort: number | undefined;
  /** Every service serves /metrics on a port of its own (--metrics). */
  metrics: boolean;
  /** The environment every service process gets (its role is added per process). */
  serviceEnv: Record<string, string>;
  service: Readonly<ServiceConfig>;
  roleWidth: number;
}

const countsSchema = objectSchema(LAUNCHER_OPTIONS).refine((counts) => counts.producers + counts.consumers > 0, {
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
    counts = parseWithSchema(countsSchema, withDefaults(LAUNCHER_OPTIONS, values), (key) => `--${key}`);
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    problems.push(...error.problems);
  }

  // A service setting comes from its flag, else from the launcher's environment (which the
  // services inherit anyway), so the queue the launcher prepares is the one the services use.
  const serviceEnv: Record<string, string> = { SEED: String(seed) };
  const fromFlag = new Set<string>();
  for (const { flag, env: variable } of SERVICE_FLAGS) {
    if (values[flag] !== undefined) {
      serviceEnv[variable] = values[flag];
      fromFlag.add(variable);
    } else if (env[variable]) {
      serviceEnv[variable] = env[variable];
    }
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
    problems.push(...error.problems.map((problem) => ({ ...problem, name: fromFlag.has(problem.name) ? flagFor(problem.name) : problem.name })));
  }
  if (problems.length > 0 || !counts || !service) throw new ConfigError(problems);
  const dashboard = flags.switches.has('dashboard') || values['dashboard-port'] !== undefined;
  return {
    producers,
    consumers,
    durationMs: counts.duration,
    cookStart: counts['cook-start'],
    dashboardPort: dashboard ? counts['dashboard-port'] : undefined,
    metrics: flags.switches.has('metrics'),
    serviceEnv,
    service,
    roleWidth,
  };
}

function flagFor(variable: string): string {
  const flag = SERVICE_FLAGS.find((setting) => setting.env === variable)?.flag;
  return flag ? `--${flag}` : variable;
}
