// Remembered selections (src/accounts/selection-cache.ts): a returning session
// is answered without the database, and every change that could alter the
// database's decision drops it, on this instance at once and on the others
// through NOTIFY.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { App } from '../src/app.js';
import { SelectionCache } from '../src/accounts/selection-cache.js';
import type { Selection } from '../src/accounts/scheduler.js';
import { startApp } from './support/app.js';
import { createTestDatabase, rootPool, type TestDatabase } from './support/database.js';
import { waitFor } from './support/wait.js';

const MODEL = 'claude-sonnet-4-20250514';

/** Counts the queries a call sends to the selection pool. */
async function queriesOf<T>(app: App, call: () => Promise<T>): Promise<{ result: T; queries: number }> {
  let queries = 0;
  const original = app.selectionPool.query.bind(app.selectionPool);
  (app.selectionPool as unknown as { query: unknown }).query = (...args: unknown[]) => {
    queries++;
    return (original as (...a: unknown[]) => unknown)(...args);
  };
  try {
    return { result: await call(), queries };
  } finally {
    (app.selectionPool as unknown as { query: unknown }).query = original;
  }
}

describe('remembered selections', () => {
  let database: TestDatabase;
  let a: App;
  let b: App;
  let keyId: string;
  const select = (app: App, sessionHash: string | null) => app.scheduler.select({ apiKeyId: keyId, platform: 'claude', model: MODEL, sessionHash });

  beforeAll(async () => {
    database = await createTestDatabase();
    a = await startApp(database);
    b = await startApp(database);
    keyId = (await a.apiKeys.create({ name: 'selection-cache' })).apiKey.id;
  }, 60_000);

  afterAll(async () => {
    await a?.close();
    await b?.close();
    await database?.drop();
  });

  it('a returning session is answered in process, as the database answered it (sticky)', async () => {
    const account = await a.accounts.create({ kind: 'claude-official', name: `cache-${randomUUID()}`, priority: 1 });
    const session = randomUUID();
    const first = await queriesOf(a, () => select(a, session));
    expect(first).toMatchObject({ queries: 1, result: { accountId: account.id, sticky: false } });
    const again = await queriesOf(a, () => select(a, session));
    expect(again).toMatchObject({ queries: 0, result: { accountId: account.id, sticky: true, sessionHash: session } });
    await a.accounts.delete(account.id, { unbindKeys: true });
  });

  it('without a session nothing is remembered', async () => {
    const account = await a.accounts.create({ kind: 'claude-official', name: `no-session-${randomUUID()}`, priority: 1 });
    await select(a, null);
    expect((await queriesOf(a, () => select(a, null))).queries).toBe(1);
    await a.accounts.delete(account.id, { unbindKeys: true });
  });

  it('an account paused through another instance is dropped here within a second (NOTIFY)', async () => {
    const first = await a.accounts.create({ kind: 'claude-official', name: `paused-${randomUUID()}`, priority: 1 });
    const second = await a.accounts.create({ kind: 'claude-official', name: `other-${randomUUID()}`, priority: 2 });
    const session = randomUUID();
    expect((await select(a, session)).accountId).toBe(first.id);
    await b.accounts.pause(first.id);
    await waitFor(async () => (await select(a, session)).accountId === second.id, 1_000, 'the pause to reach the other instance');
    expect(await select(a, session)).toMatchObject({ accountId: second.id });
    await a.accounts.delete(first.id, { unbindKeys: true });
    await a.accounts.delete(second.id, { unbindKeys: true });
  });

  it('a write through this instance takes effect at once (read your writes)', async () => {
    const first = await a.accounts.create({ kind: 'claude-official', name: `limited-${randomUUID()}`, priority: 1 });
    const second = await a.accounts.create({ kind: 'claude-official', name: `fallback-${randomUUID()}`, priority: 2 });
    const session = randomUUID();
    expect((await select(a, session)).accountId).toBe(first.id);
    await a.accounts.markRateLimited(first.id);
    expect((await select(a, session)).accountId).toBe(second.id);
    await a.accounts.delete(first.id, { unbindKeys: true });
    await a.accounts.delete(second.id, { unbindKeys: true });
  });

  it("a change of the key's binding (another instance) is seen within a second", async () => {
    const pool = await a.accounts.create({ kind: 'claude-official', name: `pool-${randomUUID()}`, priority: 1 });
    const dedicated = await a.accounts.create({ kind: 'claude-official', name: `dedicated-${randomUUID()}`, accountType: 'dedicated', priority: 2 });
    const session = randomUUID();
    expect((await select(a, session)).accountId).toBe(pool.id);
    await b.apiKeys.update(keyId, { claudeAccountId: dedicated.id });
    await waitFor(async () => (await select(a, session)).accountId === dedicated.id, 1_000, 'the new binding to reach the other instance');
    await b.apiKeys.update(keyId, { claudeAccountId: null });
    await a.accounts.delete(pool.id, { unbindKeys: true });
    await a.accounts.delete(dedicated.id, { unbindKeys: true });
  });

  it("a change of a group's members (another instance) drops what was remembered", async () => {
    const member = await a.accounts.create({ kind: 'claude-official', name: `member-${randomUUID()}`, accountType: 'group', priority: 1 });
    const other = await a.accounts.create({ kind: 'claude-official', name: `member2-${randomUUID()}`, accountType: 'group', priority: 2 });
    const group = await a.accountGroups.create({ name: `g-${randomUUID()}`, platform: 'claude' });
    await a.accountGroups.setMembers(group.id, [member.id, other.id]);
    await a.apiKeys.update(keyId, { claudeAccountId: `group:${group.id}` });
    const session = randomUUID();
    await waitFor(async () => (await select(a, session)).accountId === member.id, 1_000, 'the group binding to be seen');
    await b.accountGroups.setMembers(group.id, [other.id]);
    await waitFor(async () => (await select(a, session)).accountId === other.id, 1_000, 'the membership change to reach the other instance');
    await a.apiKeys.update(keyId, { claudeAccountId: null });
    await a.accountGroups.delete(group.id, { unbindKeys: true });
    await a.accounts.delete(member.id, { unbindKeys: true });
    await a.accounts.delete(other.id, { unbindKeys: true });
  });

  it('a session moved by a request for another model is not answered from the old account for the first model', async () => {
    const pro = await a.accounts.create({ kind: 'claude-official', name: `pro-${randomUUID()}`, priority: 1, subscriptionPlan: 'pro' });
    const max = await a.accounts.create({ kind: 'claude-official', name: `max-${randomUUID()}`, priority: 2, subscriptionPlan: 'max' });
    const session = randomUUID();
    const sonnet = () => a.scheduler.select({ apiKeyId: keyId, platform: 'claude', model: MODEL, sessionHash: session });
    expect((await sonnet()).accountId).toBe(pro.id);
    // Opus cannot run on the Pro account: the database moves the session to Max.
    expect((await a.scheduler.select({ apiKeyId: keyId, platform: 'claude', model: 'claude-opus-4-1-20250805', sessionHash: session })).accountId).toBe(max.id);
    expect((await sonnet()).accountId).toBe(max.id);
    await a.accounts.delete(pro.id, { unbindKeys: true });
    await a.accounts.delete(max.id, { unbindKeys: true });
  });

  it('a fallback from a bound account that cannot serve is never remembered: the binding is back as soon as the account is', async () => {
    const pool = await a.accounts.create({ kind: 'claude-official', name: `fallback-pool-${randomUUID()}`, priority: 1 });
    const dedicated = await a.accounts.create({ kind: 'claude-official', name: `bound-${randomUUID()}`, accountType: 'dedicated', priority: 2 });
    await a.apiKeys.update(keyId, { claudeAccountId: dedicated.id });
    const session = randomUUID();
    await b.accounts.pause(dedicated.id);
    await waitFor(async () => (await select(a, session)).accountId === pool.id, 1_000, 'the fallback while the bound account is paused');
    expect((await queriesOf(a, () => select(a, session))).queries).toBe(1);
    await a.apiKeys.update(keyId, { claudeAccountId: null });
    await a.accounts.delete(pool.id, { unbindKeys: true });
    await a.accounts.delete(dedicated.id, { unbindKeys: true });
  });

  it('a decision is forgotten before its mapping could need a renewal, so the database renews it', async () => {
    const account = await a.accounts.create({ kind: 'claude-official', name: `renew-${randomUUID()}`, priority: 1 });
    const session = randomUUID();
    await select(a, session);
    const root = rootPool(database);
    try {
      // As if 50 minutes had passed: 10 left, under the 15-minute threshold.
      await root.query("update relaypg.sticky_sessions set expires_at = now() + interval '10 minutes' where session_hash = $1", [session]);
      a.selectionCache.clear(); // the remembered entry would have ended by now (see the unit test below)
      const renewed = await queriesOf(a, () => select(a, session));
      expect(renewed).toMatchObject({ queries: 1, result: { accountId: account.id, sticky: true } });
      const { rows } = await root.query("select extract(epoch from expires_at - now())::int as left from relaypg.sticky_sessions where session_hash = $1", [session]);
      expect(rows[0].left).toBeGreaterThan(3000);
    } finally {
      await root.end();
    }
    await a.accounts.delete(account.id, { unbindKeys: true });
  });
});

