// Maintenance against real PostgreSQL: one run purges expired sticky sessions
// and OAuth authorisations under an advisory lock; the service's fallback
// timer runs only where pg_cron does not (relaypg.scheduled_jobs).
import { randomUUID } from 'node:crypto';
import { pino } from 'pino';
import { describe, expect, it } from 'vitest';
import { Maintenance } from '../src/maintenance/maintenance.js';
import { useTestApp } from './support/app.js';
import { withRootPool } from './support/http.js';
import { waitFor } from './support/wait.js';

// No timer in the file's app: only the runs a test starts may purge.
const testApp = useTestApp({ env: { MAINTENANCE_INTERVAL_SECONDS: '0' } });

/** A logger whose lines the test can read. */
function capturingLogger() {
  const lines: { level: number; msg: string }[] = [];
  const log = pino({ level: 'debug' }, { write: (line: string) => void lines.push(JSON.parse(line)) });
  return { log, messages: () => lines.map((line) => line.msg) };
}

const root = <T>(run: (pool: Parameters<Parameters<typeof withRootPool>[1]>[0]) => Promise<T>) => withRootPool(testApp.database, run);

/** Inserts a sticky session for an account, expired or live, as the superuser; returns its hash. */
async function stickySession(accountId: string, expired: boolean): Promise<string> {
  const hash = `maint-${randomUUID()}`;
  await root((pool) =>
    pool.query(
      `insert into relaypg.sticky_sessions (platform, session_hash, account_id, created_at, expires_at)
       values ('claude', $1, $2, now() - interval '2 hours', now() + case when $3 then interval '-1 minute' else interval '1 hour' end)`,
      [hash, accountId, expired],
    ),
  );
  return hash;
}

const stickyExists = (hash: string) =>
  root(async (pool) => (await pool.query('select 1 from relaypg.sticky_sessions where session_hash = $1', [hash])).rowCount === 1);

async function anAccount(): Promise<string> {
  return (await testApp.app.accounts.create({ kind: 'claude-official', name: `maint-${randomUUID().slice(0, 8)}` })).id;
}

describe('runOnce', () => {
  it('purges expired sticky sessions and OAuth authorisations, keeps live ones, and returns the counts', async () => {
    const { app } = testApp;
    const accountId = await anAccount();
    const expired = [await stickySession(accountId, true), await stickySession(accountId, true), await stickySession(accountId, true)];
    const live = await stickySession(accountId, false);
    const staleOauth = await app.oauthSessions.start({ platform: 'claude' });
    const liveOauth = await app.oauthSessions.start({ platform: 'claude' });
    await root((pool) => pool.query(`update relaypg.oauth_sessions set expires_at = now() - interval '1 second' where id = $1`, [staleOauth.id]));

    expect(await app.maintenance.runOnce()).toMatchObject({ ran: true, stickySessions: 3, oauthSessions: 1, leases: 0, partitionsDropped: 0 });
    for (const hash of expired) expect(await stickyExists(hash)).toBe(false);
    expect(await stickyExists(live)).toBe(true);
    expect((await app.oauthSessions.take(liveOauth.id)).id).toBe(liveOauth.id);
    // Nothing left to purge.
    expect(await app.maintenance.runOnce()).toMatchObject({ ran: true, stickySessions: 0, oauthSessions: 0, leases: 0 });
  });

  it('does nothing (ran: false) while another run holds the lock', async () => {
    const { app } = testApp;
    const expired = await stickySession(await anAccount(), true);
    await root(async (pool) => {
      const client = await pool.connect();
      try {
        await client.query('begin');
        await client.query(`select pg_advisory_xact_lock(hashtext('relaypg.run_maintenance'))`);
        expect(await app.maintenance.runOnce()).toEqual({
          ran: false, stickySessions: 0, oauthSessions: 0, leases: 0, partitionsCreated: 0, partitionsDropped: 0, eventsRolledUp: 0,
        });
        await client.query('commit');
      } finally {
        client.release();
      }
    });
    expect(await stickyExists(expired)).toBe(true);
    expect(await app.maintenance.runOnce()).toMatchObject({ ran: true, stickySessions: 1, oauthSessions: 0, leases: 0 });
  });
});

describe('pg_cron or the fallback timer', () => {
  it('is not scheduled by pg_cron on a test database; a recorded job counts only for its own database', async () => {
    const { app } = testApp;
    const { log, messages } = capturingLogger();
    const maintenance = new Maintenance(app.pool, log);
    try {
      expect(await app.maintenance.scheduledByPgCron()).toBe(false);
      // A row copied from another database (CREATE DATABASE ... TEMPLATE) is not this database's job.
      await root((pool) => pool.query(`insert into relaypg.scheduled_jobs (name, database_name, schedule) values ('relaypg-maintenance', 'some_other_database', '* * * * *')`));
      expect(await app.maintenance.scheduledByPgCron()).toBe(false);

      await root((pool) => pool.query(`select relaypg.record_scheduled_job('relaypg-maintenance', '* * * * *')`));
      expect(await app.maintenance.scheduledByPgCron()).toBe(true);
      expect(await maintenance.startFallbackTimer(1)).toBe(false);
      expect(messages()).toEqual(['maintenance runs in pg_cron; no timer in the service']);
    } finally {
      await maintenance.stop();
      await root((pool) => pool.query(`select relaypg.forget_scheduled_job('relaypg-maintenance')`));
    }
    expect(await app.maintenance.scheduledByPgCron()).toBe(false);
  });

  it('runs the timer where pg_cron does not: it purges expired sessions, and stop() stops it', async () => {
    const { app } = testApp;
    const { log, messages } = capturingLogger();
    const maintenance = new Maintenance(app.pool, log);
    try {
      expect(await maintenance.startFallbackTimer(0)).toBe(false); // 0 disables it
      expect(messages()).toEqual([]);
      expect(await maintenance.startFallbackTimer(1)).toBe(true);
      expect(messages()).toEqual(['pg_cron does not run maintenance here; the service runs it on a timer']);

      const accountId = await anAccount();
      const expired = await stickySession(accountId, true);
      const live = await stickySession(accountId, false);
      await waitFor(async () => !(await stickyExists(expired)), 5_000, 'the timer to purge the expired session');
      expect(await stickyExists(live)).toBe(true);
      await waitFor(() => messages().includes('maintenance purged expired sessions'), 2_000, 'the purge to be logged');
    } finally {
      await maintenance.stop();
    }
    // Stopped: an expired session outlives two more intervals.
    const leftover = await stickySession(await anAccount(), true);
    await new Promise((resolve) => setTimeout(resolve, 2_500));
    expect(await stickyExists(leftover)).toBe(true);
    await maintenance.stop(); // a second stop is harmless
  });
});
