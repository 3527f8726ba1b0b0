// Periodic maintenance (expired sessions, usage partitions and rollups) where pg_cron does not run it: `relaypg db setup`
// schedules api.run_maintenance with pg_cron when the extension is there and
// records it; otherwise every instance runs the same function on a timer, and
// the function's advisory lock lets one run at a time.
import type pg from 'pg';
import { preparedConnection, type Queryable } from '../db.js';
import type { Logger } from '../logger.js';
import { listScheduledJobs, runMaintenance } from './maintenance.queries.js';

export const MAINTENANCE_JOB = 'relaypg-maintenance';

export interface MaintenanceRun {
  ran: boolean;
  stickySessions: number;
  oauthSessions: number;
  /** Expired concurrency leases purged. */
  leases: number;
  partitionsCreated: number;
  partitionsDropped: number;
  eventsRolledUp: number;
}

export class Maintenance {
  private readonly db: Queryable;
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<unknown> | undefined;

  constructor(
    pool: pg.Pool,
    private readonly log: Logger,
  ) {
    this.db = preparedConnection(pool);
  }

  /** One run (also what `relaypg maintenance` calls). ran=false: another run held the lock. */
  async runOnce(): Promise<MaintenanceRun> {
    const [row] = await runMaintenance.run(undefined, this.db);
    return {
      ran: row!.ran,
      stickySessions: Number(row!.stickySessions),
      oauthSessions: Number(row!.oauthSessions),
      leases: Number(row!.leases),
      partitionsCreated: Number(row!.partitionsCreated),
      partitionsDropped: Number(row!.partitionsDropped),
      eventsRolledUp: Number(row!.eventsRolledUp),
    };
  }

  /** True when pg_cron runs maintenance for this database. */
  async scheduledByPgCron(): Promise<boolean> {
    const rows = await listScheduledJobs.run(undefined, this.db);
    return rows.some((row) => row.name === MAINTENANCE_JOB);
  }

  /**
   * Starts the fallback timer unless pg_cron runs the job (intervalSeconds 0
   * disables it). Returns whether the timer runs.
   */
  async startFallbackTimer(intervalSeconds: number): Promise<boolean> {
    await this.stop(); // at most one timer, whatever the callers do
    if (intervalSeconds <= 0) return false;
    if (await this.scheduledByPgCron()) {
      this.log.info('maintenance runs in pg_cron; no timer in the service');
      return false;
    }
    this.timer = setInterval(() => {
      if (this.running) return;
      this.running = this.runOnce()
        .then((run) => {
          if (run.ran && run.partitionsCreated + run.partitionsDropped > 0) this.log.info(run, 'maintenance changed usage partitions');
          if (run.ran && run.stickySessions + run.oauthSessions + run.leases > 0) this.log.debug(run, 'maintenance purged expired sessions');
        })
        .catch((error: Error) => this.log.warn({ err: { message: error.message } }, 'maintenance run failed; retrying on the next tick'))
        .finally(() => (this.running = undefined));
    }, intervalSeconds * 1000);
    this.timer.unref();
    this.log.info({ intervalSeconds }, 'pg_cron does not run maintenance here; the service runs it on a timer');
    return true;
  }

  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
    await this.running;
  }
}
