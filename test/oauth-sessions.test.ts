// OauthSessionService against real PostgreSQL: a pending PKCE authorisation
// is stored with its verifier and proxy password encrypted, and can be taken
// back exactly once.
import { createHash, randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { AppError } from '../src/errors.js';
import { useTestApp } from './support/app.js';
import { withRootPool } from './support/http.js';
import { appErrorOf, shapeOf } from './support/errors.js';

const testApp = useTestApp();

const BASE64URL_256_BITS = /^[A-Za-z0-9_-]{43}$/;

const notFound = { code: 'oauth_session_not_found', status: 404, field: undefined };

/** The stored row as the superuser sees it: as JSON text, and its secrets blob in hex. */
function storedRow(id: string): Promise<{ json: string; secretsHex: string; state: string; codeChallenge: string | null; ttlSeconds: number } | undefined> {
  return withRootPool(testApp.database, async (pool) => {
    const { rows } = await pool.query(
      `select to_jsonb(o)::text as json, encode(o.secrets, 'hex') as "secretsHex", o.state, o.code_challenge as "codeChallenge",
              extract(epoch from o.expires_at - o.created_at)::int as "ttlSeconds"
         from relaypg.oauth_sessions o where o.id = $1`,
      [id],
    );
    return rows[0];
  });
}

describe('OauthSessionService', () => {
  it('starts a session with a fresh state and the S256 challenge of a verifier it takes back once', async () => {
    const { app } = testApp;
    const proxyPassword = `proxy-pw-${randomUUID()}`;
    const proxy = { type: 'socks5', host: 'oauth-proxy.test', port: 1080, username: 'oauth-user', password: proxyPassword };
    const started = await app.oauthSessions.start({ platform: 'claude', proxy, details: { scopes: 'user:inference', redirect: 'console' } });
    expect(started.id).toMatch(/^[0-9a-f-]{36}$/);
    expect(started.state).toMatch(BASE64URL_256_BITS);
    expect(started.codeChallenge).toMatch(BASE64URL_256_BITS);

    // Before the take: what the database holds.
    const row = await storedRow(started.id);
    expect(row).toMatchObject({ state: started.state, codeChallenge: started.codeChallenge, ttlSeconds: 600 });

    const taken = await app.oauthSessions.take(started.id);
    expect(taken).toEqual({
      id: started.id,
      platform: 'claude',
      flow: 'oauth',
      state: started.state,
      codeChallenge: started.codeChallenge,
      codeVerifier: expect.stringMatching(BASE64URL_256_BITS),
      proxy,
      details: { scopes: 'user:inference', redirect: 'console' },
      expiresAt: expect.any(String),
    });
    expect(createHash('sha256').update(taken.codeVerifier).digest('base64url')).toBe(started.codeChallenge);
    expect(taken.codeVerifier).not.toBe(started.state);

    // Neither the verifier nor the proxy password was stored in clear (not as text, not as bytes).
    for (const plain of [taken.codeVerifier, proxyPassword]) {
      expect(row!.json).not.toContain(plain);
      expect(row!.secretsHex).not.toContain(Buffer.from(plain).toString('hex'));
    }
    expect(JSON.parse(row!.json).proxy).toEqual({ type: 'socks5', host: 'oauth-proxy.test', port: 1080, username: 'oauth-user' });

    // Taken means gone.
    expect(await storedRow(started.id)).toBeUndefined();
    expect(shapeOf(await appErrorOf(app.oauthSessions.take(started.id)))).toEqual(notFound);
  });

  it('gives every session its own state and verifier', async () => {
    const { app } = testApp;
    const [a, b] = [await app.oauthSessions.start({ platform: 'gemini' }), await app.oauthSessions.start({ platform: 'gemini' })];
    expect(a.state).not.toBe(b.state);
    expect(a.codeChallenge).not.toBe(b.codeChallenge);
    const [ta, tb] = [await app.oauthSessions.take(a.id), await app.oauthSessions.take(b.id)];
    expect(ta.codeVerifier).not.toBe(tb.codeVerifier);
    expect(ta).toMatchObject({ platform: 'gemini', proxy: null, details: {} });
  });

  it('hands a session to exactly one of several concurrent takes', async () => {
    const { app } = testApp;
    const started = await app.oauthSessions.start({ platform: 'claude' });
    const outcomes = await Promise.allSettled(Array.from({ length: 6 }, () => app.oauthSessions.take(started.id)));
    const taken = outcomes.filter((o) => o.status === 'fulfilled');
    expect(taken).toHaveLength(1);
    for (const outcome of outcomes) {
      if (outcome.status === 'rejected') expect(shapeOf(outcome.reason as AppError)).toEqual(notFound);
    }
  });

  it('keeps the flow and a proxy without a password', async () => {
    const { app } = testApp;
    const proxy = { type: 'http', host: 'plain-proxy.test', port: 3128 };
    const started = await app.oauthSessions.start({ platform: 'claude', flow: 'setup-token', proxy });
    expect(await app.oauthSessions.take(started.id)).toMatchObject({ flow: 'setup-token', proxy });
  });

  it('refuses an unknown or expired session with oauth_session_not_found 404', async () => {
    const { app, database } = testApp;
    expect(shapeOf(await appErrorOf(app.oauthSessions.take(randomUUID())))).toEqual(notFound);
    const started = await app.oauthSessions.start({ platform: 'openai' });
    await withRootPool(database, (pool) => pool.query(`update relaypg.oauth_sessions set expires_at = now() - interval '1 second' where id = $1`, [started.id]));
    const error = await appErrorOf(app.oauthSessions.take(started.id));
    expect(shapeOf(error)).toEqual(notFound);
    expect(error.sqlState).toBe('OANFD');
  });

  it('refuses an invalid proxy with invalid_input naming the field, without echoing its password', async () => {
    const { app } = testApp;
    const password = `never-echoed-${randomUUID()}`;
    const error = await appErrorOf(app.oauthSessions.start({ platform: 'claude', proxy: { type: 'gopher', host: 'h', port: 1, password } }));
    expect(shapeOf(error)).toEqual({ code: 'invalid_input', status: 400, field: 'proxy' });
    expect(error.message).not.toContain(password);
    const platform = await appErrorOf(app.oauthSessions.start({ platform: 'azure' as 'claude' }));
    expect(shapeOf(platform)).toEqual({ code: 'invalid_input', status: 400, field: 'platform' });
  });
});
