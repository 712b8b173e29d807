import type { Measurement } from './bench-row.js';

/**
 * The items/s at which a row's CPU per item, Redis's and the workers' together, would keep every
 * core of the machine busy: the most the row could reach if nothing else ran and no process ever
 * waited for another. A row far below it waits (round trips, the scheduler); a row near it can
 * only go faster by spending less CPU per item. null where a CPU figure is missing (the ceiling).
 */
export function itemsPerSecAtFullCpu(
  { redisCpuUsPerItem, clientCpuUsPerItem }: Pick<Measurement, 'redisCpuUsPerItem' | 'clientCpuUsPerItem'>,
  cores: number,
): number | null {
  if (redisCpuUsPerItem === null || clientCpuUsPerItem === null) return null;
  const cpuUsPerItem = redisCpuUsPerItem + clientCpuUsPerItem;
  return cpuUsPerItem > 0 ? (cores * 1e6) / cpuUsPerItem : null;
}
