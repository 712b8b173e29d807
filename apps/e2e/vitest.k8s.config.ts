import { defineConfig } from 'vitest/config';
import { sharedTestConfig } from '../../vitest.shared.js';

/** `npm run test:k8s`: the rendered Kubernetes manifests against their schemas and the code (needs kubectl). */
const base = sharedTestConfig(import.meta.dirname);
export default defineConfig({
  ...base,
  test: { ...base.test, include: ['src/kubernetes/**/*.spec.ts'], reporters: ['default', ['json', { outputFile: 'test-results/vitest-k8s.json' }]] },
});
