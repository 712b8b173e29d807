import { defineConfig } from 'vitest/config';
import { sharedTestConfig } from '../../vitest.shared.js';

/** The repository-wide tests `npm test` runs; the Kubernetes tier has its own config (vitest.k8s.config.ts). */
const base = sharedTestConfig(import.meta.dirname);
export default defineConfig({ ...base, test: { ...base.test, exclude: ['src/kubernetes/**'] } });
