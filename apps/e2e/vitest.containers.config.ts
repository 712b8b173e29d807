import { defineConfig } from 'vitest/config';
import { sharedTestConfig } from '../../vitest.shared.js';

/**
 * `npm run test:containers`: the compose stack and the image on a real Docker engine. Not part
 * of `npm test` (it needs Docker and minutes); one file at a time, as they share two cores.
 */
const shared = sharedTestConfig(import.meta.dirname);
export default defineConfig({
  ...shared,
  test: {
    ...shared.test,
    include: ['src/containers/**/*.spec.ts'],
    globalSetup: ['src/containers/global-setup.ts'],
    fileParallelism: false,
    testTimeout: 300_000,
    hookTimeout: 300_000,
    reporters: ['default', ['json', { outputFile: 'test-results/vitest-containers.json' }]],
  },
});
