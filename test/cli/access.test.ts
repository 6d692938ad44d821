import { describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expectGolden } from '../helpers/golden.js';
import { runCli } from '../helpers/cli.js';
import { seededAccountDir } from './seeded-account.js';

const golden = (name: string) => join(import.meta.dirname, '..', 'golden', 'access', name);

let dir: string;
const inProcess = seededAccountDir('iamform-access-', (made) => (dir = made));

interface AccessJson {
  users: {
    user: { name: string };
    scopes: { scope: { kind: string; project_name?: string }; allowed: { action: string; sources: { pattern: string; via: { group_name?: string } }[] }[]; denied: { action: string }[] }[];
    dependency_problems: { missing: string }[];
  }[];
}

describe('iamform access', () => {
  it('shows one user’s effective permissions per scope with patterns and groups', async () => {
    const result = await inProcess(['access', 'alice']);
    expect(result.err).toBe('');
    expect(result.code).toBe(0);
    expect(result.out).toMatch(/^alice \([0-9a-f]{32}\)\n {2}project eu-de\n {4}allowed \(\d+\):/);
    expect(result.out).toMatch(/ecs:servers:list +"ECS ReadOnlyAccess" \(ecs:\*:list\*\) group ecs-viewers/);
    expect(result.out).not.toContain('ecs:servers:create');
    expectGolden(golden('alice.txt'), result.out);
  });

  it('shows the explicit denials beside the allowed actions', async () => {
    const json = JSON.parse((await inProcess(['access', 'dave', '--json'])).out) as AccessJson;
    const scope = json.users[0]?.scopes[0];
    expect(scope?.scope).toMatchObject({ kind: 'project', project_name: 'eu-de' });
    const denied = scope?.denied.map((d) => d.action) ?? [];
    expect(denied).toContain('ecs:cloudServers:delete');
    expect(scope?.allowed.map((a) => a.action)).toContain('ecs:cloudServers:start');
    expect(scope?.allowed.map((a) => a.action)).not.toContain('ecs:cloudServers:delete');
  });

  it('without USER covers every user, and reports the missing role dependency', async () => {
    const result = await inProcess(['access', '--json']);
    expect(result.code).toBe(0);
    const json = JSON.parse(result.out) as AccessJson;
    expect(json.users.map((u) => u.user.name)).toEqual(['alice', 'dave', 'erin']);
    expect(json.users[2]?.dependency_problems.map((p) => p.missing)).toEqual(['Tenant Guest']);
    const text = await inProcess(['access']);
    expect(text.out).toContain('Warning: Server Administrator in eu-de needs Tenant Guest in eu-de');
  });

  it('an unknown user is an error with exit 1', async () => {
    const result = await inProcess(['access', 'mallory']);
    expect(result.code).toBe(1);
    expect(result.err).toContain('Could not find user: mallory');
  });

  it('no backend: exit 1 and a clear message', async () => {
    const empty = mkdtempSync(join(tmpdir(), 'iamform-none-'));
    const result = await runCli(['access'], { cwd: empty });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('No IAM backend database at');
    expect(result.stderr).toContain('run iamform apply first');
    rmSync(empty, { recursive: true, force: true });
  });

  it('the built binary prints the same as in process', async () => {
    const binary = await runCli(['--chdir', dir, 'access', 'alice']);
    expect(binary.code).toBe(0);
    expect(binary.stdout).toBe((await inProcess(['access', 'alice'])).out);
    const help = await runCli(['access', '--help']);
    expect(help.stdout).toContain('Examples:');
  });
});
