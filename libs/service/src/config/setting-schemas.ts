import { z } from 'zod';
import { isValidQueueName, parseClusterNodes } from '@restaurant/queue';

/**
 * Settings arrive as strings (environment, flags). Each schema turns one into its value and
 * says, in its message, what is allowed.
 */
export const redisUrl = z
  .string()
  .refine((value) => URL.canParse(value) && /^rediss?:$/.test(new URL(value).protocol), {
    message: 'must be a redis:// or rediss:// URL, e.g. redis://127.0.0.1:6379',
  });

export const queueName = z.string().refine(isValidQueueName, {
  message: 'must be 1-100 letters, digits or _ . : -',
});

/** Names of queues that exist, comma-separated: what `report` and the dashboard read. */
export const queueNames = z
  .string()
  .transform((text) => text.split(',').map((name) => name.trim()))
  .refine((names) => names.every(isValidQueueName) && new Set(names).size === names.length, {
    message: 'must be queue names, comma-separated, each 1-100 letters, digits or _ . : - and none twice',
  });

/** A queue name that may hold `{ordinal}`, the number a replica's host name ends in. */
export const queueNamePattern = z.string().refine((name) => isValidQueueName(name.replaceAll('{ordinal}', '0')), {
  message: 'must be 1-100 letters, digits or _ . : -, and {ordinal}',
});

/** `name` or `name:capacity`, comma-separated: the queues one process serves. */
export const queueList = z.string().transform((text, context) => {
  const entries = text.split(',').map((entry) => /^([^:,]+)(?::(\d+))?$/.exec(entry.trim()));
  const queues = entries.flatMap((match) => (match ? [{ name: match[1], capacity: match[2] === undefined ? undefined : Number(match[2]) }] : []));
  const fine = queues.length === entries.length && queues.every(({ name, capacity }) => isValidQueueName(name.replaceAll('{ordinal}', '0')) && (capacity === undefined || (capacity >= 1 && capacity <= 1_000_000_000)));
  if (!fine) context.addIssue({ code: 'custom', message: 'must be queue names, each with an optional :capacity, comma-separated, e.g. a,b:5,c' });
  return queues;
});

export function wholeNumber(min: number, max = Number.MAX_SAFE_INTEGER) {
  return z
    .string()
    .trim()
    .regex(/^-?\d+$/, { message: `must be a whole number from ${min} to ${max}`, abort: true })
    .transform(Number)
    .refine((n) => n >= min && n <= max, { message: `must be a whole number from ${min} to ${max}` });
}

export function positiveNumber(what: string, { allowZero = false } = {}) {
  const bound = allowZero ? 'at least 0' : 'greater than 0';
  return z
    .string()
    .trim()
    .regex(/^\d*\.?\d+(e[-+]?\d+)?$/i, { message: `${what} must be a number ${bound}` })
    .transform(Number)
    .refine((n) => Number.isFinite(n) && (allowZero ? n >= 0 : n > 0), { message: `${what} must be a number ${bound}` });
}

export const logFormat = z.enum(['human', 'json'], { message: 'must be human or json' });

export const cookStart = z.enum(['together', 'staggered'], { message: 'must be together or staggered' });

/** `host:port,host:port`: the nodes of a Redis Cluster to start from. */
export const clusterNodes = z.string().transform((text, context) => {
  const nodes = parseClusterNodes(text);
  if (nodes === undefined) context.addIssue({ code: 'custom', message: 'must be host:port of one or more cluster nodes, comma-separated' });
  return nodes ?? [];
});
