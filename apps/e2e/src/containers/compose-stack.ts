import { randomBytes } from 'node:crypto';
import { DockerComposeEnvironment, Wait } from 'testcontainers';
import { afterAll, inject } from 'vitest';
import { REPO_ROOT } from '../entries.js';
import { compose, docker, type ComposeTarget } from './compose-cli.js';

/** The project's compose file, and a test-only override that publishes Redis on 127.0.0.1. */
export const STACK_FILES = ['docker-compose.yml', 'apps/e2e/src/containers/redis-on-loopback.yml'];

/** What `docker inspect` says about one container of the stack. */
export interface ContainerState {
  id: string;
  name: string;
  service: string;
  hostname: string;
  running: boolean;
  exitCode: number;
  health: string | undefined;
  restartCount: number;
  startedAtMs: number;
  finishedAtMs: number;
}

/**
 * One compose project of the repository's own docker-compose.yml, started by testcontainers'
 * compose environment and driven with the compose CLI (scale, stop, logs) like a user would.
 */
export class ComposeStack {
  readonly target: ComposeTarget;

  constructor(label: string, env: Record<string, string>, options: { dir?: string; files?: string[] } = {}) {
    this.target = {
      dir: options.dir ?? REPO_ROOT,
      files: options.files ?? STACK_FILES,
      project: `${inject('composeProjectPrefix')}${label}-${randomBytes(3).toString('hex')}`,
      env,
    };
  }

  /** `docker compose up` with these counts; resolves once every container is healthy. */
  async up(scale: Record<string, number>): Promise<void> {
    const scaleOptions = Object.entries(scale).flatMap(([service, count]) => ['--scale', `${service}=${count}`]);
    // No reaper: every test file takes its stack down itself, and the global teardown any left.
    await new DockerComposeEnvironment(this.target.dir, this.target.files)
      .withProjectName(this.target.project)
      .withAutoCleanup(false)
      .withEnvironment(this.target.env)
      .withClientOptions({ commandOptions: scaleOptions })
      .withDefaultWaitStrategy(Wait.forHealthCheck())
      .withStartupTimeout(180_000)
      .up();
  }

  compose(args: string[], timeoutMs?: number): Promise<string> {
    return compose(this.target, args, timeoutMs);
  }

  /** The containers of a service (or all), running or not. */
  async containers(service?: string): Promise<ContainerState[]> {
    const ids = (await this.compose(['ps', '--all', '--quiet', ...(service ? [service] : [])])).split('\n').filter(Boolean);
    if (ids.length === 0) return [];
    const inspected = JSON.parse(await docker(['inspect', ...ids])) as Inspected[];
    return inspected.map((container) => ({
      id: container.Id,
      name: container.Name.replace(/^\//, ''),
      service: container.Config.Labels['com.docker.compose.service'] ?? '',
      hostname: container.Config.Hostname,
      running: container.State.Running,
      exitCode: container.State.ExitCode,
      health: container.State.Health?.Status,
      restartCount: container.RestartCount,
      startedAtMs: Date.parse(container.State.StartedAt),
      finishedAtMs: Date.parse(container.State.FinishedAt),
    }));
  }

  /** How many containers of each app service are running. */
  async runningCounts(): Promise<Record<string, number>> {
    const counts: Record<string, number> = {};
    for (const container of await this.containers()) {
      if (container.running) counts[container.service] = (counts[container.service] ?? 0) + 1;
    }
    return counts;
  }

  /** The services' log lines so far, without compose's prefix. */
  async logLines(...services: string[]): Promise<string[]> {
    const output = await this.compose(['logs', '--no-color', '--no-log-prefix', ...services]);
    // Compose writes an erase-line sequence before some lines even with --ansi never; a terminal shows nothing of it.
    return output.replaceAll('\u001b[2K', '').split('\n').filter(Boolean);
  }

  /** The stack's Redis as the test override publishes it on loopback. */
  async redisUrl(): Promise<string> {
    const published = (await this.compose(['port', 'redis', '6379'])).trim();
    return `redis://127.0.0.1:${published.split(':').at(-1)}`;
  }

  /** `docker compose down -v`, also for what a test scaled up after `up`. Idempotent. */
  async down(): Promise<void> {
    await this.compose(['down', '--volumes', '--remove-orphans', '--timeout', '10'], 120_000);
  }
}

/** A stack for the tests of one file, taken down after them (also when one fails). */
export function useComposeStack(label: string, env: Record<string, string>): ComposeStack {
  const stack = new ComposeStack(label, env);
  afterAll(async () => {
    await stack.down();
  }, 180_000);
  return stack;
}

interface Inspected {
  Id: string;
  Name: string;
  RestartCount: number;
  Config: { Hostname: string; Labels: Record<string, string> };
  State: { Running: boolean; ExitCode: number; StartedAt: string; FinishedAt: string; Health?: { Status: string } };
}
