import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { mixFor, writeGeneratedConfig, type Layout } from '../../bench/generate-config.js';
import { runCli, type CliResult } from '../helpers/cli.js';

/**
 * The examples end to end through the built binary, each in a fresh copy with its own
 * embedded backend and state: plan, apply, a no-op re-plan, questions to the backend, destroy.
 */

const examplesDir = fileURLToPath(new URL('../../examples/', import.meta.url));
const scratch: string[] = [];
afterAll(() => {
  for (const dir of scratch) rmSync(dir, { recursive: true, force: true });
});

function freshCopy(example: string): string {
  const dir = mkdtempSync(join(tmpdir(), `iamform-example-${example}-`));
  scratch.push(dir);
  cpSync(join(examplesDir, example), dir, { recursive: true });
  return dir;
}

function cli(dir: string, ...args: string[]): Promise<CliResult> {
  return runCli(['--chdir', dir, ...args], { env: { CI: '1', NO_COLOR: '1' } });
}

/** The exit code with the output, so that a failing expectation shows why. */
const outcome = (r: CliResult): { code: number | null; out: string } => ({ code: r.code, out: `${r.stdout}\n${r.stderr}` });

describe('examples/quickstart', () => {
  const dir = freshCopy('quickstart');

  it('plans four creations on a fresh backend', async () => {
    const plan = await cli(dir, 'plan', '--detailed-exitcode');
    expect(outcome(plan).code, outcome(plan).out).toBe(2);
    expect(plan.stdout).toContain('Plan: 4 to add, 0 to change, 0 to destroy.');
  });

  it('applies, and then plans no changes', async () => {
    const apply = await cli(dir, 'apply', '--auto-approve');
    expect(outcome(apply).code, outcome(apply).out).toBe(0);
    const again = await cli(dir, 'plan', '--detailed-exitcode');
    expect(outcome(again).code, outcome(again).out).toBe(0);
    expect(again.stdout).toContain('No changes');
  });

  it.each([
    ['ecs:servers:list', 'eu-de', 0, /^allow: alice may ecs:servers:list in project eu-de/],
    ['ecs:servers:create', 'eu-de', 3, /^deny: alice may not ecs:servers:create in project eu-de/],
    ['ecs:servers:list', 'eu-nl', 3, /^deny: alice may not ecs:servers:list in project eu-nl/],
  ] as const)('answers can alice %s in %s as the seed expects', async (action, project, code, first) => {
    const answer = await cli(dir, 'can', 'alice', action, '--project', project);
    expect(outcome(answer).code, outcome(answer).out).toBe(code);
    expect(answer.stdout).toMatch(first);
  });

  it('lists alice access through the group', async () => {
    const access = await cli(dir, 'access', 'alice');
    expect(outcome(access).code, outcome(access).out).toBe(0);
    expect(access.stdout).toContain('ecs-viewers');
    expect(access.stdout).toContain('ECS ReadOnlyAccess');
  });

  it('destroys everything it created', async () => {
    const destroy = await cli(dir, 'destroy', '--auto-approve');
    expect(outcome(destroy).code, outcome(destroy).out).toBe(0);
    const list = await cli(dir, 'state', 'list');
    expect(list.stdout.trim()).toBe('');
    const gone = await cli(dir, 'can', 'alice', 'ecs:servers:list', '--project', 'eu-de');
    expect(gone.code).toBe(1);
  });
});

