// AccountGroupService against real PostgreSQL: CRUD, membership (one
// platform per group), and deletion while API keys are bound to the group.
import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { App } from '../src/app.js';
import type { Account, AccountKind } from '../src/accounts/account.js';
import { AppError } from '../src/errors.js';
import { useTestApp } from './support/app.js';
import { unique } from './support/http.js';
import { appErrorOf, shapeOf } from './support/errors.js';

const testApp = useTestApp();

function account(app: App, kind: AccountKind): Promise<Account> {
  const options = kind === 'claude-console' || kind === 'ccr' ? { apiUrl: 'https://upstream.test' } : {};
  return app.accounts.create({ kind, name: unique(kind), options });
}

const sorted = (ids: string[]) => [...ids].sort();

describe('create, get, list, update', () => {
  it('creates a group and reads it back', async () => {
    const { app } = testApp;
    const group = await app.accountGroups.create({ name: '  team-a  ', platform: 'claude', description: 'first team' });
    expect(group).toEqual({
      id: expect.stringMatching(/^[0-9a-f-]{36}$/),
      name: 'team-a',
      platform: 'claude',
      description: 'first team',
      memberIds: [],
      createdAt: expect.any(String),
      updatedAt: expect.any(String),
    });
    expect(await app.accountGroups.get(group.id)).toEqual(group);
    // description is optional and reads as ''.
    expect((await app.accountGroups.create({ name: unique('bare'), platform: 'gemini' })).description).toBe('');
  });

  it('lists every group or one platform, ordered by platform then name', async () => {
    const { app } = testApp;
    const zeta = await app.accountGroups.create({ name: 'list-zeta', platform: 'openai' });
    const alpha = await app.accountGroups.create({ name: 'list-alpha', platform: 'openai' });
    const gemini = await app.accountGroups.create({ name: 'list-gemini', platform: 'gemini' });
    expect((await app.accountGroups.list('openai')).map((g) => g.id)).toEqual([alpha.id, zeta.id]);
    const all = await app.accountGroups.list();
    const platforms = all.map((g) => g.platform);
    expect(platforms).toEqual([...platforms].sort());
    expect(all.map((g) => g.id)).toEqual(expect.arrayContaining([alpha.id, zeta.id, gemini.id]));
    expect(all.findIndex((g) => g.id === alpha.id)).toBeLessThan(all.findIndex((g) => g.id === zeta.id));
    expect(await app.accountGroups.list('azure-openai')).toEqual([]);
  });

  it('updates name and description; the platform only while the group is empty', async () => {
    const { app } = testApp;
    const group = await app.accountGroups.create({ name: unique('upd'), platform: 'claude', description: 'before' });
    const renamed = await app.accountGroups.update(group.id, { name: 'renamed', description: null });
    expect(renamed).toMatchObject({ id: group.id, name: 'renamed', description: '', platform: 'claude' });
    expect(Date.parse(renamed.updatedAt)).toBeGreaterThanOrEqual(Date.parse(group.updatedAt));
    expect((await app.accountGroups.update(group.id, { platform: 'gemini' })).platform).toBe('gemini');
    const member = await account(app, 'gemini');
    await app.accountGroups.setMembers(group.id, [member.id]);
    expect(shapeOf(await appErrorOf(app.accountGroups.update(group.id, { platform: 'claude' })))).toEqual({ code: 'invalid_input', status: 400, field: 'platform' });
    // Naming the platform it already has is not a change.
    expect((await app.accountGroups.update(group.id, { platform: 'gemini', name: 'kept' })).name).toBe('kept');
    expect((await app.accountGroups.get(group.id)).platform).toBe('gemini');
  });

  it('refuses invalid settings with invalid_input naming the field', async () => {
    const { app } = testApp;
    const cases: [Parameters<App['accountGroups']['create']>[0], string][] = [
      [{ platform: 'claude' }, 'name'],
      [{ name: unique('no-platform') }, 'platform'],
      [{ name: unique('azure'), platform: 'azure-openai' }, 'platform'],
      [{ name: '   ', platform: 'claude' }, 'name'],
    ];
    for (const [settings, field] of cases) {
      expect(shapeOf(await appErrorOf(app.accountGroups.create(settings))), JSON.stringify(settings)).toEqual({ code: 'invalid_input', status: 400, field });
    }
  });

  it('reports an unknown group as account_group_not_found 404', async () => {
    const { app } = testApp;
    const notFound = { code: 'account_group_not_found', status: 404, field: undefined };
    const id = randomUUID();
    expect(shapeOf(await appErrorOf(app.accountGroups.get(id)))).toEqual(notFound);
    expect(shapeOf(await appErrorOf(app.accountGroups.update(id, { name: 'x' })))).toEqual(notFound);
    expect(shapeOf(await appErrorOf(app.accountGroups.setMembers(id, [])))).toEqual(notFound);
    expect(shapeOf(await appErrorOf(app.accountGroups.delete(id, { unbindKeys: true })))).toEqual(notFound);
  });
});

