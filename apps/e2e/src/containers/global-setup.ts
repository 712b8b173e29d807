import { randomBytes } from 'node:crypto';
import type { TestProject } from 'vitest/node';
import { REPO_ROOT } from '../entries.js';
import { compose, docker } from './compose-cli.js';

declare module 'vitest' {
  export interface ProvidedContext {
    /** Every compose project of this run starts with it, so the teardown finds what is left. */
    composeProjectPrefix: string;
  }
}

/**
 * Before the container tests: a Docker engine with Compose v2 must answer, and the project's
 * image is built once (compose's `build`, as `docker compose up --build` does). After them: any
 * compose project of this run that a crashed test left behind is taken down.
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  try {
    await docker(['info', '--format', '{{.ServerVersion}}'], 20_000);
    await docker(['compose', 'version'], 20_000);
  } catch (error) {
    throw new Error(
      `The container tests need a Docker engine with Compose v2, and none answers: ${(error as Error).message}`,
    );
  }
  const prefix = `restaurant-e2e-${randomBytes(3).toString('hex')}-`;
  project.provide('composeProjectPrefix', prefix);
  await compose({ dir: REPO_ROOT, files: ['docker-compose.yml'], project: `${prefix}build`, env: {} }, ['build'], 900_000);

  return async () => {
    const projects = JSON.parse(await docker(['compose', 'ls', '--all', '--format', 'json'])) as Array<{ Name: string }>;
    for (const { Name } of projects.filter(({ Name }) => Name.startsWith(prefix))) {
      await docker(['compose', '--project-name', Name, 'down', '--volumes', '--timeout', '5'], 120_000);
    }
  };
}
