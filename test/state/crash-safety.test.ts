import { describe, expect, it } from 'vitest';
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { decodeStateFile, type State } from '../../src/state/index.js';
import { fileStateStore } from '../../src/state/file.js';

const distState = fileURLToPath(new URL('../../dist/state', import.meta.url));
const writer = fileURLToPath(new URL('./crash-writer.mjs', import.meta.url));
const KILLS = 30;

/** Starts the writer, waits for its first completed write plus a random moment, kills it. */
function runAndKill(statePath: string, delayMs: number): Promise<{ writes: number; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [writer, distState, statePath], { stdio: ['ignore', 'pipe', 'pipe'] });
    let writes = 0;
    let stderr = '';
    let timer: NodeJS.Timeout | undefined;
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      writes += chunk.split('\n').filter((line) => line.startsWith('wrote')).length;
      if (timer === undefined && writes > 0) timer = setTimeout(() => child.kill('SIGKILL'), delayMs);
    });
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    child.on('error', reject);
    child.on('exit', () => resolve({ writes, stderr }));
  });
}

/** A state the writer produced is consistent: every instance carries the file's generation. */
function checkConsistent(state: State): void {
  const generation = state.outputs['generation']?.value;
  expect(generation).toBe(state.serial);
  const instances = state.resources[0]?.instances ?? [];
  expect(instances).toHaveLength(60);
  for (const instance of instances) expect(instance.attributes['generation']).toBe(generation);
}

describe('a writer killed at random moments', () => {
  it(`never leaves a half-written state file (${KILLS} kills)`, async () => {
    if (!existsSync(join(distState, 'file.js'))) throw new Error('this test runs the built store: run npm run build first');
    const dir = mkdtempSync(join(tmpdir(), 'iamform-crash-'));
    const statePath = join(dir, 'state', 'default.iamstate.json');
    try {
      let lastSerial = 0;
      let totalWrites = 0;
      for (let i = 0; i < KILLS; i++) {
        const { writes, stderr } = await runAndKill(statePath, Math.floor(Math.random() * 120));
        expect(stderr).toBe('');
        totalWrites += writes;
        const read = await fileStateStore({ path: statePath }).read();
        if (read.kind !== 'ok') throw new Error(`kill ${i + 1}: state unreadable: ${JSON.stringify(read.diagnostics)}`);
        expect(read.persisted).toBe(true);
        checkConsistent(read.state);
        expect(read.state.serial).toBeGreaterThanOrEqual(lastSerial);
        lastSerial = read.state.serial;
        if (existsSync(`${statePath}.backup`)) {
          const backup = decodeStateFile(readFileSync(`${statePath}.backup`, 'utf8'), 'backup');
          expect(backup.diagnostics).toEqual([]);
          if (backup.state) checkConsistent(backup.state);
        }
      }
      expect(totalWrites).toBeGreaterThanOrEqual(KILLS);
      // Temporary files of killed writers stay until a write succeeds after them (a writer
      // killed before its first write leaves its predecessor's too); one more successful write
      // removes those of the state file. (A temporary link of the backup may outlive it: it is
      // never read, and the next writes remove it once its writer's pid is gone.)
      const store = fileStateStore({ path: statePath });
      const final = await store.read();
      if (final.kind !== 'ok') throw new Error('state unreadable before the final write');
      expect((await store.write(final.state, { expectSerial: final.state.serial })).kind).toBe('ok');
      const leftovers = readdirSync(join(dir, 'state')).filter((name) => name.startsWith('.default.iamstate.json.tmp-'));
      expect(leftovers).toEqual([]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 120_000);
});
