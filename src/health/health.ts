// Health: PostgreSQL answers and is at the newest committed migration, Redis answers.
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import type pg from 'pg';
import type { Redis } from 'ioredis';
import { preparedConnection, type Queryable } from '../db.js';
import type { Logger } from '../logger.js';
import { getMigrationStatus } from './health.queries.js';

export interface HealthReport {
  status: 'ok' | 'degraded' | 'down';
  postgres: { ok: boolean; error?: string };
  redis: { ok: boolean; error?: string };
  migrations: { ok: boolean; expected: string | null; applied: string | null };
}

/** The newest committed migration shipped with this build: its file name and hash header. */
export async function latestCommittedMigration(dir: string): Promise<{ filename: string; hash: string } | null> {
  const files = (await readdir(dir)).filter((f) => /^\d+.*\.sql$/.test(f)).sort();
  const file = files.at(-1);
  if (file === undefined) return null;
  const text = await readFile(path.join(dir, file), 'utf8');
  const hash = /^--! Hash: (\S+)/m.exec(text)?.[1];
  if (hash === undefined) throw new Error(`${file} has no "--! Hash:" header`);
  // graphile-migrate records "000002.sql" for "000002-accounts.sql" (the message is not part of the name).
  return { filename: file.replace(/^(\d+)-[^/]*\.sql$/, '$1.sql'), hash };
}

export class HealthService {
  private readonly db: Queryable;

  constructor(
    pool: pg.Pool,
    private readonly redis: Redis | null,
    private readonly expected: { filename: string; hash: string } | null,
    private readonly log: Logger,
  ) {
    this.db = preparedConnection(pool);
  }

  async check(): Promise<HealthReport> {
    const [postgres, redis] = await Promise.all([this.checkPostgres(), this.checkRedis()]);
    const migrations = {
      ok: postgres.ok && postgres.applied?.hash === this.expected?.hash,
      expected: this.expected?.filename ?? null,
      applied: postgres.applied?.filename ?? null,
    };
    // Without Redis the service still serves (from PostgreSQL): degraded, not down.
    const status = !postgres.ok || !migrations.ok ? 'down' : redis.ok ? 'ok' : 'degraded';
    return { status, postgres: { ok: postgres.ok, ...(postgres.error ? { error: postgres.error } : {}) }, redis, migrations };
  }

  private async checkPostgres(): Promise<{ ok: boolean; error?: string; applied?: { filename: string; hash: string } }> {
    try {
      const [applied] = await getMigrationStatus.run(undefined, this.db);
      return { ok: true, ...(applied ? { applied } : {}) };
    } catch (error) {
      // /health is public: the driver's text (hosts, database names) goes to the log only.
      this.log.warn({ err: { message: (error as Error).message } }, 'health: PostgreSQL check failed');
      return { ok: false, error: 'unreachable' };
    }
  }

  private async checkRedis(): Promise<{ ok: boolean; error?: string }> {
    if (this.redis === null) return { ok: false, error: 'not configured' };
    try {
      await this.redis.ping();
      return { ok: true };
    } catch (error) {
      this.log.warn({ err: { message: (error as Error).message } }, 'health: Redis check failed');
      return { ok: false, error: 'unreachable' };
    }
  }
}
