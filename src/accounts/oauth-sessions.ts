// Pending OAuth authorisations (PKCE) for adding Claude/Gemini/OpenAI accounts:
// the verifier is generated here, stored encrypted for ten minutes, and can be
// taken back once (api.create_oauth_session / api.take_oauth_session).
import { createHash, randomBytes } from 'node:crypto';
import type pg from 'pg';
import { preparedConnection, type Queryable } from '../db.js';
import { mapDbErrors } from '../errors.js';
import type { Keyring } from './accounts.js';
import { createOauthSession, takeOauthSession, type Json } from './oauth-sessions.queries.js';

export interface StartedOauthSession {
  id: string;
  state: string;
  /** S256 challenge of the verifier, for the authorisation URL. */
  codeChallenge: string;
}

export interface PendingOauthSession {
  id: string;
  platform: string;
  flow: string;
  state: string;
  codeChallenge: string | null;
  codeVerifier: string;
  proxy: Record<string, unknown> | null;
  details: Record<string, unknown>;
  expiresAt: string;
}

const base64url = (bytes: Buffer) => bytes.toString('base64url');

export class OauthSessionService {
  private readonly db: Queryable;

  constructor(
    pool: pg.Pool,
    private readonly keyring: Keyring,
    private readonly ttlSeconds = 600,
  ) {
    this.db = preparedConnection(pool);
  }

  async start(options: {
    platform: 'claude' | 'gemini' | 'openai';
    flow?: 'oauth' | 'setup-token';
    proxy?: Record<string, unknown> | null;
    details?: Record<string, unknown>;
  }): Promise<StartedOauthSession> {
    const codeVerifier = base64url(randomBytes(32));
    const codeChallenge = base64url(createHash('sha256').update(codeVerifier).digest());
    const state = base64url(randomBytes(32));
    const [row] = await mapDbErrors(() =>
      createOauthSession.run(
        {
          platform: options.platform,
          flow: options.flow ?? 'oauth',
          state,
          codeVerifier,
          codeChallenge,
          proxy: (options.proxy ?? null) as Json,
          details: (options.details ?? {}) as Json,
          keyring: this.keyring as unknown as Json,
          ttlSeconds: this.ttlSeconds,
        },
        this.db,
      ),
    );
    return { id: row!.id, state, codeChallenge };
  }

  /** The pending authorisation, once: OANFD when unknown, expired or already taken. */
  async take(id: string): Promise<PendingOauthSession> {
    const [row] = await mapDbErrors(() => takeOauthSession.run({ id, keyring: this.keyring as unknown as Json }, this.db));
    return {
      id: row!.id!,
      platform: row!.platform!,
      flow: row!.flow!,
      state: row!.state!,
      codeChallenge: row!.code_challenge,
      codeVerifier: row!.code_verifier!,
      proxy: (row!.proxy as Record<string, unknown> | null) ?? null,
      details: (row!.details as Record<string, unknown> | null) ?? {},
      expiresAt: row!.expires_at!.toISOString(),
    };
  }
}
