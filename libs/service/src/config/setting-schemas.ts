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
