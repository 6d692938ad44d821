import { describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { main } from '../../src/cli/main.js';
import { locateBackend } from '../../src/cli/backend-locator.js';
import { seedProcessFlowAccount } from '../backend/seed-account.js';
import { expectGolden } from '../helpers/golden.js';
import { memoryIo, runCli } from '../helpers/cli.js';
import { seededAccountDir } from './seeded-account.js';

const golden = (name: string) => join(import.meta.dirname, '..', 'golden', 'can', name);

let dir: string;
const inProcess = seededAccountDir('iamform-can-', (made) => (dir = made));

describe('iamform can (in process)', () => {
  it.each<[string, string[], number]>([
    ['allow', ['can', 'alice', 'ecs:servers:list', '--project', 'eu-de'], 0],
    ['allow-explain', ['can', 'alice', 'ecs:servers:list', '--project', 'eu-de', '--explain'], 0],
    ['deny-create', ['can', 'alice', 'ecs:servers:create', '--project', 'eu-de'], 3],
    ['deny-other-region', ['can', 'alice', 'ecs:servers:list', '--project', 'eu-nl'], 3],
    ['deny-explicit', ['can', 'dave', 'ecs:cloudServers:delete', '--project', 'eu-de'], 3],
    ['allow-start', ['can', 'dave', 'ecs:cloudServers:start', '--project', 'eu-de', '--explain'], 0],
    ['dependency-warning', ['can', 'erin', 'ecs:servers:list', '--project', 'eu-de'], 0],
  ])('%s', async (name, args, code) => {
    const result = await inProcess(args);
    expect(result.err).toBe('');
    expect(result.code).toBe(code);
    expectGolden(golden(`${name}.txt`), result.out);
  });

  it('the deny reasons name the action and the project', async () => {
    const create = await inProcess(['can', 'alice', 'ecs:servers:create', '--project', 'eu-de']);
    expect(create.out).toMatch(/^deny: alice may not ecs:servers:create in project eu-de/);
    expect(create.out).toContain('ecs:servers:create');
    const nl = await inProcess(['can', 'alice', 'ecs:servers:list', '--project', 'eu-nl']);
    expect(nl.out).toContain('eu-nl');
    expect(nl.out).toContain('ECS ReadOnlyAccess');
    const del = await inProcess(['can', 'dave', 'ecs:cloudServers:delete', '--project', 'eu-de']);
    expect(del.out).toMatch(/^deny \(explicit\)/);
    expect(del.out).toContain('"no-ecs-delete"');
    expect(del.out).toContain('group operators');
  });

  it('prints the JSON of cli.md', async () => {
    const result = await inProcess(['can', 'dave', 'ecs:cloudServers:delete', '--project', 'eu-de', '--json']);
    expect(result.code).toBe(3);
    const json = JSON.parse(result.out) as Record<string, unknown>;
    expect(json).toMatchObject({
      decision: 'deny',
      explicit: true,
      scope: { kind: 'project', project_name: 'eu-de' },
      matched: [{ policy: { name: 'no-ecs-delete' }, statement: { effect: 'Deny', Effect: 'Deny' }, via: { kind: 'group', group_name: 'operators' } }],
    });
    expectGolden(golden('deny-explicit.json'), result.out);
    const allow = JSON.parse((await inProcess(['can', 'alice', 'ecs:servers:list', '--project', 'eu-de', '--json'])).out) as Record<string, unknown>;
    expect(allow).toMatchObject({ decision: 'allow', explicit: false });
    expect(Object.keys(allow).slice(0, 4)).toEqual(['decision', 'explicit', 'matched', 'scope']);
  });

  it.each<[string, string[], string]>([
    ['an unknown user', ['can', 'mallory', 'ecs:servers:list', '--project', 'eu-de'], 'Could not find user: mallory'],
    ['an unknown project', ['can', 'alice', 'ecs:servers:list', '--project', 'eu-xx'], 'Could not find project: eu-xx'],
    ['no scope', ['can', 'alice', 'ecs:servers:list'], 'Give exactly one scope'],
    ['two scopes', ['can', 'alice', 'ecs:servers:list', '--global', '--project', 'eu-de'], 'Give exactly one scope'],
  ])('fails with exit 1 for %s', async (_what, args, message) => {
    const result = await inProcess(args);
    expect(result.code).toBe(1);
    expect(result.out).toBe('');
    expect(result.err).toContain(message);
    expect(result.err).not.toMatch(/\n\s+at /);
  });

  it('says clearly when there is no backend database', async () => {
    const empty = mkdtempSync(join(tmpdir(), 'iamform-none-'));
    const io = memoryIo({ cwd: empty });
    const code = await main(['can', 'alice', 'ecs:servers:list', '--project', 'eu-de'], io);
    expect(code).toBe(1);
    expect(io.err()).toContain(`No IAM backend database at ${join(empty, '.iamform', 'iam.db')}: run iamform apply first, or set provider "iam" { path = … }`);
    rmSync(empty, { recursive: true, force: true });
  });
});

describe('finding the backend from the config', () => {
  it.each<[string, Record<string, string>, string | undefined]>([
    ['no config', {}, '.iamform/iam.db'],
    ['a provider block with a path', { 'main.hcl': '# iam\nprovider "iam" {\n  path = "state/iam.db" # here\n}\n' }, 'state/iam.db'],
    ['another provider first', { 'main.hcl': 'provider "other" {\n  path = "x.db"\n}\nprovider "iam" {\n  path = "y.db"\n}\n' }, 'y.db'],
    ['a provider block without a path', { 'main.hcl': 'provider "iam" {\n}\n' }, '.iamform/iam.db'],
    ['a commented-out block', { 'main.hcl': '/* provider "iam" { path = "no.db" } */\n' }, '.iamform/iam.db'],
    ['JSON syntax', { 'main.tf.json': JSON.stringify({ provider: { iam: { path: 'json.db' } } }) }, 'json.db'],
    ['a computed path', { 'main.hcl': 'variable "dir" {\n  default = "data"\n}\nprovider "iam" {\n  path = "${var.dir}/iam.db"\n}\n' }, 'data/iam.db'],
    ['a path from a variable', { 'main.hcl': 'variable "db" {\n  default = "vars.db"\n}\nprovider "iam" {\n  path = var.db\n}\n' }, 'vars.db'],
    ['a path from an undeclared variable', { 'main.hcl': 'provider "iam" {\n  path = var.db\n}\n' }, undefined],
  ])('%s', (_what, files, expected) => {
    const d = mkdtempSync(join(tmpdir(), 'iamform-locate-'));
    for (const [name, text] of Object.entries(files)) writeFileSync(join(d, name), text);
    const found = locateBackend(d);
    if (expected === undefined) {
      expect(found.location).toBeUndefined();
      expect(found.diagnostics[0]?.severity).toBe('error');
    } else {
      expect(found.location?.path).toBe(join(d, expected));
    }
    rmSync(d, { recursive: true, force: true });
  });

  it('uses the configured path', async () => {
    const d = mkdtempSync(join(tmpdir(), 'iamform-cfg-'));
    mkdirSync(join(d, 'state'));
    writeFileSync(join(d, 'main.hcl'), 'provider "iam" {\n  path = "state/iam.db"\n}\n');
    seedProcessFlowAccount(join(d, 'state', 'iam.db'));
    const io = memoryIo({ cwd: '/' });
    expect(await main(['--chdir', d, 'can', 'alice', 'ecs:servers:list', '--project', 'eu-de'], io)).toBe(0);
    rmSync(d, { recursive: true, force: true });
  });
});

describe('iamform can (the built binary)', () => {
  it('allows, denies with exit 3, and explains', async () => {
    const allow = await runCli(['--chdir', dir, 'can', 'alice', 'ecs:servers:list', '--project', 'eu-de']);
    expect(allow.code).toBe(0);
    expect(allow.stdout).toMatch(/^allow: alice may ecs:servers:list in project eu-de/);
    const deny = await runCli(['--chdir', dir, 'can', 'alice', 'ecs:servers:list', '--project', 'eu-nl']);
    expect(deny.code).toBe(3);
    expect(deny.stdout).toBe((await inProcess(['can', 'alice', 'ecs:servers:list', '--project', 'eu-nl'])).out);
  });

  it('explicit deny and allow for ECS FullAccess plus the custom Deny', async () => {
    const del = await runCli(['can', 'dave', 'ecs:cloudServers:delete', '--project', 'eu-de', '--json'], { cwd: dir });
    expect(del.code).toBe(3);
    expect(JSON.parse(del.stdout)).toMatchObject({ decision: 'deny', explicit: true });
    const start = await runCli(['can', 'dave', 'ecs:cloudServers:start', '--project', 'eu-de'], { cwd: dir });
    expect(start.code).toBe(0);
  });

  it('reports the missing Tenant Guest of Server Administrator', async () => {
    const result = await runCli(['can', 'erin', 'ecs:servers:list', '--project', 'eu-de'], { cwd: dir });
    expect(result.stdout).toContain('Tenant Guest');
    expect(result.stdout).toContain('Warning:');
  });

  it('has help with examples', async () => {
    const result = await runCli(['can', '--help']);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('Examples:');
    expect(result.stdout).toContain('--enterprise-project');
  });
});
