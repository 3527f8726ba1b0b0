// AccountScheduler against real PostgreSQL: the pool order (priority, then
// least recently used), sticky sessions keyed by the CRS session hash of the
// body, key bindings, CCR routing, the reasons given when nothing can serve,
// and that concurrent first requests of one session all get one account.
import { randomUUID } from 'node:crypto';
import type pg from 'pg';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { selectAccount } from '../src/accounts/accounts.queries.js';
import { preparedConnection } from '../src/db.js';
import type { Account } from '../src/accounts/account.js';
import type { CreateAccountInput } from '../src/accounts/account-settings.js';
import type { SelectionRequest } from '../src/accounts/scheduler.js';
import { AppError } from '../src/errors.js';
import { useTestApp } from './support/app.js';
import { rootPool } from './support/database.js';
import { unique } from './support/http.js';
import { appErrorOf } from './support/errors.js';
import { countingQueries } from './support/wait.js';

// These tests change mappings behind the service's back (as the superuser):
// remembered selections would hide that, so they are off here (see selection-cache.test.ts).
const testApp = useTestApp({ env: { SELECTION_CACHE_TTL_MS: '0' } });
let root: pg.Pool;
let keyId: string;

const MODEL = 'claude-sonnet-4-20250514';

beforeAll(async () => {
  root = rootPool(testApp.database);
  keyId = (await testApp.app.apiKeys.create({ name: 'scheduler-key' })).apiKey.id;
});

afterAll(async () => {
  await root?.end();
});

// Every test starts from an empty pool (sticky sessions and memberships go with the accounts).
beforeEach(async () => {
  await root.query('delete from relaypg.accounts');
});

/** Claude Code's body: metadata.user_id carries the session UUID (CRS rule 1). */
function claudeCodeBody(sessionId: string) {
  return {
    model: MODEL,
    metadata: { user_id: `user_${'ab'.repeat(32)}_account__session_${sessionId}` },
    messages: [{ role: 'user', content: 'hello' }],
  };
}

function official(settings: Partial<CreateAccountInput> = {}): Promise<Account> {
  return testApp.app.accounts.create({ kind: 'claude-official', name: unique('official'), secrets: { accessToken: 'at' }, ...settings });
}

function select(request: Partial<SelectionRequest> = {}) {
  return testApp.app.scheduler.select({ apiKeyId: keyId, platform: 'claude', model: MODEL, ...request });
}

async function stickyRow(sessionHash: string): Promise<{ account_id: string; ttl_seconds: number; remaining_seconds: number } | undefined> {
  const { rows } = await root.query(
    `select account_id, extract(epoch from expires_at - created_at)::int as ttl_seconds,
            extract(epoch from expires_at - now())::int as remaining_seconds
       from relaypg.sticky_sessions where platform = 'claude' and session_hash = $1`,
    [sessionHash],
  );
  return rows[0];
}

describe('the pool', () => {
  it('chooses the lowest priority number among available shared accounts', async () => {
    const { app } = testApp;
    await official({ priority: 50 });
    const best = await official({ priority: 10 });
    await official({ priority: 1, isPaused: true });
    await official({ priority: 1, isActive: false });
    await official({ priority: 1, accountType: 'dedicated' }); // only for keys bound to it
    const limited = await official({ priority: 1 });
    await app.accounts.markRateLimited(limited.id);

    expect(await select()).toEqual({
      accountId: best.id,
      accountKind: 'claude-official',
      upstreamModel: MODEL,
      sticky: false,
      accountVersion: 1,
      sessionHash: null,
    });
  });

  it('rotates equal priorities by least recent use', async () => {
    const a = await official({ priority: 10 });
    const b = await official({ priority: 10 });
    const first = (await select()).accountId;
    const order = [first];
    for (let i = 0; i < 3; i++) order.push((await select()).accountId);
    const other = first === a.id ? b.id : a.id;
    expect(order).toEqual([first, other, first, other]);
  });

  it('applies the model mapping and skips accounts that do not serve the model', async () => {
    const { app } = testApp;
    await official({ priority: 1, subscriptionPlan: 'pro' }); // no Opus on pro
    const mapped = await app.accounts.create({
      kind: 'claude-console',
      name: unique('mapped'),
      priority: 2,
      options: { apiUrl: 'https://console.test' },
      modelMapping: { 'claude-opus-4-1': 'upstream-opus' },
    });
    const opus = await select({ model: 'claude-opus-4-1' });
    expect(opus).toMatchObject({ accountId: mapped.id, accountKind: 'claude-console', upstreamModel: 'upstream-opus' });
    // Unmapped on the console account, served by the pro account.
    expect((await select({ model: MODEL })).accountKind).toBe('claude-official');
  });

  it('routes ccr,<model> to a CCR account with the prefix removed, and plain models never to CCR', async () => {
    const { app } = testApp;
    const top = await official({ priority: 1 });
    const ccr = await app.accounts.create({ kind: 'ccr', name: unique('ccr'), priority: 90, options: { apiUrl: 'https://ccr.test' } });
    expect(await select({ model: `ccr,${MODEL}` })).toMatchObject({ accountId: ccr.id, accountKind: 'ccr', upstreamModel: MODEL, sticky: false });
    expect((await select({ model: MODEL })).accountId).toBe(top.id);
    await app.accounts.pause(top.id);
    // With the only official account paused, a plain model finds nothing even though a CCR account is free.
    const error = await appErrorOf(select({ model: MODEL }));
    expect(error.code).toBe('no_account_available');
    expect(error.message).toContain('1 paused');
  });
});

