import type { ProcessIo } from '@restaurant/service';

/** What a command needs from its process: main.ts builds it from `process`, a test fakes it. */
export type CliIo = ProcessIo;

/** A subcommand: takes its own arguments, returns the exit code. */
export interface Command {
  summary: string;
  run(args: string[], io: CliIo): Promise<number>;
}
