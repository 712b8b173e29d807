import { defineConfig } from 'vitest/config';
import { sharedTestConfig } from '../../vitest.shared.js';

const shared = sharedTestConfig(import.meta.dirname);
/** The container tests need Docker and minutes: `npm run test:containers` runs them (vitest.containers.config.ts). */
export default defineConfig({ ...shared, test: { ...shared.test, exclude: ['src/containers/**', 'node_modules/**'] } });
