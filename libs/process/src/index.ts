export { pingRedis } from './ping-redis.js';
export { freePort, NoRedisServerError, startRedisServer, type RedisServerProcess } from './redis-server-process.js';
