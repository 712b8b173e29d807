/** One bad setting: its name, the value given, and what is allowed. */
export interface ConfigProblem {
  name: string;
  value: unknown;
  allowed: string;
}

/** Every problem of one configuration at once, so the user can fix them in one go. */
export class ConfigError extends Error {
  constructor(readonly problems: readonly ConfigProblem[]) {
    super(['Invalid configuration:', ...problems.map(describeProblem)].join('\n'));
    this.name = 'ConfigError';
  }
}

function describeProblem({ name, value, allowed }: ConfigProblem): string {
  const shown = value === undefined ? '(missing)' : JSON.stringify(value);
  return `  ${name}=${shown}: ${allowed}`;
}

/** The exit code of a process stopped by bad configuration. */
export const CONFIG_EXIT_CODE = 2;
