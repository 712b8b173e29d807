import { parseArgs } from 'node:util';
import type { ConfigProblem } from '../config/config-error.js';

export interface FlagSpec {
  /** Flag name without dashes → its help text; every flag takes a value unless listed in `switches`. */
  options: Record<string, string>;
  switches?: Record<string, string>;
}

export interface ParsedFlags {
  values: Record<string, string>;
  switches: Set<string>;
  /** Unknown flags, missing values, stray words: reported together with the values' problems. */
  problems: ConfigProblem[];
}

/**
 * Reads `--name value` / `--name=value` flags. Unknown flags, missing values and stray
 * arguments come back as problems, so the caller can report them with any bad value at once.
 */
export function parseFlags(args: string[], spec: FlagSpec): ParsedFlags {
  const options = Object.fromEntries([
    ...Object.keys(spec.options).map((name) => [name, { type: 'string' as const }]),
    ...Object.keys(spec.switches ?? {}).map((name) => [name, { type: 'boolean' as const }]),
  ]);
  const { tokens } = parseArgs({ args, options, strict: false, tokens: true, allowPositionals: true });
  const problems: ConfigProblem[] = [];
  const values: Record<string, string> = {};
  const switches = new Set<string>();
  for (const [index, token] of tokens.entries()) {
    if (token.kind === 'positional') {
      const previous = tokens[index - 1];
      const isValueOfUnknown = previous?.kind === 'option' && !(previous.name in options) && previous.value === undefined;
      if (!isValueOfUnknown) problems.push({ name: 'argument', value: token.value, allowed: 'unexpected; see --help' });
    } else if (token.kind === 'option' && !(token.name in options)) {
      const next = tokens[index + 1];
      const value = token.value ?? (next?.kind === 'positional' ? next.value : undefined);
      problems.push({ name: token.rawName, value, allowed: 'unknown option; see --help' });
    } else if (token.kind === 'option' && token.name in spec.options) {
      if (token.value === undefined || token.value.startsWith('--')) {
        problems.push({ name: token.rawName, value: undefined, allowed: 'needs a value' });
      } else {
        values[token.name] = token.value;
      }
    } else if (token.kind === 'option') {
      switches.add(token.name);
    }
  }
  return { values, switches, problems };
}

export function flagHelp(spec: FlagSpec): string {
  const rows = [
    ...Object.entries(spec.options).map(([name, help]) => [`--${name} <value>`, help]),
    ...Object.entries(spec.switches ?? {}).map(([name, help]) => [`--${name}`, help]),
  ];
  const width = Math.max(...rows.map(([flag]) => flag.length));
  return rows.map(([flag, help]) => `  ${flag.padEnd(width)}  ${help}`).join('\n');
}
