import { freePort, useTestRedis } from '@restaurant/testing';
import { describe, expect, it } from 'vitest';
import { redisProblem } from './redis-problem.js';

describe('redisProblem', () => {
  const redis = useTestRedis();

  it('says where it found no Redis, with the password masked', async () => {
    const port = await freePort();
    const problem = await redisProblem(`redis://bench:s3cret@127.0.0.1:${port}`);
    expect(problem).toMatch(new RegExp(`^no Redis answering at redis://\\*\\*\\*:\\*\\*\\*@127\\.0\\.0\\.1:${port}: .*ECONNREFUSED`));
    expect(problem).not.toContain('s3cret');
  });

  it('is null for a Redis that answers', async () => {
    expect(await redisProblem(redis.url)).toBeNull();
  });
});
