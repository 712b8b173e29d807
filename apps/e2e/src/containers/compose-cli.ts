import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { createInterface } from 'node:readline';
import { promisify } from 'node:util';

const run = promisify(execFile);

/** Where and as what `docker compose` runs: the project folder, its files, name and environment. */
export interface ComposeTarget {
  /** The project folder: compose files, `.env` and relative paths are read from here. */
  dir: string;
  /** Compose files, relative to `dir`; none: compose's own default (docker-compose.yml). */
  files: string[];
  project: string;
  /** Variables for compose's interpolation, on top of a minimal environment. */
  env: Record<string, string>;
}

/**
 * The environment a compose command sees: PATH and HOME only, plus the target's variables, so
 * that a QUEUE_NAME or TIME_SCALE in the shell of whoever runs the tests cannot change a stack.
 */
export function composeEnv(target: ComposeTarget): Record<string, string> {
  const base = Object.fromEntries(
    ['PATH', 'HOME', 'DOCKER_HOST', 'DOCKER_CONFIG', 'DOCKER_CONTEXT'].flatMap((name) =>
      process.env[name] === undefined ? [] : [[name, process.env[name] as string]],
    ),
  );
  return { ...base, COMPOSE_PROJECT_NAME: target.project, ...target.env };
}

/** `docker compose -f … ARGS` in the project folder; rejects with its stderr when it fails. */
export async function compose(target: ComposeTarget, args: string[], timeoutMs = 180_000): Promise<string> {
  const files = target.files.flatMap((file) => ['-f', file]);
  try {
    const { stdout } = await run('docker', ['compose', '--ansi', 'never', ...files, ...args], {
      cwd: target.dir,
      env: composeEnv(target),
      timeout: timeoutMs,
      maxBuffer: 64 * 1024 * 1024,
    });
    return stdout;
  } catch (error) {
    const { stderr, message } = error as { stderr?: string; message: string };
    throw new Error(`docker compose ${args.join(' ')} failed: ${stderr?.trim() || message}`);
  }
}

/** `docker ARGS`, for what compose does not cover (inspect, kill, events). */
export async function docker(args: string[], timeoutMs = 60_000): Promise<string> {
  try {
    const { stdout } = await run('docker', args, { timeout: timeoutMs, maxBuffer: 64 * 1024 * 1024 });
    return stdout;
  } catch (error) {
    const { stderr, message } = error as { stderr?: string; message: string };
    throw new Error(`docker ${args.join(' ')} failed: ${stderr?.trim() || message}`);
  }
}

/** One container's lifecycle or health event, as `docker events` reports it. */
export interface ContainerEvent {
  /** `start`, `kill`, `die` or `health_status: healthy` and the like. */
  action: string;
  /** `kill`: the signal's number; `die`: the exit code. */
  signal: string | undefined;
  exitCode: string | undefined;
  service: string;
  containerId: string;
  /** Milliseconds since the epoch. */
  timeMs: number;
}

/** Records the project's container start, health, kill and die events until `stop()`. */
export function recordEvents(project: string): { events: ContainerEvent[]; stop(): void } {
  const events: ContainerEvent[] = [];
  const child: ChildProcess = spawn(
    'docker',
    ['events', '--filter', `label=com.docker.compose.project=${project}`, '--filter', 'type=container',
      ...['start', 'health_status', 'kill', 'die'].flatMap((event) => ['--filter', `event=${event}`]), '--format', '{{json .}}'],
    { stdio: ['ignore', 'pipe', 'ignore'] },
  );
  createInterface({ input: child.stdout as NodeJS.ReadableStream }).on('line', (line) => {
    const event = JSON.parse(line) as { Action: string; id: string; timeNano: number | string; Actor: { Attributes: Record<string, string> } };
    const attributes = event.Actor.Attributes;
    events.push({
      action: event.Action,
      signal: attributes.signal,
      exitCode: attributes.exitCode,
      service: attributes['com.docker.compose.service'] ?? '',
      containerId: event.id,
      timeMs: Number(event.timeNano) / 1e6,
    });
  });
  return { events, stop: () => void child.kill() };
}
