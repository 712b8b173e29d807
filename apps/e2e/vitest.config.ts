import { defineConfig } from 'vitest/config';
import { sharedTestConfig } from '../../vitest.shared.js';

/** The repository-wide tests `npm test` runs; the Kubernetes and cluster tiers have their own configs. */
const base = sharedTestConfig(import.meta.dirname);
export default defineConfig({ ...base, test: { ...base.test, exclude: ['src/kubernetes/**', 'src/cluster/**'] } });
