import { flagHelp, flagOptions, objectSchema, parseFlags, parseFlagValues, settings, withDefaults, type FlagSpec, type OptionSpecs } from '@restaurant/service';
import { z } from 'zod';

/** The parts of a run that `--only` can pick. */
export const BENCH_PARTS = ['unbatched', 'batched', 'metrics', 'bullmq', 'ceiling'] as const;
export type BenchPart = (typeof BENCH_PARTS)[number];

export interface BenchOptions {
  /** A short run: fewer items per row. */
  quick: boolean;
  /** The rows as JSON on stdout; the human report goes to stderr. */
  json: boolean;
  /** Also the CPU per item, the Redis commands and the workers' GC pauses of every row. */
  diagnostics: boolean;
  help: boolean;
  /** Only these parts of the run; null for all of them. */
  only: BenchPart[] | null;
  /** Items per row instead of the default. */
  items: number | null;
}

const parts = z.string().transform((text, context) => {
  const picked = [...new Set(text.split(',').filter((part) => part !== ''))];
  if (picked.length === 0 || picked.some((part) => !(BENCH_PARTS as readonly string[]).includes(part))) {
    context.addIssue({ code: 'custom', message: `must be parts of: ${BENCH_PARTS.join(', ')}, comma-separated` });
  }
  return picked as BenchPart[];
});

const BENCH_OPTIONS = {
  only: { schema: parts.optional(), defaultText: 'all', describe: `run only these parts, comma-separated: ${BENCH_PARTS.join(', ')}` },
  items: { schema: settings.wholeNumber(1, 100_000_000).optional(), defaultText: '100000, 20000 with --quick', describe: 'items per row; our batch-100 rows move ten times as many' },
} satisfies OptionSpecs;

const BENCH_FLAGS: FlagSpec = {
  options: flagOptions(BENCH_OPTIONS),
  switches: {
    quick: 'a short run, a fifth of the items',
    json: 'print the rows as JSON on stdout (the report goes to stderr)',
    diagnostics: 'also show per row the p99 with the warm-up, CPU per item and where Redis time goes',
    help: 'show this help',
  },
};

export const BENCH_USAGE = `Usage: npm run bench -- [options]

Runs our queue (one item per round trip, batches of 10 and 100, and with the service metrics on)
beside BullMQ at the same producers/consumers and beside redis-benchmark's end-to-end ceiling, on
a redis-server of its own (or REDIS_URL when set), and judges each target as a ratio in this run:
ours unbatched 1/1 p99 <= 1/3 of BullMQ add's; ours unbatched >= 1.5x BullMQ add at 1/1, 2/4, 8/8;
ours batched 100 >= 10x BullMQ's best and >= 50% of the ceiling at depth 100; metrics on >= 0.95x off.

${flagHelp(BENCH_FLAGS)}`;

/** The options, or throws a ConfigError listing every bad flag. */
export function parseBenchOptions(args: string[]): BenchOptions {
  const flags = parseFlags(args, BENCH_FLAGS);
  const values = parseFlagValues(objectSchema(BENCH_OPTIONS), withDefaults(BENCH_OPTIONS, flags.values), flags);
  const on = (name: string): boolean => flags.switches.has(name);
  return { quick: on('quick'), json: on('json'), diagnostics: on('diagnostics'), help: on('help'), only: values.only ?? null, items: values.items ?? null };
}