describe('setMembers', () => {
  it('replaces the members; Console, CCR and Bedrock accounts count as claude', async () => {
    const { app } = testApp;
    const group = await app.accountGroups.create({ name: unique('members'), platform: 'claude' });
    const [official, consoleAccount, ccr, bedrock] = await Promise.all(
      (['claude-official', 'claude-console', 'ccr', 'bedrock'] as const).map((kind) => account(app, kind)),
    );
    const four = await app.accountGroups.setMembers(group.id, [official!.id, consoleAccount!.id, ccr!.id, bedrock!.id]);
    expect(four.memberIds).toEqual(sorted([official!.id, consoleAccount!.id, ccr!.id, bedrock!.id]));
    expect((await app.accounts.get(bedrock!.id)).groupIds).toEqual([group.id]);

    // Replacing keeps the listed ones, drops the rest; repeating an id is harmless.
    const two = await app.accountGroups.setMembers(group.id, [bedrock!.id, official!.id, official!.id]);
    expect(two.memberIds).toEqual(sorted([official!.id, bedrock!.id]));
    expect((await app.accounts.get(consoleAccount!.id)).groupIds).toEqual([]);
    expect((await app.accountGroups.get(group.id)).memberIds).toEqual(two.memberIds);

    expect((await app.accountGroups.setMembers(group.id, [])).memberIds).toEqual([]);
    expect((await app.accounts.get(official!.id)).groupIds).toEqual([]);
  });

  it('an account may belong to several groups', async () => {
    const { app } = testApp;
    const shared = await account(app, 'claude-official');
    const g1 = await app.accountGroups.create({ name: unique('g1'), platform: 'claude' });
    const g2 = await app.accountGroups.create({ name: unique('g2'), platform: 'claude' });
    await app.accountGroups.setMembers(g1.id, [shared.id]);
    await app.accountGroups.setMembers(g2.id, [shared.id]);
    expect((await app.accounts.get(shared.id)).groupIds).toEqual(sorted([g1.id, g2.id]));
  });

  it('refuses an account of another platform with account_group_platform_mismatch 409, changing nothing', async () => {
    const { app } = testApp;
    const group = await app.accountGroups.create({ name: unique('mismatch'), platform: 'claude' });
    const claude = await account(app, 'claude-official');
    const gemini = await account(app, 'gemini');
    await app.accountGroups.setMembers(group.id, [claude.id]);
    const error = await appErrorOf(app.accountGroups.setMembers(group.id, [gemini.id]));
    expect(shapeOf(error)).toEqual({ code: 'account_group_platform_mismatch', status: 409, field: undefined });
    expect(error.sqlState).toBe('GRMBR');
    expect((await app.accountGroups.get(group.id)).memberIds).toEqual([claude.id]);
    expect(shapeOf(await appErrorOf(app.accountGroups.setMembers(group.id, [claude.id, randomUUID()])))).toEqual({ code: 'account_not_found', status: 404, field: undefined });
    expect((await app.accountGroups.get(group.id)).memberIds).toEqual([claude.id]);
  });

  it('deleting an account removes it from its groups', async () => {
    const { app } = testApp;
    const group = await app.accountGroups.create({ name: unique('cascade'), platform: 'openai' });
    const [a, b] = [await account(app, 'openai'), await account(app, 'openai-responses')];
    await app.accountGroups.setMembers(group.id, [a.id, b.id]);
    await app.accounts.delete(a.id, { unbindKeys: false });
    expect((await app.accountGroups.get(group.id)).memberIds).toEqual([b.id]);
  });
});

describe('delete', () => {
  it('refuses with account_in_use 409 while a key is bound to the group, and unbinds on request', async () => {
    const { app } = testApp;
    const group = await app.accountGroups.create({ name: unique('bound'), platform: 'claude' });
    const member = await account(app, 'claude-official');
    await app.accountGroups.setMembers(group.id, [member.id]);
    const { apiKey } = await app.apiKeys.create({ name: unique('group-key'), claudeAccountId: `group:${group.id}` });
    // A key bound to a member account does not bind the group.
    const { apiKey: memberKey } = await app.apiKeys.create({ name: unique('member-key'), claudeAccountId: member.id });

    const error = await appErrorOf(app.accountGroups.delete(group.id, { unbindKeys: false }));
    expect(shapeOf(error)).toEqual({ code: 'account_in_use', status: 409, field: undefined });
    expect(error.message).toContain(apiKey.id);
    expect(error.message).not.toContain(memberKey.id);
    expect((await app.accountGroups.get(group.id)).memberIds).toEqual([member.id]);

    expect(await app.accountGroups.delete(group.id, { unbindKeys: true })).toBe(1);
    expect((await app.apiKeys.get(apiKey.id)).claudeAccountId).toBeNull();
    expect((await app.apiKeys.get(memberKey.id)).claudeAccountId).toBe(member.id);
    expect(shapeOf(await appErrorOf(app.accountGroups.get(group.id)))).toEqual({ code: 'account_group_not_found', status: 404, field: undefined });
    // The accounts stay, without the group.
    expect((await app.accounts.get(member.id)).groupIds).toEqual([]);
  });

  it('deletes a group no key is bound to, returning 0', async () => {
    const { app } = testApp;
    const group = await app.accountGroups.create({ name: unique('free'), platform: 'gemini' });
    expect(await app.accountGroups.delete(group.id, { unbindKeys: false })).toBe(0);
    expect((await appErrorOf(app.accountGroups.get(group.id))).code).toBe('account_group_not_found');
  });
});
