import { afterAll, describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import { memoryIo } from '../helpers/cli.js';
import { cleanup, cli, edit, explain, scratchCopy, scratchWith } from './helpers.js';

afterAll(cleanup);

describe('approval', () => {
  it('fails fast without a terminal, naming --auto-approve', async () => {
    const dir = scratchCopy('quickstart');
    const apply = await cli(dir, 'apply');
    expect(apply.code).toBe(1);
    expect(apply.stderr).toContain('--auto-approve');
    expect((await cli(dir, 'state', 'list')).stdout.trim()).toBe('');
    expect((await cli(dir, 'apply', '--auto-approve')).code).toBe(0);
    const destroy = await cli(dir, 'destroy');
    expect(destroy.code).toBe(1);
    expect(destroy.stderr).toContain('--auto-approve');
    expect((await cli(dir, 'state', 'list')).stdout.trim().split('\n')).toHaveLength(4);
  });

  it.each(['no', 'y', 'YES please', ''])('cancels on a terminal when the answer is %j', async (answer) => {
    const dir = scratchCopy('quickstart');
    const io = memoryIo({ tty: true, lines: [answer] });
    expect(await main(['--chdir', dir, 'apply'], io)).toBe(1);
    expect(io.out()).toContain("Only 'yes' will be accepted");
    expect(io.err()).toContain('Apply cancelled');
    expect(io.out()).not.toContain('Creating...');
  });

  it('applies on a terminal when the answer is yes', async () => {
    const dir = scratchCopy('quickstart');
    const io = memoryIo({ tty: true, lines: ['yes'] });
    expect(await main(['--chdir', dir, 'apply'], io), io.err()).toBe(0);
    expect(io.out()).toContain('Apply complete! Resources: 4 added');
  });
});

const twoUsers = (bobEmail: string): string => `
resource "iam_group" "team" {
  name = "team"
}

resource "iam_user" "alice" {
  name        = "alice"
  email       = "shared@example.com"
  access_mode = "console"
}

resource "iam_user" "bob" {
  name        = "bob"
  email       = "${bobEmail}"
  access_mode = "console"
  depends_on  = [iam_user.alice]
}

resource "iam_group_membership" "team" {
  group = iam_group.team.id
  users = [iam_user.alice.id, iam_user.bob.id]
}
`;

describe('a failing apply', () => {
  it('prints what succeeded and what failed, exits 1, and converges after the fix', async () => {
    const dir = scratchWith({ 'main.hcl': twoUsers('shared@example.com') });
    const apply = await cli(dir, 'apply', '--auto-approve');
    expect(apply.code, explain(apply)).toBe(1);
    expect(apply.stdout).toMatch(/iam_user\.alice: Creation complete/);
    expect(apply.stdout).toMatch(/iam_group\.team: Creation complete/);
    expect(apply.stdout).toMatch(/Error: creating iam_user\.bob: /);
    expect(apply.stdout).toContain('Failed:');
    expect(apply.stdout).toContain('iam_group_membership.team (depends on iam_user.bob)');
    expect(apply.stdout).toMatch(/Apply failed: 1 change failed, 1 skipped\./);
    const list = await cli(dir, 'state', 'list');
    expect(list.stdout.trim().split('\n')).toEqual(['iam_group.team', 'iam_user.alice']);

    edit(dir, 'main.hcl', () => twoUsers('bob@example.com'));
    const fixed = await cli(dir, 'apply', '--auto-approve');
    expect(fixed.code, explain(fixed)).toBe(0);
    expect(fixed.stdout).toContain('Apply complete! Resources: 2 added, 0 changed, 0 destroyed.');
    const plan = await cli(dir, 'plan', '--detailed-exitcode');
    expect(plan.code, explain(plan)).toBe(0);
  });
});

describe('diagnostics on a bad config', () => {
  it.each(['validate', 'plan', 'apply'])('%s shows file, line, column and snippet, never a stack trace', async (command) => {
    const dir = scratchWith({
      'main.hcl': 'resource "iam_user" "alice" {\n  name        = "alice"\n  emial       = "alice@example.com"\n  access_mode = "console"\n}\n',
    });
    const r = await cli(dir, command, ...(command === 'apply' ? ['--auto-approve'] : []));
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('on main.hcl line 3, in resource "iam_user" "alice":');
    expect(r.stderr).toContain('\n  3:   emial       = "alice@example.com"\n');
    // The carets mark the column: under "emial", which starts in column 3.
    expect(r.stderr).toMatch(/\n {7}\^{5}\n/);
    expect(r.stderr).toContain('Did you mean "email"?');
    expect(r.stderr).not.toMatch(/\n\s+at .*\.js:\d+/);
    expect(r.stdout).not.toContain('Plan:');
  });

  it('validate reports an invalid policy document and a missing role dependency before any backend call', async () => {
    const dir = scratchWith({
      'main.hcl': `
data "iam_project" "eu_de" { name = "eu-de" }
data "iam_policy" "server_admin" { name = "Server Administrator" }
resource "iam_group" "ops" { name = "ops" }
resource "iam_policy" "bad" {
  name        = "bad"
  description = "unregistered action"
  scope       = "project"
  policy = {
    Version   = "1.1"
    Statement = [{ Effect = "Allow", Action = ["ecs:servers:fly"] }]
  }
}
resource "iam_policy_attachment" "admin" {
  group   = iam_group.ops.id
  policy  = data.iam_policy.server_admin.id
  project = data.iam_project.eu_de.id
}
`,
    });
    const r = await cli(dir, 'validate');
    expect(r.code, explain(r)).toBe(1);
    expect(r.stderr).toContain('Invalid policy document');
    expect(r.stderr).toContain('ecs:servers:fly');
    expect(r.stderr).toContain('Missing role dependency');
    expect(r.stderr).toContain('Tenant Guest');
  });
});
