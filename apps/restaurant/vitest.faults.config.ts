import { defineConfig } from 'vitest/config';
import { sharedTestConfig } from '../../vitest.shared.js';

/** `npm run test:faults`: only the fault tests, then a table of where every item went. */
const base = sharedTestConfig(import.meta.dirname);
export default defineConfig({
  ...base,
  test: {
    ...base.test,
    include: ['src/faults/**/*.spec.ts'],
    globalSetup: ['src/faults/fault-table-setup.ts'],
    reporters: ['default'],
    fileParallelism: false,
  },
});
