import nx from '@nx/eslint-plugin';

/**
 * Who may import whom. Each library is one box of the architecture (README, "Layout"):
 *   process  <- queue, service, sim, testing, apps (nothing of ours below it)
 *   queue    <- service <- sim
 *   testing  fixtures for specs only; it sees nothing but process, so no library depends on itself through it
 * The cook and customer services see only queue and service: never the model, never test code.
 */
const PRODUCTION = [
  { sourceTag: 'scope:process', onlyDependOnLibsWithTags: ['scope:process'] },
  { sourceTag: 'scope:queue', onlyDependOnLibsWithTags: ['scope:queue'] },
  { sourceTag: 'scope:service', onlyDependOnLibsWithTags: ['scope:queue', 'scope:service'] },
  { sourceTag: 'scope:sim', onlyDependOnLibsWithTags: ['scope:queue', 'scope:service', 'scope:sim'] },
  { sourceTag: 'scope:testing', onlyDependOnLibsWithTags: ['scope:process', 'scope:testing'] },
  { sourceTag: 'type:service', onlyDependOnLibsWithTags: ['scope:queue', 'scope:service'] },
  { sourceTag: 'type:cli', onlyDependOnLibsWithTags: ['scope:process', 'scope:queue', 'scope:service', 'scope:sim'] },
  { sourceTag: 'type:bench', onlyDependOnLibsWithTags: ['scope:process', 'scope:queue', 'scope:service'] },
  { sourceTag: 'type:e2e', onlyDependOnLibsWithTags: ['type:lib'] },
];

/** Specs may also use the test fixtures; the testing library itself stays out of production code. */
const SPECS = PRODUCTION.map((constraint) => ({
  ...constraint,
  onlyDependOnLibsWithTags: [...new Set([...constraint.onlyDependOnLibsWithTags, 'scope:testing'])],
}));

const boundaries = (depConstraints) => [
  'error',
  {
    enforceBuildableLibDependency: true,
    allow: ['^.*/eslint(\\.base)?\\.config\\.[cm]?[jt]s$', '^.*/vitest\\.shared(\\.js)?$'],
    depConstraints,
  },
];

export default [
  ...nx.configs['flat/base'],
  ...nx.configs['flat/typescript'],
  {
    ignores: ['**/dist', '**/out-tsc', '**/vitest.config.*.timestamp*', 'results/**'],
  },
  {
    files: ['**/*.ts'],
    rules: { '@nx/enforce-module-boundaries': boundaries(PRODUCTION) },
  },
  {
    files: ['**/*.spec.ts', '**/testing/**/*.ts', '**/faults/**/*.ts', 'apps/e2e/**/*.ts', '**/vitest.*.ts'],
    rules: { '@nx/enforce-module-boundaries': boundaries(SPECS) },
  },
];
