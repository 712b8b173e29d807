import { CONFIG_EXIT_CODE, ConfigError, flagHelp, parseFlags, type FlagSpec, type ParsedFlags } from '@restaurant/service';
import type { CliIo, Command } from '../cli-io.js';

export interface CommandDefinition<Plan> {
  summary: string;
  /** The help text above the list of options (which is generated from `flags`). */
  usage: string;
  flags: FlagSpec;
  /** Flags to a plan; throws one ConfigError that lists every problem. */
  plan(flags: ParsedFlags, io: CliIo): Plan;
  execute(plan: Plan, io: CliIo): Promise<number>;
}

/**
 * A subcommand with what every command does the same way: `--help`, and a bad flag or value
 * stopping it before anything runs, with every problem listed and exit code 2.
 */
export function defineCommand<Plan>(definition: CommandDefinition<Plan>): Command {
  const flags: FlagSpec = { ...definition.flags, switches: { ...definition.flags.switches, help: 'show this help' } };
  return {
    summary: definition.summary,
    async run(args, io) {
      let plan: Plan;
      try {
        const parsed = parseFlags(args, flags);
        if (parsed.switches.has('help')) {
          io.stdout.write(`${definition.usage.trimEnd()}\n\nOptions:\n${flagHelp(flags)}\n`);
          return 0;
        }
        plan = definition.plan(parsed, io);
      } catch (error) {
        if (!(error instanceof ConfigError)) throw error;
        io.stderr.write(`${error.message}\n`);
        return CONFIG_EXIT_CODE;
      }
      return definition.execute(plan, io);
    },
  };
}
