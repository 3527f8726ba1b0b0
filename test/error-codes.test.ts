// The SQLSTATE registry (db/error-codes.md), the migrations and src/errors.ts agree.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { fromPgError, refusalError, sqlStateErrors } from '../src/errors.js';
import { projectRoot } from '../src/paths.js';

function registry(): Map<string, { status: number }> {
  const text = readFileSync(path.join(projectRoot, 'db/error-codes.md'), 'utf8');
  const rows = [...text.matchAll(/^\|\s*([A-Z0-9]{5})\s*\|[^\n]*\|\s*(\d{3})\s*\|$/gm)];
  return new Map(rows.map((m) => [m[1]!, { status: Number(m[2]) }]));
}

function raisedInMigrations(): Set<string> {
  const dir = path.join(projectRoot, 'db/migrations/committed');
  const codes = new Set<string>();
  for (const file of readdirSync(dir)) {
    const sql = readFileSync(path.join(dir, file), 'utf8');
    for (const m of sql.matchAll(/errcode\s*=\s*'([A-Z0-9]{5})'/g)) codes.add(m[1]!);
    for (const m of sql.matchAll(/then\s+'(AU[A-Z]{3})'/g)) codes.add(m[1]!); // refusals returned, not raised
  }
  return codes;
}

describe('error code registry', () => {
  it('lists codes that follow the SQLSTATE rules', () => {
    const codes = [...registry().keys()];
    expect(codes.length).toBeGreaterThan(10);
    for (const code of codes) {
      expect(code, code).toMatch(/^[^FHPX].[^0P][A-Z].$/);
      expect(code.endsWith('000'), code).toBe(false);
    }
  });

  it('maps every registered code, with the registered HTTP status, and nothing else', () => {
    const table = registry();
    expect(Object.keys(sqlStateErrors).sort()).toEqual([...table.keys()].sort());
    for (const [code, { status }] of table) expect(sqlStateErrors[code as keyof typeof sqlStateErrors].status, code).toBe(status);
  });

  it('registers every code the migrations raise or return', () => {
    const table = registry();
    const raised = raisedInMigrations();
    expect(raised.size).toBeGreaterThan(5);
    for (const code of raised) expect(table.has(code), `${code} is raised but not in db/error-codes.md`).toBe(true);
  });

  it('turns a PostgreSQL error into a typed error by SQLSTATE, never by message', () => {
    const error = fromPgError({ code: 'RVINV', column: 'token_limit', message: 'token_limit: must not be negative' });
    expect(error?.status).toBe(400);
    expect(error?.field).toBe('token_limit');
    expect(fromPgError({ code: '23505', message: 'RVINV duplicate' })).toBeUndefined();
    expect(fromPgError(new Error('KYNFD'))).toBeUndefined();
    expect(refusalError('AUNPL').status).toBe(403);
  });
});
