import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { fileStateStore } from '../../src/state/file.js';
import { bobUser, cleanup, cli, edit, explain, scratchCopy } from './helpers.js';

afterAll(cleanup);

describe('saved plans', () => {
  it('applies a fresh saved plan exactly, without asking', async () => {
    const dir = scratchCopy('quickstart');
    const plan = await cli(dir, 'plan', '--out', join(dir, 'first.iamplan'));
    expect(plan.code, explain(plan)).toBe(0);
    expect(plan.stdout).toContain('Saved the plan to:');
    const show = await cli(dir, 'show', join(dir, 'first.iamplan'));
    expect(show.stdout).toContain('Plan: 4 to add, 0 to change, 0 to destroy.');
    const apply = await cli(dir, 'apply', join(dir, 'first.iamplan'));
    expect(apply.code, explain(apply)).toBe(0);
    expect(apply.stdout).toContain('Apply complete! Resources: 4 added, 0 changed, 0 destroyed.');
  });

  it('refuses a plan made before another apply, saying the state changed', async () => {
    const dir = scratchCopy('quickstart');
    expect((await cli(dir, 'apply', '--auto-approve')).code).toBe(0);
    edit(dir, 'main.hcl', (text) => text + bobUser);
    const plan = await cli(dir, 'plan', '--out', join(dir, 'bob.iamplan'));
    expect(plan.code, explain(plan)).toBe(0);
    // Something else is applied in between: a targeted apply of bob alone.
    const other = await cli(dir, 'apply', '--auto-approve', '--target', 'iam_user.bob');
    expect(other.code, explain(other)).toBe(0);
    const stale = await cli(dir, 'apply', join(dir, 'bob.iamplan'));
    expect(stale.code).toBe(1);
    expect(stale.stderr).toContain('is stale');
    expect(stale.stderr).toMatch(/The state was changed since this plan was made: serial 1 → 2/);
  });

  it('refuses a plan whose config changed since', async () => {
    const dir = scratchCopy('quickstart');
    expect((await cli(dir, 'plan', '--out', join(dir, 'p.iamplan'))).code).toBe(0);
    edit(dir, 'main.hcl', (text) => text.replace('alice@example.com', 'alice@example.org'));
    const stale = await cli(dir, 'apply', join(dir, 'p.iamplan'));
    expect(stale.code).toBe(1);
    expect(stale.stderr).toContain('The configuration changed since this plan was made.');
  });
});

describe('saved plans and planning options', () => {
  it('refuses planning options beside a saved plan', async () => {
    const dir = scratchCopy('quickstart');
    expect((await cli(dir, 'plan', '--out', join(dir, 'p.iamplan'))).code).toBe(0);
    const mixed = await cli(dir, 'apply', join(dir, 'p.iamplan'), '--target', 'iam_user.alice');
    expect(mixed.code).toBe(1);
    expect(mixed.stderr).toContain('Planning options cannot be combined with a saved plan');
    expect((await cli(dir, 'state', 'list')).stdout.trim()).toBe('');
  });
});

describe('the state lock', () => {
  const lockedStore = (dir: string) => fileStateStore({ path: join(dir, 'state', 'default.iamstate.json') });

  it('makes a second apply fail fast with the holder details', async () => {
    const dir = scratchCopy('quickstart');
    const store = lockedStore(dir);
    const held = await store.lock({ operation: 'apply', timeoutMs: 0, who: 'ops@build-7' });
    expect(held.kind).toBe('ok');
    if (held.kind !== 'ok') return;
    const started = Date.now();
    const second = await cli(dir, 'apply', '--auto-approve');
    expect(second.code, explain(second)).toBe(1);
    expect(Date.now() - started).toBeLessThan(10_000);
    for (const detail of [held.lock.id, 'ops@build-7', String(process.pid), 'apply']) expect(second.stderr).toContain(detail);
    const plan = await cli(dir, 'plan');
    expect(plan.code).toBe(1);
    expect(plan.stderr).toContain(held.lock.id);
    await store.unlock(held.lock.id);
  });

  it('waits with --lock-timeout until the holder releases', async () => {
    const dir = scratchCopy('quickstart');
    const store = lockedStore(dir);
    const held = await store.lock({ operation: 'apply', timeoutMs: 0 });
    if (held.kind !== 'ok') throw new Error('could not take the lock');
    const release = new Promise<void>((resolve) => setTimeout(() => void store.unlock(held.lock.id).then(() => resolve()), 1_500));
    const apply = await cli(dir, 'apply', '--auto-approve', '--lock-timeout', '20s');
    await release;
    expect(apply.code, explain(apply)).toBe(0);
    expect(apply.stdout).toContain('Apply complete! Resources: 4 added');
  });

  it('rejects a malformed --lock-timeout', async () => {
    const dir = scratchCopy('quickstart');
    const r = await cli(dir, 'plan', '--lock-timeout', 'soon');
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('Invalid --lock-timeout "soon"');
  });
});
