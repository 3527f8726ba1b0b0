// HTTP test helpers: a real listening service per file (or per describe), a
// small client over fetch and raw node:http, and the checks every response
// gets: no stack trace, no digest field, no issued plain key or its digest.
import { createHmac, randomUUID } from 'node:crypto';
import { request as httpRequest } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, expect } from 'vitest';
import type { App } from '../../src/app.js';
import { startApp, TEST_ADMIN_TOKEN, TEST_HMAC_SECRET } from './app.js';
import { createTestDatabase, rootPool, type TestDatabase } from './database.js';

// Response bodies are asserted field by field; `any` keeps that readable.
export type Body = any;

export interface HttpResult {
  status: number;
  contentType: string | null;
  text: string;
  /** The parsed body when the response is JSON, else undefined. */
  body: Body;
}

/** Starts `app` listening on an ephemeral port of 127.0.0.1; returns its base URL. */
export async function listen(app: App): Promise<string> {
  await app.server.listen({ host: '127.0.0.1', port: 0 });
  return `http://127.0.0.1:${(app.server.server.address() as AddressInfo).port}`;
}

/** A name unique to this run: `${label}-xxxxxxxx`. */
export const unique = (label: string): string => `${label}-${randomUUID().slice(0, 8)}`;

// ---------------------------------------------------------------------------
// Leaks
// ---------------------------------------------------------------------------

/**
 * Remembers every plain key handed out (and its stored HMAC digest, hex and
 * base64) and checks that a response carries none of them, nor a stack trace,
 * a source location or a digest field.
 */
export class LeakGuard {
  private readonly secrets = new Set<string>();

  constructor(private readonly hmacSecret: string = TEST_HMAC_SECRET) {}

  remember(plainKey: string): void {
    const digest = createHmac('sha256', this.hmacSecret).update(plainKey, 'utf8').digest();
    for (const secret of [plainKey, plainKey.slice(3), digest.toString('hex'), digest.toString('base64')]) this.secrets.add(secret);
  }

  check(text: string): void {
    expect(text).not.toMatch(/\n\s+at\s/);
    expect(text).not.toMatch(/"stack"/);
    expect(text).not.toMatch(/"digest"\s*:/);
    expect(text).not.toMatch(/\.(ts|js):\d+/);
    for (const secret of this.secrets) expect(text.includes(secret), 'response contains an issued plain key or its digest').toBe(false);
  }
}

// ---------------------------------------------------------------------------
// Client
// ---------------------------------------------------------------------------

export interface SendOptions {
  /** Sent as `Authorization: Bearer <token>`; null sends no credentials; undefined, the client's token. */
  token?: string | null;
  headers?: Record<string, string>;
  /** Sent as JSON with content-type application/json. */
  json?: unknown;
  /** Sent as is (set content-type through headers). */
  raw?: string;
}

export interface RawRequest {
  method: string;
  path: string;
  /** Sent exactly as given: node:http adds no user-agent or content-type. */
  headers: Record<string, string | number>;
  body?: Buffer | string;
}

export interface HttpClient {
  readonly guard: LeakGuard;
  /** A request through fetch. */
  send(method: string, path: string, options?: SendOptions): Promise<HttpResult>;
  /** A raw HTTP/1.1 exchange through node:http (what fetch cannot send: oversized headers or bodies, no user-agent). */
  rawRequest(request: RawRequest): Promise<HttpResult>;
}

export interface HttpOptions {
  /** Default credentials of `send` (default: the admin token; null: none). */
  token?: string | null;
  /** Shared by clients of instances on one database (default: a new one). */
  guard?: LeakGuard;
}

/**
 * A client for the service at `baseUrl` (or at what the function returns when
 * called, for a server that starts later). Every response is checked by the
 * guard; the plain keys it hands out are remembered there.
 */
