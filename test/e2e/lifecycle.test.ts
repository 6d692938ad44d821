import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { bobUser, cleanup, cli, edit, explain, headlines, scratchCopy } from './helpers.js';

/**
 * The quickstart through the built binary, one scratch directory for the whole story: apply,
 * converge, edit, re-plan exactly the edit, ask the backend, graph, outputs, destroy.
 */
afterAll(cleanup);

describe('the quickstart, end to end', () => {
  const dir = scratchCopy('quickstart');

  it('applies on a fresh backend and records state under the config directory', async () => {
    const apply = await cli(dir, 'apply', '--auto-approve');
    expect(apply.code, explain(apply)).toBe(0);
    expect(apply.stdout).toContain('Plan: 4 to add, 0 to change, 0 to destroy.');
    expect(apply.stdout).toMatch(/iam_user\.alice: Creation complete after \d+s \[id=[0-9a-f]+\]/);
    expect(apply.stdout).toContain('Apply complete! Resources: 4 added, 0 changed, 0 destroyed.');
    expect(existsSync(join(dir, 'state', 'default.iamstate.json'))).toBe(true);
    expect(existsSync(join(dir, '.iamform', 'iam.db'))).toBe(true);
  });

  it('then plans no changes, exit 0 with --detailed-exitcode', async () => {
    const plan = await cli(dir, 'plan', '--detailed-exitcode');
    expect(plan.code, explain(plan)).toBe(0);
    expect(plan.stdout).toContain('No changes.');
  });

  it.each([
    ['ecs:servers:list', 'eu-de', 0, /^allow/],
    ['ecs:servers:create', 'eu-de', 3, /^deny/],
    ['ecs:servers:list', 'eu-nl', 3, /^deny/],
  ] as const)('can alice %s in %s answers as the seed flow says', async (action, project, code, answer) => {
    const can = await cli(dir, 'can', 'alice', action, '--project', project);
    expect(can.code, explain(can)).toBe(code);
    expect(can.stdout).toMatch(answer);
  });

  it('plans exactly an added user and the membership edit', async () => {
    edit(dir, 'main.hcl', (text) => text.replace('users = [iam_user.alice.id]', 'users = [iam_user.alice.id, iam_user.bob.id]') + bobUser);
    const plan = await cli(dir, 'plan', '--detailed-exitcode');
    expect(plan.code, explain(plan)).toBe(2);
    expect(headlines(plan.stdout)).toEqual(['iam_group_membership.ecs_viewers updated in-place', 'iam_user.bob created']);
    expect(plan.stdout).toContain('+ user:bob gains');
    expect(plan.stdout).toContain('Plan: 1 to add, 1 to change, 0 to destroy.');
  });

  it('plans exactly a changed email as an update in place', async () => {
    const apply = await cli(dir, 'apply', '--auto-approve');
    expect(apply.code, explain(apply)).toBe(0);
    edit(dir, 'main.hcl', (text) => text.replace('alice@example.com', 'alice@example.org'));
    const plan = await cli(dir, 'plan', '--detailed-exitcode');
    expect(plan.code, explain(plan)).toBe(2);
    expect(headlines(plan.stdout)).toEqual(['iam_user.alice updated in-place']);
    expect(plan.stdout).toContain('~ email = "alice@example.com" -> "alice@example.org"');
    expect(plan.stdout).toContain('Plan: 0 to add, 1 to change, 0 to destroy.');
  });

  it('prints the plan as versioned JSON with the documented fields', async () => {
    const plan = await cli(dir, 'plan', '--format', 'json');
    expect(plan.code, explain(plan)).toBe(0);
    const json = JSON.parse(plan.stdout) as Record<string, unknown> & { resource_changes: { address: string; change: Record<string, unknown> }[] };
    expect(json['format_version']).toBe('1.0');
    for (const field of ['lineage', 'serial', 'config_hash', 'resource_changes', 'access_changes', 'summary']) expect(json).toHaveProperty(field);
    const alice = json.resource_changes.find((c) => c.address === 'iam_user.alice');
    expect(alice?.change['actions']).toEqual(['update']);
    for (const field of ['before', 'after', 'before_sensitive', 'after_sensitive', 'replace_paths']) expect(alice?.change).toHaveProperty(field);
    expect(json['summary']).toMatchObject({ add: 0, change: 1, destroy: 0 });
  });

  it('prints the dependency graph as dot and as mermaid', async () => {
    const dot = await cli(dir, 'graph');
    expect(dot.code, explain(dot)).toBe(0);
    expect(dot.stdout).toMatch(/^digraph iamform \{/);
    expect(dot.stdout).toContain('"iam_group_membership.ecs_viewers" -> "iam_user.bob"');
    expect(dot.stdout).toContain('"iam_policy_attachment.ecs_viewers_ro" -> "data.iam_policy.ecs_ro"');
    const mermaid = await cli(dir, 'graph', '--format', 'mermaid');
    expect(mermaid.code, explain(mermaid)).toBe(0);
    expect(mermaid.stdout).toMatch(/^flowchart RL\n/);
    expect(mermaid.stdout).toContain('iam_group_membership.ecs_viewers');
    const bad = await cli(dir, 'graph', '--format', 'png');
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain('Unknown graph format "png"');
  });

  it('prints outputs recorded by apply, one or all, as text or JSON', async () => {
    const state = JSON.parse(readFileSync(join(dir, 'state', 'default.iamstate.json'), 'utf8')) as { resources: { name: string; instances: { id: string }[] }[] };
    const aliceId = state.resources.find((r) => r.name === 'alice')?.instances[0]?.id;
    const one = await cli(dir, 'output', 'alice_id');
    expect(one.code, explain(one)).toBe(0);
    expect(one.stdout).toBe(`${aliceId ?? '?'}\n`);
    const all = await cli(dir, 'output', '--json');
    expect(JSON.parse(all.stdout)).toMatchObject({ alice_id: { sensitive: false, value: aliceId } });
    const missing = await cli(dir, 'output', 'alice_idd');
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain('Did you mean "alice_id"?');
  });

  it('shows the state', async () => {
    const show = await cli(dir, 'show');
    expect(show.code, explain(show)).toBe(0);
    expect(show.stdout).toContain('# iam_user.alice:');
    expect(show.stdout).toContain('resource "iam_user" "alice" {');
  });

  it('destroys everything: backend and state are empty afterwards', async () => {
    const destroy = await cli(dir, 'destroy', '--auto-approve');
    expect(destroy.code, explain(destroy)).toBe(0);
    expect(destroy.stdout).toContain('Apply complete! Resources: 0 added, 0 changed, 5 destroyed.');
    const list = await cli(dir, 'state', 'list');
    expect(list.code, explain(list)).toBe(0);
    expect(list.stdout.trim()).toBe('');
    const can = await cli(dir, 'can', 'alice', 'ecs:servers:list', '--project', 'eu-de');
    expect(can.code).toBe(1);
    expect(can.stderr).toMatch(/alice/);
    const again = await cli(dir, 'destroy', '--auto-approve');
    expect(again.code, explain(again)).toBe(0);
    expect(again.stdout).toContain('No objects need to be destroyed.');
  });
});