describe('sticky sessions', () => {
  it('keeps a Claude Code session on its account after a better one appears; sessionHash is the UUID', async () => {
    const sessionId = randomUUID();
    const first = await official({ priority: 20 });
    const initial = await select({ body: claudeCodeBody(sessionId) });
    expect(initial).toMatchObject({ accountId: first.id, sticky: false, sessionHash: sessionId });

    const better = await official({ priority: 5 });
    for (let i = 0; i < 3; i++) {
      expect(await select({ body: claudeCodeBody(sessionId) })).toMatchObject({ accountId: first.id, sticky: true, sessionHash: sessionId });
    }
    // The pool itself now prefers the better account.
    expect((await select()).accountId).toBe(better.id);
    expect(await select({ body: claudeCodeBody(randomUUID()) })).toMatchObject({ accountId: better.id, sticky: false });
    // STICKY_SESSION_TTL_HOURS defaults to 1.
    expect(await stickyRow(sessionId)).toMatchObject({ account_id: first.id, ttl_seconds: 3600 });
  });

  it('hashes other bodies the CRS way (here: the system prompt) and sticks to them too', async () => {
    const first = await official({ priority: 20 });
    const body = { model: MODEL, system: `You are helper ${randomUUID()}`, messages: [{ role: 'user', content: 'hi' }] };
    const initial = await select({ body });
    expect(initial.sessionHash).toMatch(/^[0-9a-f]{32}$/);
    await official({ priority: 5 });
    expect(await select({ body })).toMatchObject({ accountId: first.id, sticky: true, sessionHash: initial.sessionHash });
    // A hash computed elsewhere overrides the body's.
    expect((await select({ body, sessionHash: 'computed-elsewhere' })).sessionHash).toBe('computed-elsewhere');
  });

  it('does not stick when the body has nothing to hash', async () => {
    const before = Number((await root.query('select count(*) from relaypg.sticky_sessions')).rows[0].count);
    const body = { model: MODEL, messages: [] };
    const first = await official({ priority: 20 });
    expect(await select({ body })).toEqual(expect.objectContaining({ accountId: first.id, sticky: false, sessionHash: null }));
    const better = await official({ priority: 5 });
    expect(await select({ body })).toEqual(expect.objectContaining({ accountId: better.id, sticky: false, sessionHash: null }));
    expect(Number((await root.query('select count(*) from relaypg.sticky_sessions')).rows[0].count)).toBe(before);
  });

  it('moves a session whose account can no longer serve, and the new mapping sticks', async () => {
    const { app } = testApp;
    const sessionId = randomUUID();
    const first = await official({ priority: 5 });
    const second = await official({ priority: 20 });
    expect((await select({ body: claudeCodeBody(sessionId) })).accountId).toBe(first.id);
    await app.accounts.markRateLimited(first.id);
    expect(await select({ body: claudeCodeBody(sessionId) })).toMatchObject({ accountId: second.id, sticky: false });
    expect((await stickyRow(sessionId))?.account_id).toBe(second.id);
    await app.accounts.resetState(first.id);
    expect(await select({ body: claudeCodeBody(sessionId) })).toMatchObject({ accountId: second.id, sticky: true });
  });

  it('ignores an expired mapping and renews one that is close to expiry', async () => {
    const sessionId = randomUUID();
    const first = await official({ priority: 20 });
    await select({ body: claudeCodeBody(sessionId) });
    const better = await official({ priority: 5 });

    // Under the renewal threshold (15 minutes): still sticky, and extended to a full hour.
    await root.query(`update relaypg.sticky_sessions set expires_at = now() + interval '5 minutes' where session_hash = $1`, [sessionId]);
    expect(await select({ body: claudeCodeBody(sessionId) })).toMatchObject({ accountId: first.id, sticky: true });
    expect((await stickyRow(sessionId))!.remaining_seconds).toBeGreaterThan(3000);

    // Expired: the pool decides again and the mapping is replaced.
    await root.query(`update relaypg.sticky_sessions set expires_at = now() - interval '1 second' where session_hash = $1`, [sessionId]);
    expect(await select({ body: claudeCodeBody(sessionId) })).toMatchObject({ accountId: better.id, sticky: false });
    expect(await stickyRow(sessionId)).toMatchObject({ account_id: better.id, ttl_seconds: 3600 });
  });

  // The pool has 4 connections (PG_POOL_SIZE=4 in tests): 16 calls overlap for real.
  it('gives 16 concurrent first requests of one new session the same account, round after round', async () => {
    for (let i = 0; i < 5; i++) await official({ priority: 30 });
    for (let round = 0; round < 6; round++) {
      const sessionId = randomUUID();
      const selections = await Promise.all(Array.from({ length: 16 }, () => select({ body: claudeCodeBody(sessionId) })));
      const chosen = new Set(selections.map((s) => s.accountId));
      expect(chosen.size, `round ${round}: ${[...chosen].join(', ')}`).toBe(1);
      expect(selections.every((s) => s.sessionHash === sessionId)).toBe(true);
      expect((await stickyRow(sessionId))?.account_id).toBe([...chosen][0]);
    }
  });
});

