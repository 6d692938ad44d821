import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { openEmbeddedProvider } from '../../src/provider/index.js';
import { cleanup, cli, edit, explain, scratchWith } from './helpers.js';

/**
 * A create-before-destroy replacement killed (SIGKILL) at the worst instant: the new object is
 * created and recorded, the old one not yet deleted. The next plan must find the old object
 * through the journal and destroy it; nothing may leak in the backend.
 */
afterAll(cleanup);

const dist = fileURLToPath(new URL('../../dist', import.meta.url));
const script = fileURLToPath(new URL('./kill-at-old-delete.mjs', import.meta.url));

const config = `
resource "iam_user" "alice" {
  name        = "alice"
  access_mode = "console"

  lifecycle {
    create_before_destroy = true
  }
}
`;

/** Runs the applying child to its end or its self-inflicted kill. */
function applyKilledAtDelete(dir: string): Promise<{ signal: NodeJS.Signals | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [script, dist, dir], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    child.on('error', reject);
    child.on('close', (_code, signal) => resolve({ signal, stdout, stderr }));
  });
}

/** The users the embedded backend of `dir` holds: id → name. */
async function backendUsers(dir: string): Promise<Map<string, unknown>> {
  const provider = openEmbeddedProvider({ path: join(dir, '.iamform', 'iam.db') });
  try {
    const listed = await provider.refresh(['iam_user']);
    if (!listed.ok) throw new Error(listed.error.message);
    return new Map((listed.value.get('iam_user') ?? []).map((o) => [o.id, o.attributes['name']]));
  } finally {
    await provider.close();
  }
}

describe('an apply killed between a create-before-destroy create and the old object’s delete', () => {
  const dir = scratchWith({ 'main.hcl': config });
  let oldId = '';
  let newId = '';

  it('is set up by an apply of the user, then a rename that forces a replacement', async () => {
    if (!existsSync(join(dist, 'engine', 'index.js'))) throw new Error('this test runs the built modules: run npm run build first');
    const apply = await cli(dir, 'apply', '--auto-approve');
    expect(apply.code, explain(apply)).toBe(0);
    const users = await backendUsers(dir);
    expect([...users.values()]).toEqual(['alice']);
    oldId = [...users.keys()][0] as string;
    edit(dir, 'main.hcl', (text) => text.replace('name        = "alice"', 'name        = "alice2"'));
  });

  it('leaves the new object recorded and the old one in the backend when killed at the old delete', async () => {
    const killed = await applyKilledAtDelete(dir);
    expect(killed.stderr).toBe('');
    expect(killed.signal).toBe('SIGKILL');
    expect(killed.stdout).toBe(`deleting iam_user ${oldId}\n`);
    const users = await backendUsers(dir);
    expect([...users.values()].sort()).toEqual(['alice', 'alice2']);
    newId = [...users].find(([, name]) => name === 'alice2')?.[0] as string;
    expect(existsSync(join(dir, 'state', 'default.iamstate.json.journal'))).toBe(true);
  });

  it('then plans the deletion of the deposed object, exit 2 with --detailed-exitcode', async () => {
    const plan = await cli(dir, 'plan', '--detailed-exitcode');
    expect(plan.code, explain(plan)).toBe(2);
    expect(plan.stdout).toContain(`  # iam_user.alice (deposed object ${oldId}) will be destroyed`);
    expect(plan.stdout).toContain('      - name                    = "alice" -> null');
    expect(plan.stdout).toContain('Plan: 0 to add, 0 to change, 1 to destroy.');
    expect(plan.stdout).toContain(`the old object ${oldId} of an interrupted create-before-destroy replacement still exists; it is to be destroyed`);
    const json = await cli(dir, 'plan', '--format', 'json');
    expect(json.code, explain(json)).toBe(0);
    const changes = (JSON.parse(json.stdout) as { resource_changes: { address: string; id?: string; deposed?: string; change: { actions: string[] } }[] }).resource_changes;
    expect(changes.map((c) => [c.address, c.id, c.deposed, c.change.actions])).toEqual([
      ['iam_user.alice', newId, undefined, ['no-op']],
      ['iam_user.alice', oldId, oldId, ['delete']],
    ]);
  });

  it('applies the deletion: the old object leaves the backend, the new one stays', async () => {
    const apply = await cli(dir, 'apply', '--auto-approve');
    expect(apply.code, explain(apply)).toBe(0);
    expect(apply.stdout).toMatch(new RegExp(`iam_user\\.alice \\(deposed object ${oldId}\\): Destruction complete after \\d+s`));
    expect(apply.stdout).toContain('Apply complete! Resources: 0 added, 0 changed, 1 destroyed.');
    expect([...(await backendUsers(dir))]).toEqual([[newId, 'alice2']]);
    const state = JSON.parse(readFileSync(join(dir, 'state', 'default.iamstate.json'), 'utf8')) as { pending: unknown[] };
    expect(state.pending).toEqual([]);
  });

  it('and the next plan has no changes', async () => {
    const plan = await cli(dir, 'plan', '--detailed-exitcode');
    expect(plan.code, explain(plan)).toBe(0);
    expect(plan.stdout).toContain('No changes.');
  });
});
