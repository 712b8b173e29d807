/** The parts of a run that `--only` can pick. */
export const BENCH_PARTS = ['unbatched', 'blocking', 'batched', 'bullmq', 'ceiling', 'memory'] as const;
export type BenchPart = (typeof BENCH_PARTS)[number];

export interface BenchOptions {
  /** A short run: fewer items, no memory check. */
  quick: boolean;
  /** The rows as JSON on stdout; the human report goes to stderr. */
  json: boolean;
  help: boolean;
  /** Only these parts of the run; null for all of them. */
  only: BenchPart[] | null;
  /** Items per row instead of the default (the memory check keeps its own counts). */
  items: number | null;
  /** How many times the whole run is made, back to back, each judged on its own. */
  rounds: number;
}

export const BENCH_USAGE = `Usage: npm run bench -- [--quick] [--json] [--only <parts>] [--items <n>] [--rounds <n>]

  --quick          a short run (fewer items, no 1M-item memory check)
  --json           print the result rows as JSON on stdout (the tables go to stderr)
  --only <parts>   run only these parts, comma-separated: ${BENCH_PARTS.join(', ')}
                   (ours unbatched, ours with blocking takes, ours batched, BullMQ, the
                   redis-benchmark ceiling, the 1M-item memory check)
  --items <n>      items per row (default 100,000; 20,000 with --quick)
  --rounds <n>     make the run n times back to back (default 1): every round is judged on
                   its own, then a table shows each target in every round and in how many it
                   was met (on a noisy machine one round is one sample)

Runs ours, BullMQ and redis-benchmark on a redis-server of its own, or on REDIS_URL when set.
Targets whose rows a run leaves out are shown as not measured. Before each round, a busy loop on
every core (5 s; 2 s with --quick) counts the machine's own stalls, to read the latencies against.`;

export type ParsedOptions = { ok: true; options: BenchOptions } | { ok: false; problems: string[] };

const MAX_ITEMS = 100_000_000;
const MAX_ROUNDS = 50;

export function parseBenchOptions(args: readonly string[]): ParsedOptions {
  const options: BenchOptions = { quick: false, json: false, help: false, only: null, items: null, rounds: 1 };
  const problems: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const [flag, inlineValue] = splitFlag(args[i]);
    const value = (): string | undefined => inlineValue ?? (args[i + 1]?.startsWith('--') ? undefined : args[++i]);
    if (flag === '--quick') options.quick = true;
    else if (flag === '--json') options.json = true;
    else if (flag === '--help' || flag === '-h') options.help = true;
    else if (flag === '--only') options.only = parseParts(value(), problems);
    else if (flag === '--items') options.items = parseWhole('--items', value(), MAX_ITEMS, problems);
    else if (flag === '--rounds') options.rounds = parseWhole('--rounds', value(), MAX_ROUNDS, problems) ?? 1;
    else problems.push(`unknown option ${JSON.stringify(args[i])} (allowed: --quick, --json, --only, --items, --rounds, --help)`);
  }
  return problems.length > 0 ? { ok: false, problems } : { ok: true, options };
}

function splitFlag(arg: string): [string, string | undefined] {
  const at = arg.indexOf('=');
  return arg.startsWith('--') && at > 0 ? [arg.slice(0, at), arg.slice(at + 1)] : [arg, undefined];
}

function parseParts(text: string | undefined, problems: string[]): BenchPart[] | null {
  const parts = (text ?? '').split(',').filter((part) => part !== '');
  const unknown = parts.filter((part) => !(BENCH_PARTS as readonly string[]).includes(part));
  if (parts.length === 0 || unknown.length > 0) {
    const what = parts.length === 0 ? 'needs a value' : `has unknown parts ${unknown.map((part) => JSON.stringify(part)).join(', ')}`;
    problems.push(`--only ${what} (choose from: ${BENCH_PARTS.join(', ')})`);
    return null;
  }
  return [...new Set(parts as BenchPart[])];
}

function parseWhole(flag: string, text: string | undefined, max: number, problems: string[]): number | null {
  const value = Number(text);
  if (text === undefined || !/^\d+$/.test(text) || value < 1 || value > max) {
    problems.push(`${flag}=${JSON.stringify(text ?? '')}: must be a whole number from 1 to ${max}`);
    return null;
  }
  return value;
}
