// The opportunistic batcher: calls of one turn share a batch, busy slots make
// later calls wait and leave together, and every caller gets its own outcome.
import { describe, expect, it } from 'vitest';
import { Batcher, outcomesByPosition, settle, withSingleFallback, type Settled } from '../src/batcher.js';

/** A run that records its batches and answers item * 10, or an error for negative items. */
function recordingRun(delayMs = 0) {
  const batches: number[][] = [];
  let inFlight = 0;
  let maxInFlight = 0;
  const run = async (items: number[]): Promise<Settled<number>[]> => {
    batches.push(items);
    inFlight++;
    maxInFlight = Math.max(maxInFlight, inFlight);
    await new Promise((resolve) => setTimeout(resolve, delayMs));
    inFlight--;
    return items.map((item) => (item < 0 ? { ok: false, error: new Error(`bad ${item}`) } : { ok: true, value: item * 10 }));
  };
  return { run, batches, maxInFlight: () => maxInFlight };
}

describe('Batcher', () => {
  it('sends the calls of one turn in one batch, and answers each caller with its own value', async () => {
    const { run, batches } = recordingRun();
    const batcher = new Batcher(run, { maxBatch: 100, concurrency: 1 });
    const values = await Promise.all([1, 2, 3, 4].map((item) => batcher.load(item)));
    expect(values).toEqual([10, 20, 30, 40]);
    expect(batches).toEqual([[1, 2, 3, 4]]);
  });

  it('sends a lone call alone, without waiting for company', async () => {
    const { run, batches } = recordingRun();
    const batcher = new Batcher(run, { maxBatch: 100, concurrency: 1 });
    expect(await batcher.load(7)).toBe(70);
    expect(await batcher.load(8)).toBe(80);
    expect(batches).toEqual([[7], [8]]);
  });

  it('lets calls made while every slot is busy leave together when one frees', async () => {
    const { run, batches, maxInFlight } = recordingRun(20);
    const batcher = new Batcher(run, { maxBatch: 100, concurrency: 1 });
    const first = batcher.load(1);
    await new Promise((resolve) => setImmediate(resolve)); // the first batch is in flight
    const later = [2, 3, 4].map((item) => batcher.load(item));
    expect(batcher.waiting).toBe(3);
    expect(await Promise.all([first, ...later])).toEqual([10, 20, 30, 40]);
    expect(batches).toEqual([[1], [2, 3, 4]]);
    expect(maxInFlight()).toBe(1);
  });

  it('spreads waiting calls over the free slots, never more than maxBatch per batch nor concurrency at once', async () => {
    const { run, batches, maxInFlight } = recordingRun(5);
    const batcher = new Batcher(run, { maxBatch: 3, concurrency: 2 });
    const items = Array.from({ length: 10 }, (_, i) => i);
    expect(await Promise.all(items.map((item) => batcher.load(item)))).toEqual(items.map((item) => item * 10));
    expect(batches.flat().sort((a, b) => a - b)).toEqual(items);
    expect(Math.max(...batches.map((batch) => batch.length))).toBeLessThanOrEqual(3);
    expect(maxInFlight()).toBe(2);
  });

  it('gives each free slot an equal share of the waiting calls', async () => {
    const { run, batches } = recordingRun();
    const batcher = new Batcher(run, { maxBatch: 10, concurrency: 2 });
    await Promise.all([1, 2, 3, 4].map((item) => batcher.load(item)));
    expect(batches).toEqual([[1, 2], [3, 4]]);
  });

  it('fails only the items whose outcome is an error', async () => {
    const { run } = recordingRun();
    const batcher = new Batcher(run, { maxBatch: 100, concurrency: 1 });
    const outcomes = await Promise.allSettled([1, -2, 3].map((item) => batcher.load(item)));
    expect(outcomes.map((o) => o.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    expect((outcomes[1] as PromiseRejectedResult).reason.message).toBe('bad -2');
  });

  it('fails every item of a batch whose run rejects, or answers with too few outcomes, and keeps serving', async () => {
    let mode: 'reject' | 'short' | 'ok' = 'reject';
    const batcher = new Batcher(
      async (items: number[]): Promise<Settled<number>[]> => {
        if (mode === 'reject') throw new Error('down');
        const outcomes = items.map((item) => ({ ok: true, value: item }) as const);
        return mode === 'short' ? outcomes.slice(1) : outcomes;
      },
      { maxBatch: 100, concurrency: 1 },
    );
    const rejected = await Promise.allSettled([1, 2].map((item) => batcher.load(item)));
    expect(rejected.every((o) => o.status === 'rejected' && (o.reason as Error).message === 'down')).toBe(true);
    mode = 'short';
    const short = await Promise.allSettled([1, 2].map((item) => batcher.load(item)));
    expect(short.map((o) => o.status)).toEqual(['fulfilled', 'rejected']);
    mode = 'ok';
    expect(await batcher.load(5)).toBe(5);
  });

  it('refuses impossible options', () => {
    const run = async () => [];
    expect(() => new Batcher(run, { maxBatch: 0, concurrency: 1 })).toThrow(RangeError);
    expect(() => new Batcher(run, { maxBatch: 1, concurrency: 0 })).toThrow(RangeError);
  });
});

describe('withSingleFallback', () => {
  const unavailable = Object.assign(new Error('connection refused'), { code: 'ECONNREFUSED' });
  function fallbackRun(manyFails: unknown) {
    const calls = { many: 0, one: [] as number[] };
    const run = withSingleFallback(
      async (items: number[]): Promise<Settled<number>[]> => {
        calls.many++;
        if (manyFails) throw manyFails;
        return items.map((item) => ({ ok: true, value: item * 10 }));
      },
      async (item: number) => {
        calls.one.push(item);
        if (item < 0) throw new Error(`bad ${item}`);
        return item * 100;
      },
      { mapError: (error) => new Error(`mapped: ${(error as Error).message}`), isUnavailable: (error) => error === unavailable },
    );
    return { run, calls };
  }

  it('sends a lone item through the single call and a batch through the batch call', async () => {
    const { run, calls } = fallbackRun(null);
    expect(await run([4])).toEqual([{ ok: true, value: 400 }]);
    expect(await run([1, 2])).toEqual([{ ok: true, value: 10 }, { ok: true, value: 20 }]);
    expect(calls).toEqual({ many: 1, one: [4] });
  });

  it('decides each item alone when the batch call fails, so that only the bad one fails (its error mapped)', async () => {
    const { run, calls } = fallbackRun(new Error('invalid input in the batch'));
    const outcomes = await run([1, -2, 3]);
    expect(outcomes.map((o) => o.ok)).toEqual([true, false, true]);
    expect((outcomes[1] as { error: Error }).error.message).toBe('mapped: bad -2');
    expect(calls.one).toEqual([1, -2, 3]);
  });

  it('fails every item at once, without retrying alone, when the server is unavailable', async () => {
    const { run, calls } = fallbackRun(unavailable);
    expect(await run([1, 2])).toEqual([{ ok: false, error: unavailable }, { ok: false, error: unavailable }]);
    expect(calls.one).toEqual([]);
  });
});

describe('outcomesByPosition and settle', () => {
  it('puts each row at its 1-based position, whatever the row order, and fails the items without a row', () => {
    const outcomes = outcomesByPosition(3, [{ ord: 3, v: 'c' }, { ord: 1, v: 'a' }, { ord: 9, v: 'x' }, { ord: null, v: 'y' }], (row) => ({ ok: true, value: row.v }), 'f');
    expect(outcomes.map((o) => (o.ok ? o.value : (o.error as Error).message))).toEqual(['a', 'f returned no row for a request', 'c']);
  });

  it('settle turns a call into its outcome, mapping a failure', async () => {
    expect(await settle(async () => 1)).toEqual({ ok: true, value: 1 });
    expect(await settle(async () => { throw new Error('x'); }, () => 'mapped')).toEqual({ ok: false, error: 'mapped' });
  });
});
