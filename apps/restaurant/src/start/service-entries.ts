/**
 * The built entry points of the two services, the same files the containers run. From
 * `apps/restaurant/src/start/` and from `apps/restaurant/dist/start/` alike, `../../../` is apps/.
 */
const APPS_DIR = new URL('../../../', import.meta.url);

export const SERVICE_ENTRIES = {
  producer: new URL('producer/dist/main.js', APPS_DIR),
  consumer: new URL('consumer/dist/main.js', APPS_DIR),
} as const;
