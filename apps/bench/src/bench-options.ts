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
}

export const BENCH_USAGE = `Usage: npm run bench -- [--quick] [--json] [--only <parts>] [--items <n>]

  --quick          a short run (fewer items, no 1M-item memory check)
  --json           print the result rows as JSON on stdout (the tables go to stderr)
  --only <parts>   run only these parts, comma-separated: ${BENCH_PARTS.join(', ')}
                   (ours unbatched, ours with blocking takes, ours batched, BullMQ, the
                   redis-benchmark ceiling, the 1M-item memory check)
  --items <n>      items per row (default 100,000; 20,000 with --quick)

Runs ours, BullMQ and redis-benchmark on a redis-server of its own, or on REDIS_URL when set.
Targets whose rows a run leaves out are shown as not measured.`;

export type ParsedOptions = { ok: true; options: BenchOptions } | { ok: false; problems: string[] };

const MAX_ITEMS = 100_000_000;

export function parseBenchOptions(args: readonly string[]): ParsedOptions {
  const options: BenchOptions = { quick: false, json: false, help: false, only: null, items: null };
  const problems: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const [flag, inlineValue] = splitFlag(args[i]);
    const value = (): string | undefined => inlineValue ?? (args[i + 1]?.startsWith('--') ? undefined : args[++i]);
    if (flag === '--quick') options.quick = true;
    else if (flag === '--json') options.json = true;
    else if (flag === '--help' || flag === '-h') options.help = true;
    else if (flag === '--only') options.only = parseParts(value(), problems);
    else if (flag === '--items') options.items = parseItems(value(), problems);
    else problems.push(`unknown option ${JSON.stringify(args[i])} (allowed: --quick, --json, --only, --items, --help)`);
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

function parseItems(text: string | undefined, problems: string[]): number | null {
  const items = Number(text);
  if (text === undefined || !/^\d+$/.test(text) || items < 1 || items > MAX_ITEMS) {
    problems.push(`--items=${JSON.stringify(text ?? '')}: must be a whole number from 1 to ${MAX_ITEMS}`);
    return null;
  }
  return items;
}
