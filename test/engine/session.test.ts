import { describe, expect, it } from 'vitest';
import { applyOnce, openOutputValue, planOnce, Session, validateConfig } from '../../src/engine/index.js';
import { memoryHost, testBox } from './memory-host.js';

const quickstart = `
data "iam_project" "eu_de" { name = "eu-de" }
data "iam_policy" "ecs_ro" { name = "ECS ReadOnlyAccess" }
resource "iam_group" "viewers" { name = "viewers" }
resource "iam_user" "alice" {
  name        = "alice"
  email       = "alice@example.com"
  access_mode = "console"
}
resource "iam_group_membership" "viewers" {
  group = iam_group.viewers.id
  users = [iam_user.alice.id]
}
resource "iam_policy_attachment" "viewers_ro" {
  group   = iam_group.viewers.id
  policy  = data.iam_policy.ecs_ro.id
  project = data.iam_project.eu_de.id
}
output "alice_id" { value = iam_user.alice.id }
`;

const withKey = `
resource "iam_user" "ci" {
  name        = "ci"
  access_mode = "programmatic"
}
resource "iam_access_key" "ci" { user = iam_user.ci.id }
output "ci_secret" {
  value     = iam_access_key.ci.secret
  sensitive = true
}
`;

const actions = (plan: { changes: readonly { action: string }[] } | undefined): string[] => (plan?.changes ?? []).map((c) => c.action).sort();

describe('the engine over memory implementations', () => {
  it('applies a config, records state and outputs, and then plans no changes', async () => {
    const host = memoryHost({ 'main.hcl': quickstart });
    const applied = await applyOnce(host, {});
    expect(applied.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(applied.apply?.outcome).toMatchObject({ added: 4, failed: 0 });
    const state = await host.store.read();
    if (state.kind !== 'ok') throw new Error('state unreadable');
    expect(state.state.resources.map((r) => `${r.type}.${r.name}`).sort()).toEqual(['iam_group.viewers', 'iam_group_membership.viewers', 'iam_policy_attachment.viewers_ro', 'iam_user.alice']);
    expect(state.state.outputs['alice_id']?.value).toBe(state.state.resources.find((r) => r.name === 'alice')?.instances[0]?.id);
    const again = await planOnce(host, {});
    expect(actions(again.plan).filter((a) => a !== 'no-op')).toEqual([]);
    expect(again.plan?.outputs.every((o) => o.action === 'no-op')).toBe(true);
  });

  it('keeps an access key secret sealed in state, opens it on request, and stays quiet afterwards', async () => {
    const host = memoryHost({ 'main.hcl': withKey });
    const applied = await applyOnce(host, {});
    expect(applied.apply?.outcome.failed).toBe(0);
    const secret = applied.apply?.secrets.get('iam_access_key.ci')?.['secret'];
    expect(typeof secret).toBe('string');
    expect(host.storage.text).not.toContain(secret as string);
    const state = await host.store.read();
    if (state.kind !== 'ok') throw new Error('state unreadable');
    const stored = state.state.outputs['ci_secret'];
    expect(stored?.sensitive).toBe(true);
    expect(openOutputValue(stored?.value ?? null, testBox)).toEqual({ value: secret });
    expect(openOutputValue(stored?.value ?? null, undefined)).toEqual({ sealed: true });
    const again = await planOnce(host, {});
    expect(again.plan?.outputs.find((o) => o.name === 'ci_secret')?.action).toBe('no-op');
    expect(actions(again.plan).filter((a) => a !== 'no-op')).toEqual([]);
  });

  it('plans the removal of everything in destroy mode and empties the backend', async () => {
    const host = memoryHost({ 'main.hcl': quickstart });
    await applyOnce(host, {});
    const destroyed = await applyOnce(host, { mode: 'destroy' });
    expect(destroyed.apply?.outcome).toMatchObject({ destroyed: 4, failed: 0 });
    const state = await host.store.read();
    expect(state.kind === 'ok' ? state.state.resources : ['unreadable']).toEqual([]);
    expect(host.backend.listUsers()).toEqual([]);
  });

  it('fails at once while another holder has the lock, naming it', async () => {
    const host = memoryHost({ 'main.hcl': quickstart });
    const held = await host.store.lock({ operation: 'apply', timeoutMs: 0, who: 'someone-else' });
    if (held.kind !== 'ok') throw new Error('could not lock');
    const result = await planOnce(host, {});
    expect(result.plan).toBeUndefined();
    expect(result.diagnostics.map((d) => `${d.summary} ${d.detail ?? ''}`).join('\n')).toContain(held.lock.id);
  });

  it('reports config errors with their range and changes nothing', async () => {
    const host = memoryHost({ 'main.hcl': 'resource "iam_user" "a" {\n  nme = "a"\n}\n' });
    const result = await applyOnce(host, {});
    expect(result.plan).toBeUndefined();
    expect(result.apply).toBeUndefined();
    expect(result.diagnostics.some((d) => d.severity === 'error' && d.range?.file === 'main.hcl' && d.range.start.line === 2)).toBe(true);
    expect(host.storage.text).toBeUndefined();
    expect(host.backend.listUsers()).toEqual([]);
  });

  it('reports a missing config at load, before touching state', () => {
    const host = memoryHost({ 'notes.txt': 'nothing here' });
    const session = Session.open(host, []);
    expect(session.workspace.diagnostics.map((d) => d.code)).toContain('config.no-files');
  });

  it('validates policy documents and role dependencies without a backend', () => {
    const host = memoryHost({
      'main.hcl': `
data "iam_project" "eu_de" { name = "eu-de" }
data "iam_policy" "server_admin" { name = "Server Administrator" }
data "iam_user" "someone" { name = "only-the-backend-knows" }
resource "iam_group" "ops" { name = "ops" }
resource "iam_policy_attachment" "admin" {
  group   = iam_group.ops.id
  policy  = data.iam_policy.server_admin.id
  project = data.iam_project.eu_de.id
}
`,
    });
    const codes = validateConfig(host, []).diagnostics.map((d) => d.code);
    expect(codes).toContain('plan.role-dependency');
    expect(codes).not.toContain('plan.data-not-found');
  });
});
