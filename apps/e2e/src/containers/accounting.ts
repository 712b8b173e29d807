import type { Accounting } from '@restaurant/queue';
import type { ComposeStack } from './compose-stack.js';

/**
 * `report --json` of the stack's queue, run in a cook's container (the image carries the
 * command line), so it reads the stack's Redis over the compose network as a user would.
 */
export async function stackAccounting(stack: ComposeStack): Promise<Accounting> {
  const output = await stack.compose(['exec', '-T', 'producer', 'node', 'apps/restaurant/dist/main.js', 'report', '--json']);
  const { accounting } = JSON.parse(output) as { accounting: Accounting };
  return accounting;
}