describe('key bindings', () => {
  it('serves a key bound to an account from it, and from the pool while it cannot serve', async () => {
    const { app } = testApp;
    const dedicated = await official({ priority: 90, accountType: 'dedicated' });
    const shared = await official({ priority: 1 });
    const { apiKey } = await app.apiKeys.create({ name: unique('bound'), claudeAccountId: dedicated.id });
    expect(await select({ apiKeyId: apiKey.id })).toMatchObject({ accountId: dedicated.id, sticky: false });
    await app.accounts.markOverloaded(dedicated.id);
    expect((await select({ apiKeyId: apiKey.id })).accountId).toBe(shared.id);
  });

  it('serves a key bound to a group from its members only', async () => {
    const { app } = testApp;
    await official({ priority: 1 });
    const member = await official({ priority: 80, accountType: 'group' });
    const group = await app.accountGroups.create({ name: unique('sched-group'), platform: 'claude' });
    await app.accountGroups.setMembers(group.id, [member.id]);
    const { apiKey } = await app.apiKeys.create({ name: unique('group-bound'), claudeAccountId: `group:${group.id}` });
    expect((await select({ apiKeyId: apiKey.id })).accountId).toBe(member.id);
    await app.accounts.pause(member.id);
    const error = await appErrorOf(select({ apiKeyId: apiKey.id }));
    expect(error.code).toBe('no_account_available');
    expect(error.message).toContain(group.id);
    expect(error.message).toContain('1 paused');
  });

  it('reports an unknown key as api_key_not_found', async () => {
    expect((await appErrorOf(select({ apiKeyId: randomUUID() }))).code).toBe('api_key_not_found');
  });
});

describe('no account available', () => {
  it('is no_account_available 503, saying why the candidates cannot serve', async () => {
    const { app } = testApp;
    const a = await official({ priority: 10 });
    const b = await official({ priority: 20 });
    const c = await official({ priority: 30 });
    await app.accounts.markRateLimited(a.id);
    await app.accounts.markRateLimited(b.id);
    await app.accounts.markBlocked(c.id, 'unauthorized', 'token revoked');
    const error = await appErrorOf(select({ body: claudeCodeBody(randomUUID()) }));
    expect({ code: error.code, status: error.status, sqlState: error.sqlState }).toEqual({ code: 'no_account_available', status: 503, sqlState: 'SLNAV' });
    expect(error.message).toContain('2 rate_limited');
    expect(error.message).toContain('1 unauthorized');
    expect(error.message).not.toContain('token revoked');
  });

  it('says so when no account of the kind exists', async () => {
    const error = await appErrorOf(select());
    expect(error.code).toBe('no_account_available');
    expect(error.message).toContain('no account of this kind exists');
  });
});

