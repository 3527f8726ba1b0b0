// Opportunistic batching of lookups: the calls made in one turn of the event
// loop, and those made while every slot is busy, leave together in one batch
// (one round trip). At low load a call leaves alone in the same turn; under
// load one round trip serves many calls. Nothing waits for a timer.

/** The outcome of one item of a batch: each caller gets its own value or error. */
export type Settled<O> = { ok: true; value: O } | { ok: false; error: unknown };

/** A call's outcome as a Settled, its error passed through `mapError` (e.g. dbError). */
export async function settle<T>(call: () => Promise<T>, mapError: (error: unknown) => unknown = (error) => error): Promise<Settled<T>> {
  try {
    return { ok: true, value: await call() };
  } catch (error) {
    return { ok: false, error: mapError(error) };
  }
}

export interface BatcherOptions {
  /** Most items one batch carries. */
  maxBatch: number;
  /** Batches in flight at once; further items wait and leave together. */
  concurrency: number;
}

/** Runs one batch: one outcome per item, in the items' order. A rejection fails every item of the batch. */
export type RunBatch<I, O> = (items: I[]) => Promise<Settled<O>[]>;

interface Waiting<I, O> {
  item: I;
  resolve: (value: O) => void;
  reject: (error: unknown) => void;
}

export class Batcher<I, O> {
  private readonly queue: Waiting<I, O>[] = [];
  private inFlight = 0;
  private scheduled = false;

  constructor(
    private readonly run: RunBatch<I, O>,
    private readonly options: BatcherOptions,
  ) {
    if (options.maxBatch < 1) throw new RangeError('maxBatch must be at least 1');
    if (options.concurrency < 1) throw new RangeError('concurrency must be at least 1');
  }

  load(item: I): Promise<O> {
    return new Promise<O>((resolve, reject) => {
      this.queue.push({ item, resolve, reject });
      if (!this.scheduled) {
        this.scheduled = true;
        // The rest of this turn's calls join the batch (requests finishing together).
        setImmediate(this.pumpScheduled);
      }
    });
  }

  /** Items waiting for a slot. */
  get waiting(): number {
    return this.queue.length;
  }

  private readonly pumpScheduled = (): void => {
    this.scheduled = false;
    this.pump();
  };

  /** Starts batches while slots are free, spreading the waiting items over them (each slot is a server process). */
  private pump(): void {
    while (this.inFlight < this.options.concurrency && this.queue.length > 0) {
      const size = Math.min(this.options.maxBatch, Math.ceil(this.queue.length / (this.options.concurrency - this.inFlight)));
      const batch = this.queue.splice(0, size);
      this.inFlight += 1;
      void this.send(batch);
    }
  }

  private async send(batch: Waiting<I, O>[]): Promise<void> {
    try {
      const outcomes = await this.run(batch.map((waiting) => waiting.item));
      for (let i = 0; i < batch.length; i++) {
        const outcome = outcomes[i];
        if (outcome === undefined) batch[i]!.reject(new Error(`a batch of ${batch.length} returned ${outcomes.length} outcomes`));
        else if (outcome.ok) batch[i]!.resolve(outcome.value);
        else batch[i]!.reject(outcome.error);
      }
    } catch (error) {
      for (const waiting of batch) waiting.reject(error);
    } finally {
      this.inFlight -= 1;
      this.pump();
    }
  }
}

/**
 * A batch run over a database: `many` answers a batch in one call, `one` a
 * single item. A lone item goes through `one`. If `many` fails as a whole for
 * a reason other than `isUnavailable` (an invalid item, a deadlock), each item
 * goes through `one`, so that only a bad item fails. Errors pass `mapError`.
 */
export function withSingleFallback<I, O>(
  many: (items: I[]) => Promise<Settled<O>[]>,
  one: (item: I) => Promise<O>,
  options: { mapError: (error: unknown) => unknown; isUnavailable: (error: unknown) => boolean },
): RunBatch<I, O> {
  const each = (items: I[]) => Promise.all(items.map((item) => settle(() => one(item), options.mapError)));
  return async (items) => {
    if (items.length === 1) return each(items);
    try {
      return await many(items);
    } catch (error) {
      return options.isUnavailable(error) ? items.map(() => ({ ok: false, error })) : each(items);
    }
  };
}

/**
 * The outcomes of a batch from rows that name their item (`ord`, 1-based),
 * in item order; an item without a row fails with `what` in the message.
 */
export function outcomesByPosition<R extends { ord: number | null }, O>(count: number, rows: R[], outcome: (row: R) => Settled<O>, what: string): Settled<O>[] {
  const outcomes = new Array<Settled<O> | undefined>(count).fill(undefined);
  for (const row of rows) if (row.ord !== null && row.ord >= 1 && row.ord <= count) outcomes[row.ord - 1] = outcome(row);
  // An Error captures a stack: made only for an item that is really missing.
  return outcomes.map((settled) => settled ?? { ok: false, error: new Error(`${what} returned no row for a request`) });
}