describe('examples/organization', () => {
  const dir = freshCopy('organization');

  it('applies on a fresh backend, and then plans no resource changes', async () => {
    const apply = await cli(dir, 'apply', '--auto-approve');
    expect(outcome(apply).code, outcome(apply).out).toBe(0);
    expect(apply.stdout).toContain('Apply complete! Resources: 47 added, 0 changed, 0 destroyed.');
    const again = await cli(dir, 'plan', '--format', 'json');
    expect(outcome(again).code, outcome(again).out).toBe(0);
    const plan = JSON.parse(again.stdout) as { resource_drift: unknown[]; resource_changes: { address: string; change: { actions: string[] } }[]; summary: Record<string, number> };
    expect(plan.resource_drift).toEqual([]);
    expect(plan.resource_changes).toHaveLength(47);
    expect(plan.resource_changes.filter((c) => c.change.actions.join() !== 'no-op').map((c) => c.address)).toEqual([]);
    expect(plan.summary).toMatchObject({ add: 0, change: 0, destroy: 0 });
  });

  it.each([
    ['greta.lind', 'ecs:cloudServers:start', ['--project', 'eu-de'], 0, /^allow/],
    ['hugo.martin', 'ecs:cloudServers:delete', ['--project', 'eu-de'], 3, /^deny \(explicit\)/],
    ['hugo.martin', 'ecs:cloudServers:delete', ['--project', 'eu-de_payments'], 3, /^deny \(explicit\)/],
    ['daan.devries', 'ecs:cloudServers:start', ['--project', 'eu-de'], 3, /^deny/],
    ['anna.schmidt', 'ecs:cloudServers:delete', ['--project', 'eu-nl'], 0, /^allow/],
    ['mia.rossi', 'iam:users:listUsers', ['--global'], 0, /^allow/],
    ['mia.rossi', 'ecs:servers:create', ['--project', 'eu-nl'], 3, /^deny/],
    ['ci-deployer', 'ims:images:create', ['--project', 'eu-de_payments'], 0, /^allow/],
    ['ci-deployer', 'ims:images:create', ['--project', 'eu-de'], 3, /^deny/],
  ] as const)('answers can %s %s %j', async (user, action, scope, code, first) => {
    const answer = await cli(dir, 'can', user, action, ...scope);
    expect(outcome(answer).code, outcome(answer).out).toBe(code);
    expect(answer.stdout).toMatch(first);
  });

  it('explains that the on-call grant needs a request from the office networks', async () => {
    const answer = await cli(dir, 'can', 'daan.devries', 'ecs:cloudServers:start', '--project', 'eu-de', '--explain');
    expect(answer.stdout).toContain('on-call-restart-from-office');
    expect(answer.stdout).toContain('its condition does not hold for this request');
  });

  it('keeps the CI secret out of plain output', async () => {
    const hidden = await cli(dir, 'output', 'ci_secret_key');
    expect(hidden.stdout).not.toMatch(/[A-Za-z0-9]{40}/);
    const shown = await cli(dir, 'output', 'ci_secret_key', '--show-sensitive');
    expect(outcome(shown).code, outcome(shown).out).toBe(0);
    expect(shown.stdout).toMatch(/[A-Za-z0-9]{40}/);
  });

  it('refuses to destroy the security group', async () => {
    const destroy = await cli(dir, 'destroy', '--auto-approve');
    expect(destroy.code).toBe(1);
    expect(destroy.stderr).toContain('iam_group.security');
  });
});

describe('generated benchmark configs', () => {
  const counts = async (layout: Layout): Promise<Record<string, number>> => {
    const dir = mkdtempSync(join(tmpdir(), `iamform-generated-${layout}-`));
    scratch.push(dir);
    writeGeneratedConfig(dir, 1_000, layout);
    const plan = await cli(dir, 'plan', '--format', 'json');
    expect(outcome(plan).code, outcome(plan).out).toBe(0);
    const json = JSON.parse(plan.stdout) as { resource_changes: { address: string; type?: string; change: { actions: string[] } }[] };
    const out: Record<string, number> = {};
    for (const rc of json.resource_changes) {
      if (!rc.change.actions.includes('create')) continue;
      const type = rc.type ?? rc.address.split('.')[0] ?? '';
      out[type] = (out[type] ?? 0) + 1;
    }
    return out;
  };

  it('plans the same 1,000 creations in both layouts', async () => {
    const mix = mixFor(1_000);
    const expected = {
      iam_user: mix.consoleUsers + mix.serviceUsers,
      iam_group: mix.groups,
      iam_group_membership: mix.memberships,
      iam_policy: mix.customPolicies,
      iam_policy_attachment: mix.attachments,
      iam_access_key: mix.accessKeys,
    };
    expect(await counts('for_each')).toEqual(expected);
    expect(await counts('blocks')).toEqual(expected);
  });
});

describe('npm run demo', () => {
  const script = fileURLToPath(new URL('../../scripts/demo.js', import.meta.url));

  it('answers every step as expected, and again on a second run', () => {
    for (let run = 1; run <= 2; run++) {
      const demo = spawnSync(process.execPath, [script], { encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
      expect(demo.status, `run ${run}:\n${demo.stdout}\n${demo.stderr}`).toBe(0);
      expect(demo.stdout).toMatch(/All \d+ steps answered as expected/);
      expect(demo.stdout).toContain('$ iamform --chdir');
    }
  });
});
