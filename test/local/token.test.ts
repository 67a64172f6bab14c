import { execFile } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { devPool, verifyToken } from '../../local/auth.ts';

const run = promisify(execFile);

describe('npm run token', () => {
  it('prints a token the local pool accepts, with the role and window asked for', async () => {
    const data = mkdtempSync(join(tmpdir(), 'banjian-token-'));
    const { stdout } = await run('npx', ['--no-install', 'tsx', 'local/token.ts', '--role', 'clerk', '--window', 'W03', '--data', data]);
    const token = stdout.trim();
    expect(token).toMatch(/^[\w-]+\.[\w-]+\.[\w-]+$/);
    const claims = await verifyToken(devPool('sanmen', data), `Bearer ${token}`);
    expect(claims).toMatchObject({ 'cognito:groups': '[clerk]', 'custom:windowId': 'W03', token_use: 'id' });
  });
});
