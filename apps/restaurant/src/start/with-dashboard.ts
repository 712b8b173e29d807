import { CONFIG_EXIT_CODE } from '@restaurant/service';
import type { CliIo } from '../cli-io.js';
import type { RedisTarget } from './redis-target.js';
import { startDashboard, type Dashboard } from '../dashboard/dashboard-server.js';
import { listenProblem } from '../dashboard/listen-problem.js';

/**
 * Runs `use` with the dashboard of the queue served beside it in this process (`npm start --
 * --dashboard`), on this machine only, its address printed on stderr; without a port, just `use`.
 * A port that cannot be listened on stops the run before it starts, with exit code 2.
 */
export async function withDashboard(
  port: number | undefined,
  where: { redis: RedisTarget; queue: string },
  io: CliIo,
  use: () => Promise<number>,
): Promise<number> {
  if (port === undefined) return use();
  let dashboard: Dashboard;
  try {
    dashboard = await startDashboard({
      redis: where.redis,
      host: '127.0.0.1',
      port,
      defaultQueue: where.queue,
      log: (line) => io.stderr.write(`restaurant: dashboard: ${line}\n`),
    });
  } catch (error) {
    const problem = listenProblem(error, { portFlag: '--dashboard-port', port, host: '127.0.0.1' });
    if (!problem) throw error;
    io.stderr.write(`${problem.message}\n`);
    return CONFIG_EXIT_CODE;
  }
  io.stderr.write(`restaurant: dashboard at ${dashboard.pageUrl(where.queue)}\n`);
  try {
    return await use();
  } finally {
    await dashboard.close();
  }
}
