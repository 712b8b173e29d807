import { ConfigError } from '../config/config-error.js';
import { parseWithSchema } from '../config/parse-with-schema.js';
import type { z } from 'zod';
import type { ParsedFlags } from './parse-flags.js';

/**
 * Validates flag values (defaults merged in by the caller) with a schema and reports its
 * problems together with the flags' own (unknown flag, missing value) in one ConfigError.
 * Keys in capitals are environment variables and keep their name; others are shown as `--key`.
 */
export function parseFlagValues<S extends z.ZodType>(schema: S, raw: Record<string, unknown>, flags: ParsedFlags): Readonly<z.output<S>> {
  const problems = [...flags.problems];
  try {
    const values = parseWithSchema(schema, raw, (key) => (key === key.toUpperCase() ? key : `--${key}`));
    if (problems.length === 0) return values;
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    problems.push(...error.problems);
  }
  throw new ConfigError(problems);
}
