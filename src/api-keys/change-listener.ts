// LISTENs on relaypg_api_key_changed (NOTIFY from the api_keys triggers,
// delivered on commit) and drops the changed key's cached decisions. A lost
// connection is re-opened; whatever was announced meanwhile is unknown, so
// every cached decision is dropped, in process and in Redis.
import pg from 'pg';
import type { Logger } from '../logger.js';
import type { AuthCache } from './auth-cache.js';

export const API_KEY_CHANGED_CHANNEL = 'relaypg_api_key_changed';

/**
 * A LISTEN connection can die silently (a failover, a NAT dropping it): it is
 * probed this often, and a probe that fails or hangs reopens it.
 */
const HEARTBEAT_MS = 5_000;

export class ChangeListener {
  private client: pg.Client | undefined;
  private stopped = false;
  private retryTimer: NodeJS.Timeout | undefined;
  private heartbeat: NodeJS.Timeout | undefined;
  private readyResolve: (() => void) | undefined;
  /** Resolves once LISTEN is active (first connection). */
  readonly ready: Promise<void>;

  constructor(
    private readonly connectionString: string,
    private readonly cache: AuthCache,
    private readonly log: Logger,
  ) {
    this.ready = new Promise((resolve) => (this.readyResolve = resolve));
  }

  start(): void {
    void this.connect(0);
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.retryTimer) clearTimeout(this.retryTimer);
    if (this.heartbeat) clearInterval(this.heartbeat);
    await this.client?.end().catch(() => undefined);
  }

  private async connect(attempt: number): Promise<void> {
    if (this.stopped) return;
    const client = new pg.Client({
      connectionString: this.connectionString,
      application_name: 'relaypg-listener',
      keepAlive: true,
      query_timeout: HEARTBEAT_MS,
    });
    client.on('notification', (message) => this.onNotification(message.payload));
    client.on('error', () => undefined);
    client.on('end', () => {
      if (this.stopped || this.client !== client) return;
      this.log.warn('lost the cache invalidation listener; reconnecting');
      this.cache.clearLocal();
      this.scheduleReconnect(1);
    });
    try {
      await client.connect();
      await client.query(`listen ${API_KEY_CHANGED_CHANNEL}`);
      this.client = client;
      // Changes announced while we were away were missed: trust no cached decision.
      if (attempt > 0) void this.cache.forgetEverything();
      this.startHeartbeat(client);
      this.readyResolve?.();
    } catch (error) {
      await client.end().catch(() => undefined);
      this.log.warn({ err: { message: (error as Error).message } }, 'cache invalidation listener could not connect; retrying');
      this.scheduleReconnect(attempt + 1);
    }
  }

  private startHeartbeat(client: pg.Client): void {
    if (this.heartbeat) clearInterval(this.heartbeat);
    this.heartbeat = setInterval(() => {
      client.query('select 1').catch(() => {
        // Ending the client fires 'end', which clears the cache and reconnects.
        this.log.warn('cache invalidation listener stopped answering; reopening it');
        void client.end().catch(() => undefined);
      });
    }, HEARTBEAT_MS);
    this.heartbeat.unref();
  }

  private scheduleReconnect(attempt: number): void {
    if (this.stopped) return;
    this.retryTimer = setTimeout(() => void this.connect(attempt), Math.min(attempt * 250, 5_000));
    this.retryTimer.unref();
  }

  private onNotification(payload: string | undefined): void {
    try {
      const { id, version } = JSON.parse(payload ?? '') as { id: string; version: number };
      void this.cache.invalidate(id, Number(version));
    } catch {
      this.log.warn('unreadable cache invalidation notice; dropping every cached decision');
      void this.cache.forgetEverything();
    }
  }
}
