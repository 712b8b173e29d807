import { z } from 'zod';
import type { FlagSpec } from '../cli/parse-flags.js';

/**
 * One setting, declared once: how its text becomes a value (the schema's message says what is
 * allowed), its default, and what it means. Everything else (the config's type, the parsing of
 * the environment or the flags, `--help`, the tables in docs/configuration.md) is made from it.
 */
export interface OptionSpec<Schema extends z.ZodType = z.ZodType> {
  schema: Schema;
  /** The value when none is given, as a user would write it; none: the setting is optional. */
  default?: string;
  /** How the default reads in help when it is no plain value, e.g. `random` or `1000 virtual, 1 redis`. */
  defaultText?: string;
  describe: string;
}

export type OptionSpecs = Record<string, OptionSpec>;

type ShapeOf<Specs extends OptionSpecs> = { [K in keyof Specs]: Specs[K]['schema'] };

/** The values of a set of settings, as their schemas make them. */
export type ValuesOf<Specs extends OptionSpecs> = z.output<z.ZodObject<ShapeOf<Specs>>>;

/** One zod object over the settings, keyed like them. */
export function objectSchema<Specs extends OptionSpecs>(specs: Specs): z.ZodObject<ShapeOf<Specs>> {
  return z.object(Object.fromEntries(Object.entries(specs).map(([key, spec]) => [key, spec.schema])) as ShapeOf<Specs>);
}

/** The given values over the defaults; an empty string counts as not given. */
export function withDefaults(specs: OptionSpecs, given: Record<string, string | undefined>): Record<string, string | undefined> {
  return Object.fromEntries(
    Object.entries(specs).map(([key, spec]) => [key, given[key] !== undefined && given[key] !== '' ? given[key] : spec.default]),
  );
}

/** The default as help and docs show it: `3`, `random`, or nothing. */
export function defaultShown(spec: OptionSpec): string | undefined {
  return spec.defaultText ?? spec.default;
}

/** `--name <value>` help lines of settings that are flags, each with its default. */
export function flagOptions(specs: OptionSpecs): FlagSpec['options'] {
  return Object.fromEntries(
    Object.entries(specs).map(([flag, spec]) => {
      const shown = defaultShown(spec);
      return [flag, shown === undefined ? spec.describe : `${spec.describe} (${shown})`];
    }),
  );
}
