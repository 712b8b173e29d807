import { tlsSettingProblems, type RedisTlsFiles } from '@restaurant/queue';
import { objectSchema, withDefaults, type ValuesOf } from './option-spec.js';
import { ConfigError } from './config-error.js';
import { parseWithSchema } from './parse-with-schema.js';
import { SERVICE_SETTINGS, type ServiceSettingKey } from './service-settings.js';

/** One queue a process serves, its name's `{ordinal}` filled in. */
export interface ServedQueue {
  name: string;
  capacity: number;
}

/**
 * The settings of one producer or consumer process, as SERVICE_SETTINGS declares them, and the
 * queues it serves: QUEUE_NAMES, else the one QUEUE_NAME with QUEUE_CAPACITY.
 */
export type ServiceConfig = ValuesOf<typeof SERVICE_SETTINGS> & { queues: readonly ServedQueue[] };

const keyOfEnv = new Map(Object.entries(SERVICE_SETTINGS).map(([key, declared]) => [declared.env, key as ServiceSettingKey]));
const envOf = (key: string): string => SERVICE_SETTINGS[key as ServiceSettingKey]?.env ?? key;

const serviceSchema = objectSchema(SERVICE_SETTINGS).superRefine((config, context) => {
  for (const { name, message } of tlsSettingProblems(config.redisUrl, tlsFilesOf(config))) {
    context.addIssue({ code: 'custom', path: [keyOfEnv.get(name) ?? name], message });
  }
  if (config.consumerMinS > config.consumerMaxS) {
    context.addIssue({ code: 'custom', path: ['consumerMinS'], message: `must not be greater than the maximum (${config.consumerMaxS})` });
  }
});

/**
 * Reads the configuration once, from the environment, with every problem at once (named as the
 * variable). `ROLE_NAME` may contain `{hostname}`, so that container replicas, which share one
 * environment, log under distinct names.
 */
export function readServiceConfig(
  env: Record<string, string | undefined>,
  defaults: { roleName: string; hostname: string },
): Readonly<ServiceConfig> {
  const given = Object.fromEntries(Object.entries(SERVICE_SETTINGS).map(([key, declared]) => [key, env[declared.env]]));
  const raw = withDefaults(SERVICE_SETTINGS, { roleName: defaults.roleName, ...definedOnly(given) });
  const parsed = parseWithSchema(serviceSchema, raw, envOf);
  // `-<number>` as a StatefulSet's pods end; a container id's trailing hex digits are no ordinal
  const ordinal = /-(\d+)$/.exec(defaults.hostname)?.[1];
  const named = parsed.queueNames ?? [{ name: parsed.queueName, capacity: undefined }];
  const pattern = parsed.queueNames ? 'QUEUE_NAMES' : 'QUEUE_NAME';
  if (ordinal === undefined && named.some(({ name }) => name.includes('{ordinal}'))) {
    const allowed = `uses {ordinal}, but the host name "${defaults.hostname}" ends in no -<number> (a StatefulSet's pods do)`;
    throw new ConfigError([{ name: pattern, value: env[pattern], allowed }]);
  }
  const queues = named.map(({ name, capacity }) => ({ name: name.replaceAll('{ordinal}', ordinal ?? ''), capacity: capacity ?? parsed.capacity }));
  const [first] = queues;
  return Object.freeze({
    ...parsed,
    queueName: first.name,
    capacity: first.capacity,
    queues: Object.freeze(queues),
    roleName: parsed.roleName.replaceAll('{hostname}', defaults.hostname),
  });
}

/** The TLS files of a configuration, as the connection takes them. */
export function tlsFilesOf(config: Pick<ServiceConfig, 'tlsCaFile' | 'tlsCertFile' | 'tlsKeyFile'>): RedisTlsFiles {
  return { caFile: config.tlsCaFile, certFile: config.tlsCertFile, keyFile: config.tlsKeyFile };
}

function definedOnly(values: Record<string, string | undefined>): Record<string, string> {
  return Object.fromEntries(Object.entries(values).filter((entry): entry is [string, string] => entry[1] !== undefined && entry[1] !== ''));
}
