import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { fileJournalStorage, journalPathOf, readStateWithJournal } from '../../src/apply/index.js';
import { openEmbeddedProvider } from '../../src/provider/index.js';
import { fileStateStore } from '../../src/state/file.js';
import type { State } from '../../src/state/index.js';

const dist = fileURLToPath(new URL('../../dist', import.meta.url));
const script = fileURLToPath(new URL('./crash-apply.mjs', import.meta.url));
const KILLS = 6;
const PER_RUN = 3000;

/** Runs the applying child; kills it `delayMs` after its first completed change (never, when undefined). */
function run(args: string[], delayMs: number | undefined): Promise<{ done: number; finished: boolean; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [script, dist, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
    let done = 0;
    let finished = false;
    let stderr = '';
    let timer: NodeJS.Timeout | undefined;
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      for (const line of chunk.split('\n')) {
        if (line.startsWith('done ')) done++;
        if (line.startsWith('finished ')) finished = true;
      }
      if (delayMs !== undefined && timer === undefined && done > 0) timer = setTimeout(() => child.kill('SIGKILL'), delayMs);
    });
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    child.on('error', reject);
    child.on('exit', () => {
      clearTimeout(timer);
      resolve({ done, finished, stderr });
    });
  });
}

/**
 * The state as the next command reads it is reconcilable with the backend: every user the
 * backend has is in state with its id, or named by a pending create intent (the planner
 * adopts it by name); every id in state exists.
 */
async function checkReconcilable(statePath: string, backendPath: string): Promise<State> {
  const read = await readStateWithJournal(fileStateStore({ path: statePath }), fileJournalStorage({ path: journalPathOf(statePath) }));
  if (read.kind !== 'ok') throw new Error(`state unreadable after kill: ${JSON.stringify(read.diagnostics)}`);
  const provider = openEmbeddedProvider({ path: backendPath });
  const refreshed = await provider.refresh(['iam_user']);
  await provider.close();
  if (!refreshed.ok) throw new Error(refreshed.error.message);
  const backend = new Map((refreshed.value.get('iam_user') ?? []).map((o) => [o.id, o.attributes['name']]));
  const inState = new Map<string, string>();
  for (const resource of read.state.resources) for (const instance of resource.instances) inState.set(instance.id, String(instance.key));
  const pendingNames = new Set(read.state.pending.filter((p) => p.action === 'create').map((p) => p.objectHint?.['name']));
  for (const [id, name] of backend) {
    if (inState.has(id)) expect(inState.get(id)).toBe(name);
    else expect(pendingNames.has(name), `backend user ${String(name)} is neither in state nor pending`).toBe(true);
  }
  for (const id of inState.keys()) expect(backend.has(id), `state id ${id} missing in the backend`).toBe(true);
  return read.state;
}

describe('an apply killed with SIGKILL', () => {
  it(`leaves a readable state holding every success and the intents in flight (${KILLS} kills)`, async () => {
    if (!existsSync(join(dist, 'apply', 'index.js'))) throw new Error('this test runs the built modules: run npm run build first');
    const dir = mkdtempSync(join(tmpdir(), 'iamform-apply-crash-'));
    const statePath = join(dir, 'state', 'default.iamstate.json');
    const backendPath = join(dir, 'iam.sqlite');
    try {
      let recorded = 0;
      for (let i = 0; i < KILLS; i++) {
        const { done, finished, stderr } = await run([statePath, backendPath, `r${i}u`, String(PER_RUN)], 20 + Math.floor(Math.random() * 200));
        expect(stderr).toBe('');
        expect(finished).toBe(false);
        const state = await checkReconcilable(statePath, backendPath);
        const count = state.resources.reduce((n, r) => n + r.instances.length, 0);
        // Every change reported done before the kill is in state.
        expect(count - recorded).toBeGreaterThanOrEqual(done);
        recorded = count;
      }
      // A run to the end folds everything and removes the journal.
      const last = await run([statePath, backendPath, 'final', '50'], undefined);
      expect(last.finished).toBe(true);
      expect(existsSync(journalPathOf(statePath))).toBe(false);
      const state = await checkReconcilable(statePath, backendPath);
      expect(state.resources.reduce((n, r) => n + r.instances.length, 0)).toBe(recorded + 50);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 120_000);
});
