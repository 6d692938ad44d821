import { describe, expect, it } from 'vitest';
import { spawn } from 'node:child_process';
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL, fileURLToPath } from 'node:url';
import { IamService, unwrap } from '../../src/backend/index.js';
import { tempDir } from './helpers.js';

/**
 * A second process on the same database file: one writes users, groups and memberships in
 * transactions of three changes each, the other reads snapshots and checks that it never sees
 * half a transaction. The second process runs the built backend (`npm run build` first).
 */
const distBackend = fileURLToPath(new URL('../../dist/backend/index.js', import.meta.url));
const rounds = 120;

const childScript = `
import { IamService } from ${JSON.stringify(pathToFileURL(distBackend).href)};
const [mode, path, rounds] = process.argv.slice(2);
const service = IamService.open({ path, actor: 'child' });
const n = Number(rounds);
function s0(result) { if (!result.ok) throw new Error(result.error.message); return result.value; }
if (mode === 'grant') {
  const group = s0(service.findGroup('viewers'));
  const project = s0(service.findProject('eu-nl'));
  const policy = s0(service.findPolicy('ECS ReadOnlyAccess'));
  s0(service.createAttachment({ principal: { kind: 'group', groupId: group.id }, policyId: policy.id, scope: { kind: 'project', projectId: project.id } }));
  console.log(JSON.stringify({ granted: true }));
} else if (mode === 'write') {
  for (let i = 0; i < n; i++) {
    service.batch((s) => {
      const user = s.createUser({ name: 'child-user-' + i });
      const group = s.createGroup({ name: 'child-group-' + i });
      s.addMember(group.value.id, user.value.id);
    });
    if (i % 10 === 0) await new Promise((r) => setTimeout(r, 1));
  }
  console.log(JSON.stringify({ wrote: n }));
} else {
  let reads = 0, violations = 0, last = 0, regressions = 0;
  const deadline = Date.now() + 20000;
  while (last < n && Date.now() < deadline) {
    const seen = service.read((s) => ({ users: s.listUsers(), groups: s.listGroups(), memberships: s.listMemberships() }));
    const users = new Set(seen.users.map((u) => u.id));
    const groups = new Set(seen.groups.map((g) => g.id));
    const consistent = seen.users.length === seen.groups.length && seen.memberships.length === seen.users.length
      && seen.memberships.every((m) => users.has(m.userId) && groups.has(m.groupId));
    if (!consistent) violations++;
    if (seen.users.length < last) regressions++;
    last = seen.users.length;
    reads++;
    await new Promise((r) => setImmediate(r));
  }
  console.log(JSON.stringify({ reads, violations, regressions, last }));
}
service.close();
`;

function startChild(dir: string, mode: 'write' | 'read' | 'grant', dbPath: string): { done: Promise<{ code: number | null; stdout: string; stderr: string }> } {
  const script = join(dir, `child-${mode}.mjs`);
  writeFileSync(script, childScript);
  const child = spawn(process.execPath, [script, mode, dbPath, String(rounds)], { stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.setEncoding('utf8').on('data', (c: string) => (stdout += c));
  child.stderr.setEncoding('utf8').on('data', (c: string) => (stderr += c));
  return { done: new Promise((resolve) => child.on('close', (code) => resolve({ code, stdout, stderr }))) };
}

describe('two processes on one database file', () => {
  it('needs the built backend for the second process', () => {
    expect(existsSync(distBackend), 'run `npm run build` before the tests').toBe(true);
  });

  it('a reader here sees only whole transactions of a writer there', async () => {
    const t = tempDir();
    const service = IamService.open({ path: t.dbPath });
    const child = startChild(t.dir, 'write', t.dbPath);
    let finished = false;
    void child.done.then(() => (finished = true));
    let reads = 0;
    let last = 0;
    while (!finished) {
      const seen = service.read((s) => ({ users: s.listUsers(), groups: s.listGroups(), memberships: s.listMemberships() }));
      const users = new Set(seen.users.map((u) => u.id));
      expect(seen.groups.length).toBe(seen.users.length);
      expect(seen.memberships.length).toBe(seen.users.length);
      for (const m of seen.memberships) expect(users.has(m.userId)).toBe(true);
      expect(seen.users.length).toBeGreaterThanOrEqual(last);
      last = seen.users.length;
      reads++;
      await new Promise((r) => setImmediate(r));
    }
    const result = await child.done;
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(service.listUsers()).toHaveLength(rounds);
    expect(service.auditLog().filter((e) => e.actor === 'child')).toHaveLength(rounds * 3);
    expect(reads).toBeGreaterThan(1);
    service.close();
    t.cleanup();
  });

  it('a reader there sees only whole transactions of a writer here', async () => {
    const t = tempDir();
    const service = IamService.open({ path: t.dbPath });
    const child = startChild(t.dir, 'read', t.dbPath);
    for (let i = 0; i < rounds; i++) {
      service.batch((s) => {
        const user = unwrap(s.createUser({ name: `user-${i}` }));
        const group = unwrap(s.createGroup({ name: `group-${i}` }));
        unwrap(s.addMember(group.id, user.id));
      });
      if (i % 10 === 0) await new Promise((r) => setTimeout(r, 2));
    }
    const result = await child.done;
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    const summary = JSON.parse(result.stdout) as { reads: number; violations: number; regressions: number; last: number };
    expect(summary).toMatchObject({ violations: 0, regressions: 0, last: rounds });
    expect(summary.reads).toBeGreaterThan(0);
    service.close();
    t.cleanup();
  });

  it('a grant made by another process reaches this process’s cached decisions', async () => {
    const t = tempDir();
    const service = IamService.open({ path: t.dbPath });
    const user = unwrap(service.createUser({ name: 'alice' }));
    const group = unwrap(service.createGroup({ name: 'viewers' }));
    unwrap(service.addMember(group.id, user.id));
    const ask = () => unwrap(service.can({ user: 'alice', action: 'ecs:servers:list', target: { kind: 'project', project: 'eu-nl' } })).decision.decision;
    expect(ask()).toBe('deny');
    const result = await startChild(t.dir, 'grant', t.dbPath).done;
    expect(result.stderr).toBe('');
    await new Promise((r) => setTimeout(r, 20));
    expect(ask()).toBe('allow');
    service.close();
    t.cleanup();
  });
});
