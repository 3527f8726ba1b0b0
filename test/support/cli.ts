// Runs the command line as a child process, the way an operator does.
import { execFile } from 'node:child_process';
import { expect } from 'vitest';
import { projectRoot } from '../../src/paths.js';

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

/** Settings the child must not inherit from the test process (each test passes its own). */
const NOT_INHERITED =
  /^(APP_DATABASE_URL|ADMIN_TOKEN|API_KEY_HMAC_SECRET|DATABASE_URL|ROOT_DATABASE_URL|ACCOUNT_SECRET_KEY|ACCOUNT_SECRET_KEY_VERSION|ACCOUNT_SECRET_PREVIOUS_KEYS)$/;

export function cli(args: string[], env: Record<string, string> = {}): Promise<CliRun> {
  return new Promise((resolve) => {
    const clean = Object.fromEntries(Object.entries(process.env).filter(([name]) => !NOT_INHERITED.test(name)));
    execFile('npx', ['tsx', 'src/cli.ts', ...args], { cwd: projectRoot, env: { ...clean, LOG_LEVEL: 'silent', ...env }, timeout: 60_000 }, (error, stdout, stderr) => {
      resolve({ code: error ? ((error as { code?: number }).code ?? 1) : 0, stdout, stderr });
    });
  });
}

/** A failure a person reads: no stack trace, no source locations. */
export const noStack = (text: string) => expect(text).not.toMatch(/\n\s+at\s|\.(ts|js):\d+/);
