import type { ViteUserConfig } from 'vitest/config';

/** One test setup for every project: Node, real Redis, libraries resolved from source. */
export function sharedTestConfig(projectRoot: string): ViteUserConfig {
  return {
    root: projectRoot,
    resolve: { conditions: ['development'] },
    ssr: { resolve: { conditions: ['development'] } },
    test: {
      environment: 'node',
      include: ['src/**/*.spec.ts'],
      testTimeout: 30_000,
      hookTimeout: 60_000,
      reporters: ['default', ['json', { outputFile: 'test-results/vitest.json' }]],
    },
  };
}
