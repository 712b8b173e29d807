import { Cluster } from 'ioredis';
import { describe, expect, it } from 'vitest';
import { startRedisCluster } from './redis-cluster.js';

describe('startRedisCluster', () => {
  it('makes a cluster of three masters with a replica each, which a cluster client uses', async () => {
    const cluster = await startRedisCluster();
    const client = new Cluster(cluster.seedList.split(',').map((address) => ({ host: '127.0.0.1', port: Number(address.split(':')[1]) })));
    try {
      expect(cluster.nodes).toHaveLength(6);
      expect(await cluster.masterPorts()).toHaveLength(3);
      await client.set('{a}:x', '1');
      expect(await client.get('{a}:x')).toBe('1');
    } finally {
      client.disconnect();
      await cluster.stop();
    }
  }, 60_000);
});
