import type { LineSink } from '@restaurant/service';

/** What a command needs from its process; only main.ts builds it from `process`. */
export interface CliIo {
  env: Record<string, string | undefined>;
  /** The Node.js binary, to start service processes with. */
  execPath: string;
  stdout: LineSink;
  stderr: LineSink;
  /** Registers the handler for SIGTERM and SIGINT. */
  onStopSignal(stop: () => void): void;
}

/** A subcommand: takes its own arguments, returns the exit code. */
export interface Command {
  summary: string;
  run(args: string[], io: CliIo): Promise<number>;
}
