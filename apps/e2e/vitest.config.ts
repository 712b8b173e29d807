import { defineConfig } from 'vitest/config';
import { sharedTestConfig } from '../../vitest.shared.js';

/**
 * The repository-wide tests `npm test` runs. The container, Kubernetes and cluster tiers need
 * Docker, kubectl or minutes, and have configs of their own (vitest.<tier>.config.ts).
 */
const base = sharedTestConfig(import.meta.dirname);
export default defineConfig({
  ...base,
  test: { ...base.test, exclude: ['src/containers/**', 'src/kubernetes/**', 'src/cluster/**', 'node_modules/**'] },
});
