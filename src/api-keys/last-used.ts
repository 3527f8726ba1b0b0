// "Last used" without a write per request: uses are collected in memory and
// flushed in one batched call (api.record_api_key_uses) every interval.
import type { Logger } from '../logger.js';
import type { Queryable } from '../db.js';
import { recordApiKeyUses } from './api-keys.queries.js';

export class LastUsedTracker {
  private pending = new Map<string, number>();
  private timer: NodeJS.Timeout | undefined;
  private flushing: Promise<void> = Promise.resolve();

  constructor(
    private readonly db: Queryable,
    private readonly intervalMs: number,
    private readonly log: Logger,
  ) {}

  start(): void {
    this.timer ??= setInterval(() => void this.flush(), this.intervalMs);
    this.timer.unref();
  }

  record(keyId: string, at: number): void {
    const previous = this.pending.get(keyId);
    if (previous === undefined || previous < at) this.pending.set(keyId, at);
  }

  /** Writes the collected uses; on failure they are kept for the next flush. */
  flush(): Promise<void> {
    this.flushing = this.flushing.then(() => this.flushOnce());
    return this.flushing;
  }

  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
    await this.flush();
  }

  private async flushOnce(): Promise<void> {
    if (this.pending.size === 0) return;
    const batch = this.pending;
    this.pending = new Map();
    const ids = [...batch.keys()].sort();
    try {
      await recordApiKeyUses.run({ keyIds: ids, usedAt: ids.map((id) => new Date(batch.get(id)!)) }, this.db);
    } catch (error) {
      for (const [id, at] of batch) this.record(id, at);
      this.log.warn({ err: { message: (error as Error).message }, keys: batch.size }, 'could not record key uses; will retry');
    }
  }
}
