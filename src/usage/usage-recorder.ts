// The relay's per-request recording path: record(event) resolves once the
// event is committed, and concurrent requests share one api.record_usage call
// (group commit). While a flush is in flight, new events wait in a bounded
// buffer and leave together in the next call, so that under load a call
// carries many events and at low load an event leaves at once.
//
// Promise: an event counts as recorded only when record() resolves (its
// transaction committed). Until then it lives in this process's memory; the
// caller has not been told it is recorded. Nothing is dropped silently:
// anything refused or given up is rejected to its caller, counted in
// relaypg_usage_events_not_recorded_total{reason} and logged (without secrets).
import { Counter, Gauge, Histogram, type Registry } from 'prom-client';
import { AppError, isDatabaseUnavailable, serviceErrors } from '../errors.js';
import type { Logger } from '../logger.js';
import { MAX_BATCH, prepareUsageEvent, type PreparedUsageEvent, type RecordResult, type UsageEvent } from './usage.js';

export interface UsageRecorderOptions {
  /** Most events one call carries (at most MAX_BATCH). */
  maxBatch: number;
  /** How long the first buffered event may wait for others before a flush (0: as soon as a flush slot is free). */
  lingerMs: number;
  /** Calls in flight at once. */
  concurrency: number;
  /** Most events waiting or in flight; beyond it record() refuses at once. */
  maxBuffered: number;
  /** How long a batch is retried while PostgreSQL is unavailable before its events are refused. */
  retryForMs: number;
  /** First retry delay, doubled up to maxRetryDelayMs. */
  retryDelayMs?: number;
  maxRetryDelayMs?: number;
}

/** Sends one batch (UsageService.send in service). */
export type SendUsage = (events: PreparedUsageEvent[]) => Promise<RecordResult[]>;

type NotRecordedReason = 'buffer_full' | 'unavailable' | 'refused' | 'shutdown';

interface Pending {
  event: PreparedUsageEvent;
  resolve: (result: RecordResult) => void;
  reject: (error: unknown) => void;
}

export class UsageRecorderMetrics {
  readonly recorded: Counter<'outcome'>;
  readonly notRecorded: Counter<'reason'>;
  readonly buffered: Gauge;
  readonly flushSeconds: Histogram;
  readonly batchEvents: Histogram;
  readonly retries: Counter;

  constructor(registry: Registry) {
    this.recorded = new Counter({
      name: 'relaypg_usage_events_recorded_total',
      help: 'Usage events committed by the recorder (outcome: recorded, or duplicate when the request id was recorded before)',
      labelNames: ['outcome'],
      registers: [registry],
    });
    this.notRecorded = new Counter({
      name: 'relaypg_usage_events_not_recorded_total',
      help: 'Usage events the recorder could not write, by reason (buffer_full, unavailable, refused, shutdown); each was rejected to its caller',
      labelNames: ['reason'],
      registers: [registry],
    });
    this.buffered = new Gauge({ name: 'relaypg_usage_buffered_events', help: 'Usage events waiting or in flight', registers: [registry] });
    this.flushSeconds = new Histogram({
      name: 'relaypg_usage_flush_seconds',
      help: 'Duration of one api.record_usage call of the recorder',
      buckets: [0.001, 0.002, 0.005, 0.01, 0.02, 0.05, 0.1, 0.25, 0.5, 1, 2.5],
      registers: [registry],
    });
    this.batchEvents = new Histogram({
      name: 'relaypg_usage_flush_events',
      help: 'Events per api.record_usage call of the recorder',
      buckets: [1, 2, 4, 8, 16, 32, 64, 128, 256, 512, 1024, 2048, 5000],
      registers: [registry],
    });
    this.retries = new Counter({
      name: 'relaypg_usage_flush_retries_total',
      help: 'Recorder calls retried because PostgreSQL was unavailable',
      registers: [registry],
    });
  }
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms).unref());

export class UsageRecorder {
  private readonly queue: Pending[] = [];
  private inFlight = 0;
  /** Events in the queue or in flight (the bound applies to both). */
  private held = 0;
  private timer: NodeJS.Timeout | null = null;
  private scheduled = false;
  private closing = false;
  private idle: (() => void)[] = [];
  private readonly lastLogged = new Map<NotRecordedReason, { at: number; unlogged: number }>();
  private readonly retryDelayMs: number;
  private readonly maxRetryDelayMs: number;

  constructor(
    private readonly sendBatch: SendUsage,
    private readonly options: UsageRecorderOptions,
    private readonly metrics: UsageRecorderMetrics,
    private readonly log: Logger,
  ) {
    if (options.maxBatch < 1 || options.maxBatch > MAX_BATCH) throw new RangeError(`maxBatch must be 1 to ${MAX_BATCH}`);
    if (options.concurrency < 1) throw new RangeError('concurrency must be at least 1');
    this.retryDelayMs = options.retryDelayMs ?? 100;
    this.maxRetryDelayMs = options.maxRetryDelayMs ?? 5_000;
  }

  /** Events waiting or in flight. */
  get pending(): number {
    return this.held;
  }

