// One LISTEN connection for every change channel (NOTIFY from the tables'
// triggers, delivered on commit: relaypg_api_key_changed, relaypg_account_changed).
// Each subscriber drops what it holds for a changed row. A lost connection is
// re-opened; whatever was announced meanwhile is unknown, so subscribers drop
// everything they hold.
import pg from 'pg';
import type { Logger } from './logger.js';

/** Something that holds data derived from rows announced on one channel. */
export interface ChangeSubscriber {
  readonly channel: string;
  /** A row changed (version = its new version): drop what is held for it. */
  changed(id: string, version: number): void;
  /**
   * Notices may have been missed: 'lost' while the connection is down,
   * 'reconnected' once it is back, 'unreadable' for a notice that made no sense.
   */
  forgetAll(reason: 'lost' | 'reconnected' | 'unreadable'): void;
}

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
    private readonly subscribers: readonly ChangeSubscriber[],
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
    client.on('notification', (message) => this.onNotification(message.channel, message.payload));
    client.on('error', () => undefined);
    client.on('end', () => {
      if (this.stopped || this.client !== client) return;
      this.log.warn('lost the cache invalidation listener; reconnecting');
      for (const subscriber of this.subscribers) subscriber.forgetAll('lost');
      this.scheduleReconnect(1);
    });
    try {
      await client.connect();
      for (const channel of new Set(this.subscribers.map((s) => s.channel))) {
        await client.query(`listen ${pg.escapeIdentifier(channel)}`);
      }
      this.client = client;
      // Changes announced while we were away were missed: trust nothing held.
      if (attempt > 0) for (const subscriber of this.subscribers) subscriber.forgetAll('reconnected');
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

  private onNotification(channel: string, payload: string | undefined): void {
    const subscribers = this.subscribers.filter((s) => s.channel === channel);
    let notice: { id: string; version: number };
    try {
      notice = JSON.parse(payload ?? '') as { id: string; version: number };
      if (typeof notice.id !== 'string') throw new Error('no id');
    } catch {
      this.log.warn({ channel }, 'unreadable change notice; dropping everything held for that channel');
      for (const subscriber of subscribers) subscriber.forgetAll('unreadable');
      return;
    }
    for (const subscriber of subscribers) subscriber.changed(notice.id, Number(notice.version));
  }
}
