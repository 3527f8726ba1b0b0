// The client identity of a request, from its User-Agent and the patterns in
// relaypg.client_kinds (loaded from a real database), including when the same
// classifier sees one User-Agent after another (it remembers the last one).
import { describe, expect, it } from 'vitest';
import { ClientClassifier } from '../src/api-keys/client-kinds.js';
import { preparedConnection } from '../src/db.js';
import { useTestApp } from './support/app.js';

const testApp = useTestApp();

describe('ClientClassifier', () => {
  it('names the client of each User-Agent, whatever came before it', async () => {
    const clients = await ClientClassifier.load(preparedConnection(testApp.app.pool));
    const sequence: [string | null | undefined, string | null][] = [
      ['claude-cli/1.0.105 (external, cli)', 'claude_code'],
      ['claude-cli/1.0.105 (external, cli)', 'claude_code'],
      ['GeminiCLI/v0.1.5 (linux; x64)', 'gemini_cli'],
      ['curl/8.5.0', null],
      ['curl/8.5.0', null],
      [['claude-cli', '2.0.1 (external, cli)'].join('/'), 'claude_code'], // equal text, another string
      ['', null],
      [null, null],
      [undefined, null],
      ['claude-cli/1.0.105 (external, cli)', 'claude_code'],
    ];
    expect(sequence.map(([userAgent]) => clients.classify(userAgent))).toEqual(sequence.map(([, client]) => client));
  });
});
