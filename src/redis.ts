// Redis is a cache here, never a source of truth: commands fail fast when it
// is down or slow, and callers fall back to PostgreSQL.
import { Redis } from 'ioredis';
import type { Logger } from './logger.js';

export function createRedis(url: string, commandTimeoutMs: number, log: Logger): Redis {
  const redis = new Redis(url, {
    lazyConnect: true,
    enableOfflineQueue: false, // a down Redis rejects at once instead of queueing
    maxRetriesPerRequest: 0,
    commandTimeout: commandTimeoutMs,
    connectTimeout: 2_000,
    retryStrategy: (attempt) => Math.min(attempt * 200, 2_000), // reconnect forever
    reconnectOnError: () => false,
    // Concurrent requests' commands share one write (and one read) per event-loop tick.
    enableAutoPipelining: true,
  });
  let down = false;
  redis.on('error', (error: Error) => {
    if (!down) log.warn({ err: { message: error.message } }, 'redis unavailable; serving from PostgreSQL');
    down = true;
  });
  redis.on('ready', () => {
    if (down) log.info('redis is back');
    down = false;
  });
  redis.connect().catch(() => undefined); // the error handler above reports it
  return redis;
}
