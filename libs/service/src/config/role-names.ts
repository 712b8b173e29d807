/**
 * The names actors log under, as the original: `producer` alone when there is one cook,
 * otherwise `producer_1`..`producer_N`; customers are always `consumer_1`..`consumer_N`.
 */
export function producerRoles(count: number): string[] {
  return count === 1 ? ['producer'] : numbered('producer', count);
}

export function consumerRoles(count: number): string[] {
  return numbered('consumer', count);
}

function numbered(prefix: string, count: number): string[] {
  return Array.from({ length: count }, (_, i) => `${prefix}_${i + 1}`);
}