describe('SelectionCache (unit)', () => {
  /** A request on its own session (named like its entry), so that entries do not share one. */
  const req = (apiKeyId: string, sessionHash: string) => ({ apiKeyId, platform: 'claude', model: MODEL, sessionHash });
  const selection: Selection = { accountId: 'acc-1', accountKind: 'claude-official', upstreamModel: MODEL, sticky: false, accountVersion: 1, sessionHash: 's' };

  it('keeps an entry no longer than its TTL, nor past the mapping expiry minus the renewal threshold', () => {
    let now = 1_000_000;
    const cache = new SelectionCache({ ttlMs: 30_000, maxEntries: 10, renewalThresholdMs: 15 * 60_000, now: () => now });
    cache.store('k1', req('key', 'k1'), selection, new Date(now + 60 * 60_000), cache.epoch);
    cache.store('k2', req('key', 'k2'), selection, new Date(now + 15 * 60_000 + 5_000), cache.epoch);
    cache.store('k3', req('key', 'k3'), selection, new Date(now + 10 * 60_000), cache.epoch); // already under the threshold: not kept
    expect([cache.get('k1')?.sticky, cache.get('k2')?.accountId, cache.get('k3')]).toEqual([true, 'acc-1', undefined]);
    now += 5_001;
    expect([cache.get('k1')?.accountId, cache.get('k2')]).toEqual(['acc-1', undefined]);
    now += 25_000;
    expect(cache.get('k1')).toBeUndefined();
  });

  it('does not keep a decision read while a change was announced, nor any with TTL 0', () => {
    const cache = new SelectionCache({ ttlMs: 30_000, maxEntries: 10, renewalThresholdMs: 0 });
    const epoch = cache.epoch;
    cache.forgetAccount('somewhere-else');
    cache.store('k1', req('key', 'k1'), selection, new Date(Date.now() + 3_600_000), epoch);
    expect(cache.get('k1')).toBeUndefined();
    const off = new SelectionCache({ ttlMs: 0, maxEntries: 10, renewalThresholdMs: 0 });
    off.store('k1', req('key', 'k1'), selection, new Date(Date.now() + 3_600_000), off.epoch);
    expect([off.enabled, off.get('k1')]).toEqual([false, undefined]);
  });

  it('an answer naming another account for a session drops what the session was remembered to use with other keys or models', () => {
    const cache = new SelectionCache({ ttlMs: 30_000, maxEntries: 10, renewalThresholdMs: 0 });
    const later = new Date(Date.now() + 3_600_000);
    const sonnet = { apiKeyId: 'key', platform: 'claude', model: 'sonnet', sessionHash: 'S' };
    const opus = { ...sonnet, model: 'opus' };
    cache.store('sonnet', sonnet, { ...selection, accountId: 'pro' }, later, cache.epoch);
    cache.store('opus', opus, { ...selection, accountId: 'max' }, later, cache.epoch); // Opus moved the session
    expect([cache.get('sonnet'), cache.get('opus')?.accountId]).toEqual([undefined, 'max']);
    const [, , , remapped] = cache.changeSubscribers;
    remapped!.changed('claude:S', 0); // another instance moved it
    expect(cache.get('opus')).toBeUndefined();
  });

  it('answers and remembers nothing while the change listener is down, nor long model names', () => {
    const cache = new SelectionCache({ ttlMs: 30_000, maxEntries: 10, renewalThresholdMs: 0 });
    const later = new Date(Date.now() + 3_600_000);
    cache.store('a', req('key', 'a'), selection, later, cache.epoch);
    const [accounts] = cache.changeSubscribers;
    accounts!.forgetAll('lost');
    cache.store('b', req('key', 'b'), selection, later, cache.epoch);
    expect([cache.get('a'), cache.get('b'), cache.enabled]).toEqual([undefined, undefined, false]);
    accounts!.forgetAll('reconnected');
    cache.store('c', req('key', 'c'), selection, later, cache.epoch);
    cache.store('d', { ...req('key', 'd'), model: 'm'.repeat(257) }, selection, later, cache.epoch);
    expect([cache.get('c')?.accountId, cache.get('d')]).toEqual(['acc-1', undefined]);
  });

  it('drops by account, by key, and everything on a group change; stays bounded', () => {
    const cache = new SelectionCache({ ttlMs: 30_000, maxEntries: 10, renewalThresholdMs: 0 });
    const later = new Date(Date.now() + 3_600_000);
    cache.store('a', req('key-1', 'a'), { ...selection, accountId: 'acc-1' }, later, cache.epoch);
    cache.store('b', req('key-2', 'b'), { ...selection, accountId: 'acc-2' }, later, cache.epoch);
    cache.store('c', req('key-2', 'c'), { ...selection, accountId: 'acc-3' }, later, cache.epoch);
    const [accounts, keys, groups] = cache.changeSubscribers;
    accounts!.changed('acc-1', 2);
    expect([cache.get('a'), cache.size]).toEqual([undefined, 2]);
    keys!.changed('key-2', 2);
    expect(cache.size).toBe(0);
    cache.store('d', req('key-3', 'd'), selection, later, cache.epoch);
    groups!.changed('any-group', 0);
    expect(cache.size).toBe(0);
    for (let i = 0; i < 25; i++) cache.store(`e${i}`, req('key', `e${i}`), selection, later, cache.epoch);
    expect(cache.size).toBeLessThanOrEqual(10);
    expect(cache.get('e24')).toBeDefined();
  });
});
