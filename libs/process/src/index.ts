export { freePort } from './free-port.js';
export { pingRedis } from './ping-redis.js';
export {
  clientTls,
  NoRedisServerError,
  startRedisServer,
  type RedisServerProcess,
  type RedisServerTls,
  type StartRedisServerOptions,
} from './redis-server-process.js';
export { childExit, stopChild, type ChildExit, type StopChildOptions } from './stop-child.js';
