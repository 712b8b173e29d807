import type { z } from 'zod';
import { ConfigError } from './config-error.js';
import { redactUrl } from '@restaurant/queue';

/**
 * Validates raw settings (environment or flags) and returns them frozen, or throws one
 * ConfigError that lists every problem. Values of keys ending in URL are shown redacted.
 */
export function parseWithSchema<S extends z.ZodType>(
  schema: S,
  raw: Record<string, unknown>,
  nameOf: (key: string) => string = (key) => key,
): Readonly<z.output<S>> {
  const result = schema.safeParse(raw);
  if (result.success) return Object.freeze(result.data);
  throw new ConfigError(
    result.error.issues.map((issue) => {
      const key = String(issue.path[0] ?? '');
      const value = raw[key];
      return {
        name: nameOf(key),
        value: typeof value === 'string' && /url$/i.test(key) ? redactUrl(value) : value,
        allowed: issue.message,
      };
    }),
  );
}
