// The CRS importer's usage domain: CRS keeps aggregates (usage:*,
// account_usage:*), not events; each key is handed to api.import_crs_usage,
// which adds it to the ledger and rollups as a labelled baseline (costs as
// CRS recorded them) and keeps its keys' events from before the cut-off out.
// system:metrics:minute:* (a leak in CRS, spec 1.9) is not imported.
import type { Redis } from 'ioredis';
import type { Queryable } from '../db.js';
import { scanKeys, type Action } from './crs-accounts.js';
import { importCrsUsage } from './crs-import.queries.js';

export interface UsageKeys {
  /** usage:* and account_usage:* keys of a type CRS writes (hash, or a string for costs). */
  keys: { redisKey: string; type: 'hash' | 'string' }[];
  ignored: { redisKey: string; reason: string }[];
  /** How many system:metrics:minute:* keys were left out. */
  minuteMetrics: number;
}

export async function findUsageKeys(redis: Redis): Promise<UsageKeys> {
  const names = [...(await scanKeys(redis, 'usage:*')), ...(await scanKeys(redis, 'account_usage:*'))];
  const result: UsageKeys = { keys: [], ignored: [], minuteMetrics: (await scanKeys(redis, 'system:metrics:minute:*')).length };
  for (let i = 0; i < names.length; i += 500) {
    const slice = names.slice(i, i + 500);
    const types = await slice.reduce((pipe, key) => pipe.type(key), redis.pipeline()).exec();
    slice.forEach((redisKey, j) => {
      const type = types![j]![1] as string;
      if (type === 'hash' || type === 'string') result.keys.push({ redisKey, type });
      else if (type !== 'none') result.ignored.push({ redisKey, reason: `expected a hash or a string, found ${type}` });
    });
  }
  return result;
}

/**
 * Reads the keys in pipelines of 500 and imports each through `importOne` (a
 * savepoint per key); each 500 run inside `inTransaction`.
 */
export async function importUsageDomain(
  redis: Redis,
  db: Queryable,
  found: UsageKeys,
  cutOff: Date,
  importOne: (redisKey: string, run: () => Promise<Action>) => Promise<void>,
  onProgress: (done: number, total: number) => void,
  inTransaction: (batch: () => Promise<void>) => Promise<void>,
): Promise<void> {
  const { keys } = found;
  for (let i = 0; i < keys.length; i += 500) {
    const slice = keys.slice(i, i + 500);
    const values = await slice.reduce((pipe, key) => (key.type === 'hash' ? pipe.hgetall(key.redisKey) : pipe.get(key.redisKey)), redis.pipeline()).exec();
    await inTransaction(async () => {
      for (const [j, key] of slice.entries()) {
        const [error, raw] = values![j]!;
        await importOne(key.redisKey, async () => {
          if (error || raw === null) throw Object.assign(new Error(`${key.redisKey} vanished while reading`), { code: 'IMBAD' });
          const value = key.type === 'hash' ? (raw as Record<string, string>) : { value: raw as string };
          const [row] = await importCrsUsage.run({ redisKey: key.redisKey, value, cutOff }, db);
          return row!.action as Action;
        });
        onProgress(i + j + 1, keys.length);
      }
    });
  }
}
