import { fileURLToPath } from 'node:url';

/** The repository's root, and the built entry points the tests run as real processes. */
export const REPO_ROOT = fileURLToPath(new URL('../../../', import.meta.url));

export const ENTRIES = {
  producer: `${REPO_ROOT}apps/producer/dist/main.js`,
  consumer: `${REPO_ROOT}apps/consumer/dist/main.js`,
  restaurant: `${REPO_ROOT}apps/restaurant/dist/main.js`,
} as const;
