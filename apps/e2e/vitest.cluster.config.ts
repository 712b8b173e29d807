import { defineConfig } from 'vitest/config';
import { sharedTestConfig } from '../../vitest.shared.js';

/** `npm run test:cluster`: the queue and the services on a real Redis Cluster of redis-server processes. */
const base = sharedTestConfig(import.meta.dirname);
export default defineConfig({
  ...base,
  test: {
    ...base.test,
    include: ['src/cluster/**/*.spec.ts'],
    fileParallelism: false,
    reporters: ['default', ['json', { outputFile: 'test-results/vitest-cluster.json' }]],
  },
});