describe('the selection query', () => {
  it("asks for an asynchronous commit of its own transaction (its writes are bookkeeping), and only of it", async () => {
    const { app } = testApp;
    await official({ priority: 1 });
    const client = await app.selectionPool.connect();
    try {
      await client.query('begin');
      await selectAccount.run(
        { apiKeyId: keyId, platform: 'claude', model: MODEL, sessionHash: randomUUID(), stickyTtlSeconds: 3600, renewalThresholdSeconds: 0 },
        preparedConnection(client),
      );
      const inside = (await client.query<{ s: string }>("select current_setting('synchronous_commit') as s")).rows[0]!.s;
      await client.query('rollback');
      const after = (await client.query<{ s: string }>("select current_setting('synchronous_commit') as s")).rows[0]!.s;
      expect({ inside, after }).toEqual({ inside: 'off', after: 'on' });
    } finally {
      client.release();
    }
  });
});

describe('selections in batches', () => {
  /** Runs `selecting` while another transaction holds the account's row; fails if it waits for the row (5 s). */
  async function withoutWaitingFor<T>(accountId: string, selecting: () => Promise<T>): Promise<T> {
    const holder = await root.connect();
    try {
      await holder.query('begin');
      await holder.query('select 1 from relaypg.accounts where id = $1 for update', [accountId]);
      return await Promise.race([
        selecting(),
        new Promise<never>((_, reject) => setTimeout(() => reject(new Error('the selection waited for the held account row')), 5_000)),
      ]);
    } finally {
      await holder.query('rollback');
      holder.release();
    }
  }

  it('concurrent selections share calls (at most one per connection); each request gets its own answer', async () => {
    const first = await official({ priority: 1 });
    const { result, queries } = await countingQueries(testApp.app.selectionPool, () =>
      Promise.allSettled([
        select({ sessionHash: 'batch-a' }),
        select({ apiKeyId: randomUUID() }),
        select({ sessionHash: 'batch-b' }),
        select({ model: 'ccr,claude-sonnet-4-20250514' }),
        select({ sessionHash: 'batch-a' }),
        select(),
      ]),
    );
    expect(queries).toBeLessThanOrEqual(testApp.app.config.PG_SELECTION_POOL_SIZE);
    expect(queries).toBeLessThan(6);
    const outcome = (settled: PromiseSettledResult<unknown>) =>
      settled.status === 'fulfilled' ? (settled.value as { accountId: string }).accountId : (settled.reason as AppError).code;
    expect(result.map(outcome)).toEqual([first.id, 'api_key_not_found', first.id, 'no_account_available', first.id, first.id]);
    const refused = (result[3] as PromiseRejectedResult).reason as AppError;
    expect({ status: refused.status, sqlState: refused.sqlState }).toEqual({ status: 503, sqlState: 'SLNAV' });
    expect(refused.message).toContain('no account of this kind exists');
    expect((await stickyRow('batch-a'))?.account_id).toBe(first.id);
  });

  it('a sticky hit never waits for an account row another transaction holds (it skips refreshing the last use)', async () => {
    const account = await official({ priority: 1 });
    await select({ sessionHash: 'held-session' });
    await root.query(`update relaypg.accounts set last_used_at = now() - interval '1 hour' where id = $1`, [account.id]);
    // Without the skip the refresh would wait for the holder; the call must come back on its own.
    const selection = await withoutWaitingFor(account.id, () => select({ sessionHash: 'held-session' }));
    expect(selection).toMatchObject({ accountId: account.id, sticky: true });
    const { rows } = await root.query<{ stale: boolean }>(`select last_used_at < now() - interval '30 minutes' as stale from relaypg.accounts where id = $1`, [account.id]);
    expect(rows[0]!.stale).toBe(true); // the held row's refresh was skipped, not queued
  });

  it('a key bound to an account is served without waiting for the account row another transaction holds', async () => {
    const { app } = testApp;
    const dedicated = await official({ priority: 90, accountType: 'dedicated' });
    const { apiKey } = await app.apiKeys.create({ name: unique('bound-held'), claudeAccountId: dedicated.id });
    await root.query(`update relaypg.accounts set last_used_at = now() - interval '1 hour' where id = $1`, [dedicated.id]);
    const selection = await withoutWaitingFor(dedicated.id, () => select({ apiKeyId: apiKey.id }));
    expect(selection).toMatchObject({ accountId: dedicated.id, sticky: false });
  });

  it('a request that would wait for an account another transaction holds is answered 55P03 in its batch, then selected alone', async () => {
    const only = await official({ priority: 1 });
    const holder = await root.connect();
    try {
      await holder.query('begin');
      await holder.query('select 1 from relaypg.accounts where id = $1 for update', [only.id]);
      // In a batch, the pool pick finds every candidate held and waits at most 100 ms.
      const { rows } = await root.query<{ ord: number; error_code: string | null }>(
        `select ord, error_code from api.select_accounts($1, array['claude', 'claude'], array[$2, $2], array['busy-1', 'busy-2']) order by ord`,
        [[keyId, keyId], MODEL],
      );
      expect(rows.map((row) => row.error_code)).toEqual(['55P03', '55P03']);
      // Through the service: the batch's busy requests are selected again alone, and those may wait.
      // Held far longer than a batch waits (100 ms a request), so that every batch gives its requests back.
      const release = new Promise((resolve) => setTimeout(resolve, 1_500)).then(() => holder.query('commit'));
      // Eight requests over the pool's four connections: four batches of two.
      const { result, queries } = await countingQueries(testApp.app.selectionPool, () =>
        Promise.all(Array.from({ length: 8 }, (_, i) => select({ sessionHash: `busy-${i + 3}` }))),
      );
      await release;
      expect(result.map((selection) => selection.accountId)).toEqual(Array(8).fill(only.id));
      expect(queries).toBe(4 + 8); // the four batches, then each busy request alone
    } finally {
      await holder.query('rollback').catch(() => undefined);
      holder.release();
    }
  });

  it('a busy request does not hold up the rest of its batch: the others are answered while the row is still held', async () => {
    const { app } = testApp;
    const shared = await official({ priority: 1 });
    const grouped = await official({ priority: 1, accountType: 'group' });
    const group = await app.accountGroups.create({ name: unique('held-group'), platform: 'claude' });
    await app.accountGroups.setMembers(group.id, [grouped.id]);
    const toGroup = (await app.apiKeys.create({ name: unique('to-held'), claudeAccountId: `group:${group.id}` })).apiKey.id;
    const holder = await root.connect();
    let released = false;
    try {
      await holder.query('begin');
      await holder.query('select 1 from relaypg.accounts where id = $1 for update', [grouped.id]);
      // Eight requests over four connections, alternating: each batch of two holds one busy request.
      const answeredWhileHeld: boolean[] = [];
      const calls = Array.from({ length: 8 }, (_, i) =>
        i % 2 === 0
          ? select({ apiKeyId: toGroup, sessionHash: `held-group-${i}` })
          : select({ sessionHash: `shared-${i}` }).then((selection) => (answeredWhileHeld.push(!released), selection)),
      );
      const sharedAnswers = await Promise.all(calls.filter((_, i) => i % 2 === 1));
      expect(sharedAnswers.every((selection) => selection.accountId === shared.id)).toBe(true);
      expect(answeredWhileHeld).toEqual([true, true, true, true]);
      released = true;
      await holder.query('commit');
      const groupAnswers = await Promise.all(calls.filter((_, i) => i % 2 === 0));
      expect(groupAnswers.every((selection) => selection.accountId === grouped.id)).toBe(true);
    } finally {
      if (!released) await holder.query('rollback');
      holder.release();
    }
  });

  it('two batches whose picks cross over two held accounts do not deadlock: the waits end, the requests are selected again', async () => {
    const { app } = testApp;
    const x = await official({ priority: 1, accountType: 'group' });
    const y = await official({ priority: 1, accountType: 'group' });
    const groupX = await app.accountGroups.create({ name: unique('only-x'), platform: 'claude' });
    const groupY = await app.accountGroups.create({ name: unique('only-y'), platform: 'claude' });
    await app.accountGroups.setMembers(groupX.id, [x.id]);
    await app.accountGroups.setMembers(groupY.id, [y.id]);
    const toX = (await app.apiKeys.create({ name: unique('to-x'), claudeAccountId: `group:${groupX.id}` })).apiKey.id;
    const toY = (await app.apiKeys.create({ name: unique('to-y'), claudeAccountId: `group:${groupY.id}` })).apiKey.id;
    const batch = (keys: string[], sessions: string[]) =>
      root.query<{ ord: number; account_id: string | null; error_code: string | null }>(
        `select ord, account_id, error_code from api.select_accounts($1, array['claude', 'claude'], array[$2, $2], $3) order by ord`,
        [keys, MODEL, sessions],
      );
    for (let round = 0; round < 5; round++) {
      // Session order: A takes X then Y, B takes Y then X.
      const [a, b] = await Promise.all([batch([toX, toY], [`r${round}-a1`, `r${round}-a2`]), batch([toY, toX], [`r${round}-b1`, `r${round}-b2`])]);
      for (const rows of [a.rows, b.rows]) {
        for (const row of rows) expect(row.error_code === null || row.error_code === '55P03', JSON.stringify(row)).toBe(true);
      }
    }
  });
});
