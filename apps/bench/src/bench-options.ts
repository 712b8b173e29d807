export interface BenchOptions {
  /** A short run: fewer items, no memory check. */
  quick: boolean;
  /** The rows as JSON on stdout; the human report goes to stderr. */
  json: boolean;
  help: boolean;
}

export const BENCH_USAGE = `Usage: npm run bench -- [--quick] [--json]

  --quick   a short run (fewer items, no 1M-item memory check)
  --json    print the result rows as JSON on stdout (the tables go to stderr)

Runs ours, BullMQ and redis-benchmark on a redis-server of its own, or on REDIS_URL when set.`;

export type ParsedOptions = { ok: true; options: BenchOptions } | { ok: false; problems: string[] };

export function parseBenchOptions(args: readonly string[]): ParsedOptions {
  const options: BenchOptions = { quick: false, json: false, help: false };
  const problems: string[] = [];
  for (const arg of args) {
    if (arg === '--quick') options.quick = true;
    else if (arg === '--json') options.json = true;
    else if (arg === '--help' || arg === '-h') options.help = true;
    else problems.push(`unknown option ${JSON.stringify(arg)} (allowed: --quick, --json, --help)`);
  }
  return problems.length > 0 ? { ok: false, problems } : { ok: true, options };
}