  /**
   * Records one request: resolves when it is committed (recorded = false when
   * its request id was recorded before). A malformed event is refused at once
   * (bad_request naming the field); so is any event while the buffer is full
   * or the recorder is closing (service_unavailable).
   */
  record(event: UsageEvent): Promise<RecordResult> {
    let prepared: PreparedUsageEvent;
    try {
      prepared = prepareUsageEvent(event);
    } catch (error) {
      return Promise.reject(error);
    }
    if (this.closing) return Promise.reject(this.notRecorded('shutdown', 1, 'usage recorder is shutting down'));
    if (this.held >= this.options.maxBuffered) {
      return Promise.reject(this.notRecorded('buffer_full', 1, `usage buffer full (${this.options.maxBuffered} events waiting)`));
    }
    return new Promise<RecordResult>((resolve, reject) => {
      this.queue.push({ event: prepared, resolve, reject });
      this.held += 1;
      this.metrics.buffered.set(this.held);
      this.schedule();
    });
  }

  /** Stops taking events, sends every buffered one and waits for the calls in flight. */
  async close(): Promise<void> {
    this.closing = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    this.pump();
    if (this.held > 0) await new Promise<void>((resolve) => this.idle.push(resolve));
  }

  private schedule(): void {
    if (this.queue.length >= this.options.maxBatch || this.closing) {
      this.pump();
      return;
    }
    if (this.options.lingerMs > 0) {
      this.timer ??= setTimeout(() => {
        this.timer = null;
        this.pump();
      }, this.options.lingerMs);
      return;
    }
    // Events of the same tick (requests finishing together) share a call.
    if (!this.scheduled) {
      this.scheduled = true;
      setImmediate(() => {
        this.scheduled = false;
        this.pump();
      });
    }
  }

  /** Starts calls while slots are free and events wait. */
  private pump(): void {
    while (this.inFlight < this.options.concurrency && this.queue.length > 0) {
      const batch = this.queue.splice(0, this.options.maxBatch);
      this.inFlight += 1;
      void this.flush(batch).finally(() => {
        this.inFlight -= 1;
        this.held -= batch.length;
        this.metrics.buffered.set(this.held);
        if (this.queue.length > 0) {
          // More arrived while this call ran: send them now (a full batch or the
          // linger timer would have sent them anyway).
          if (this.timer) clearTimeout(this.timer);
          this.timer = null;
          this.pump();
        }
        if (this.held === 0) for (const resolve of this.idle.splice(0)) resolve();
      });
    }
  }

  private async flush(batch: Pending[]): Promise<void> {
    const startedAt = Date.now();
    let delay = this.retryDelayMs;
    for (;;) {
      const timer = this.metrics.flushSeconds.startTimer();
      try {
        const results = await this.sendBatch(batch.map((pending) => pending.event));
        timer();
        this.metrics.batchEvents.observe(batch.length);
        this.settle(batch, results);
        return;
      } catch (error) {
        timer();
        if (isDatabaseUnavailable(error)) {
          if (Date.now() - startedAt + delay <= this.options.retryForMs) {
            this.metrics.retries.inc();
            this.log.warn({ events: batch.length, retryInMs: delay, err: { message: (error as Error).message } }, 'usage recording: database unavailable, retrying');
            await sleep(delay);
            delay = Math.min(delay * 2, this.maxRetryDelayMs);
            continue;
          }
          const refusal = this.notRecorded('unavailable', batch.length, `usage recording gave up after ${Date.now() - startedAt} ms: database unavailable`);
          for (const pending of batch) pending.reject(refusal);
          return;
        }
        if (batch.length > 1) {
          // One event the database refuses must not take the others with it.
          await Promise.all(batch.map((pending) => this.flush([pending])));
          return;
        }
        this.notRecorded('refused', 1, `usage event refused by the database: ${error instanceof Error ? error.message : String(error)}`);
        batch[0]!.reject(error);
        return;
      }
    }
  }

  /** One result per request id: a repeated id in the batch gets recorded = false after the first. */
  private settle(batch: Pending[], results: RecordResult[]): void {
    const byId = new Map(results.map((result) => [result.requestId, result]));
    for (const pending of batch) {
      const result = byId.get(pending.event.requestId);
      if (result === undefined) {
        pending.reject(new Error(`api.record_usage returned no result for a request id of the batch`));
        continue;
      }
      byId.set(pending.event.requestId, { ...result, recorded: false, cost: null });
      this.metrics.recorded.inc({ outcome: result.recorded ? 'recorded' : 'duplicate' });
      pending.resolve(result);
    }
  }

  private notRecorded(reason: NotRecordedReason, events: number, message: string): AppError {
    this.metrics.notRecorded.inc({ reason }, events);
    // One line per reason and second at most (an overload refuses thousands), with the count since the last.
    const entry = this.lastLogged.get(reason) ?? { at: 0, unlogged: 0 };
    entry.unlogged += events;
    const now = Date.now();
    if (now - entry.at >= 1_000) {
      this.log.error({ reason, events: entry.unlogged }, `usage events not recorded: ${message}`);
      entry.at = now;
      entry.unlogged = 0;
    }
    this.lastLogged.set(reason, entry);
    return new AppError(serviceErrors.unavailable, { message });
  }
}
