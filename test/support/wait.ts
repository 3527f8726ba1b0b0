/** Polls `probe` until it returns true or `timeoutMs` passes; returns the elapsed ms or throws. */
export async function waitFor(probe: () => Promise<boolean> | boolean, timeoutMs: number, what: string): Promise<number> {
  const started = Date.now();
  for (;;) {
    if (await probe()) return Date.now() - started;
    if (Date.now() - started > timeoutMs) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

/** The SQLSTATE or code of the AppError a promise rejects with, or 'accepted'. */
export async function outcomeOf(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
    return 'accepted';
  } catch (error) {
    const e = error as { sqlState?: string; code?: string };
    if (e.sqlState ?? e.code) return (e.sqlState ?? e.code)!;
    throw error;
  }
}

/** Counts the queries a pool (or anything with a `query` method) receives while `body` runs. */
export async function countingQueries<T>(pool: object, body: () => Promise<T>): Promise<{ result: T; queries: number }> {
  const target = pool as { query: (...args: unknown[]) => unknown };
  const original = target.query;
  let queries = 0;
  target.query = function (this: unknown, ...args: unknown[]) {
    queries++;
    return original.apply(this, args);
  };
  try {
    return { result: await body(), queries };
  } finally {
    target.query = original;
  }
}