export function http(baseUrl: string | (() => string), options: HttpOptions = {}): HttpClient {
  const url = (): URL => new URL(typeof baseUrl === 'string' ? baseUrl : baseUrl());
  const defaultToken = options.token === undefined ? TEST_ADMIN_TOKEN : options.token;
  const guard = options.guard ?? new LeakGuard();

  function result(status: number, contentType: string | null, text: string): HttpResult {
    guard.check(text);
    const body: Body = text !== '' && contentType?.startsWith('application/json') ? JSON.parse(text) : undefined;
    // A plain key may appear only in the create/regenerate answer that hands it out.
    if (typeof body?.plainKey === 'string') guard.remember(body.plainKey);
    return { status, contentType, text, body };
  }

  async function send(method: string, path: string, sendOptions: SendOptions = {}): Promise<HttpResult> {
    const headers: Record<string, string> = {};
    const token = sendOptions.token === undefined ? defaultToken : sendOptions.token;
    if (token !== null) headers.authorization = `Bearer ${token}`;
    let body: string | undefined = sendOptions.raw;
    if (sendOptions.json !== undefined) {
      headers['content-type'] = 'application/json';
      body = JSON.stringify(sendOptions.json);
    }
    Object.assign(headers, sendOptions.headers);
    const response = await fetch(`${url().origin}${path}`, { method, headers, ...(body !== undefined ? { body } : {}) });
    return result(response.status, response.headers.get('content-type'), await response.text());
  }

  function rawRequest(request: RawRequest): Promise<HttpResult> {
    const { hostname, port } = url();
    return new Promise((resolve, reject) => {
      let answered = false;
      const req = httpRequest({ host: hostname, port, method: request.method, path: request.path, headers: request.headers }, (res) => {
        answered = true;
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => {
          try {
            resolve(result(res.statusCode ?? 0, res.headers['content-type'] ?? null, Buffer.concat(chunks).toString('utf8')));
          } catch (error) {
            reject(error);
          }
        });
        res.on('error', reject);
      });
      // The server may answer (and close) before it has read the whole request.
      req.on('error', (error: NodeJS.ErrnoException) => (error.code === 'EPIPE' || error.code === 'ECONNRESET' ? undefined : reject(error)));
      req.on('close', () => (answered ? undefined : reject(new Error('connection closed without a response'))));
      req.end(request.body);
    });
  }

  return { guard, send, rawRequest };
}

/** Status and the JSON error shape `{ error: { code, message[, field] } }`, exactly. */
export function expectError(result: HttpResult, status: number, code: string, field?: string): void {
  expect({ status: result.status, body: result.body }).toEqual({
    status,
    body: { error: { code, message: expect.stringMatching(/\S/), ...(field !== undefined ? { field } : {}) } },
  });
  expect(result.contentType).toMatch(/^application\/json/);
}

/** Creates a key through POST /admin/api-keys (admin token); expects 201 and returns `{ apiKey, plainKey }`. */
export async function createKeyViaAdmin(client: HttpClient, settings: Record<string, unknown>): Promise<{ apiKey: Body; plainKey: string }> {
  const result = await client.send('POST', '/admin/api-keys', { token: TEST_ADMIN_TOKEN, json: settings });
  expect(result.status, result.text).toBe(201);
  return result.body;
}

// ---------------------------------------------------------------------------
// A served test instance
// ---------------------------------------------------------------------------

export interface ServedApp {
  /** This instance's own database (cloned from the template). */
  readonly database: TestDatabase;
  readonly app: App;
  readonly baseUrl: string;
  /** A client for this instance (usable before it starts: it reads baseUrl per request). */
  readonly http: HttpClient;
}

/**
 * Registers beforeAll/afterAll (in the enclosing describe, or the file) that
 * create a test database, start the service on it with `env` overrides, listen,
 * and afterwards close the service and drop the database. Later beforeAll
 * hooks of the same scope run after it has started.
 */
export function serveApp(options: { env?: Record<string, string>; guard?: LeakGuard } = {}): ServedApp {
  let state: { database: TestDatabase; app?: App; baseUrl?: string } | undefined;
  const started = <K extends 'database' | 'app' | 'baseUrl'>(key: K): NonNullable<NonNullable<typeof state>[K]> => {
    const value = state?.[key];
    if (value === undefined) throw new Error(`serveApp: ${key} is not ready (use it in a test or a later hook)`);
    return value as NonNullable<NonNullable<typeof state>[K]>;
  };
  const client = http(() => started('baseUrl'), options.guard ? { guard: options.guard } : {});

  beforeAll(async () => {
    state = { database: await createTestDatabase() };
    state.app = await startApp(state.database, options.env);
    state.baseUrl = await listen(state.app);
  });

  afterAll(async () => {
    await state?.app?.close();
    await state?.database.drop();
  });

  return {
    get database() {
      return started('database');
    },
    get app() {
      return started('app');
    },
    get baseUrl() {
      return started('baseUrl');
    },
    http: client,
  };
}

/** Runs `run` with a superuser pool on `database` (for setup and assertions the runtime role may not make). */
export async function withRootPool<T>(database: TestDatabase, run: (pool: ReturnType<typeof rootPool>) => Promise<T>): Promise<T> {
  const pool = rootPool(database);
  try {
    return await run(pool);
  } finally {
    await pool.end();
  }
}
