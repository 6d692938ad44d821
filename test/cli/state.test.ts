import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { main } from '../../src/cli/main.js';
import { fileStateStore } from '../../src/state/file.js';
import { journalPathOf } from '../../src/apply/index.js';
import { encodeEntry, encodeHeader } from '../../src/apply/journal-format.js';
import { expectGolden } from '../helpers/golden.js';
import { memoryIo, runCli } from '../helpers/cli.js';

const fixture = fileURLToPath(new URL('../fixtures/state/cli/default.iamstate.json', import.meta.url));
const golden = (name: string) => fileURLToPath(new URL(`../fixtures/state/golden/${name}`, import.meta.url));

let dir: string;
let statePath: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'iamform-cli-state-'));
  statePath = join(dir, 'state', 'default.iamstate.json');
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

function withState(): void {
  mkdirSync(join(dir, 'state'), { recursive: true });
  copyFileSync(fixture, statePath);
}

describe('iamform state list', () => {
  it('lists every instance address, sorted, managed before data', async () => {
    withState();
    const result = await runCli(['--chdir', dir, 'state', 'list']);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout).toBe(
      ['iam_group.ops', 'iam_policy_attachment.ops_ecs_ro', 'iam_user.alice', 'iam_user.team["bob"]', 'iam_user.team["carol"]', 'data.iam_policy.ecs_ro', ''].join('\n'),
    );
  });

  it('shows what an interrupted apply recorded in its journal', async () => {
    withState();
    const journal =
      encodeHeader({ lineage: '3f2a9c1e-5b7d-4e8f-9a0b-1c2d3e4f5a6b', baseSerial: 5 }) +
      encodeEntry({
        kind: 'set',
        address: { mode: 'managed', type: 'iam_group', name: 'late' },
        instance: { id: 'g-late', attributes: { name: 'late' }, sensitivePaths: [], dependencies: [] },
      });
    writeFileSync(journalPathOf(statePath), journal);
    const result = await runCli(['--chdir', dir, 'state', 'list', 'iam_group.late']);
    expect(result.stderr).toBe('');
    expect(result.stdout).toBe('iam_group.late\n');
  });

  it.each([
    [['iam_user.team'], ['iam_user.team["bob"]', 'iam_user.team["carol"]']],
    [['iam_user.team["carol"]', 'iam_group.ops'], ['iam_group.ops', 'iam_user.team["carol"]']],
    [['data.iam_policy.ecs_ro'], ['data.iam_policy.ecs_ro']],
    [['iam_user.nobody'], []],
  ])('filters by %j', async (filters, expected) => {
    withState();
    const result = await runCli(['state', 'list', ...filters], { cwd: dir });
    expect(result.code).toBe(0);
    expect(result.stdout).toBe(expected.map((a) => a + '\n').join(''));
  });

  it('reads another file with --state, relative to the working directory', async () => {
    mkdirSync(join(dir, 'elsewhere'));
    copyFileSync(fixture, join(dir, 'elsewhere', 'prod.json'));
    const result = await runCli(['state', 'list', '--state', 'elsewhere/prod.json', 'iam_group.ops'], { cwd: dir });
    expect(result.code).toBe(0);
    expect(result.stdout).toBe('iam_group.ops\n');
  });

  it('rejects an invalid address filter', async () => {
    withState();
    const result = await runCli(['state', 'list', 'iam_user'], { cwd: dir });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('Error: Invalid resource address "iam_user"');
  });

  it('says when there is no state file', async () => {
    const result = await runCli(['state', 'list'], { cwd: dir });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('Error: No state file was found');
    expect(result.stderr).toContain('state/default.iamstate.json');
  });

  it('shows where a damaged state file is broken, without a stack trace', async () => {
    mkdirSync(join(dir, 'state'));
    writeFileSync(statePath, '{\n  "format_version": 1,\n  "serial": 2\n  "lineage": "x"\n}\n');
    const result = await runCli(['state', 'list'], { cwd: dir });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('Error: State file is not valid JSON');
    expect(result.stderr).toContain('on state/default.iamstate.json line 4:');
    expect(result.stderr).toContain('4:   "lineage": "x"');
    expect(result.stderr).toContain('Expected "," or "}" after a property value');
    expect(result.stderr).not.toMatch(/\n\s+at /);
  });

  it('prints help with examples', async () => {
    const result = await runCli(['state', 'list', '--help']);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('Examples:');
    expect(result.stdout).toContain('--state <path>');
  });
});

describe('iamform state show', () => {
  it.each([
    ['iam_user.alice', 'show-user.txt'],
    ['iam_user.team["bob"]', 'show-keyed.txt'],
    ['data.iam_policy.ecs_ro', 'show-data.txt'],
    ['iam_policy_attachment.ops_ecs_ro', 'show-attachment.txt'],
  ])('%s prints attributes with sensitive values hidden', async (address, file) => {
    withState();
    const result = await runCli(['state', 'show', address], { cwd: dir });
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expectGolden(golden(file), result.stdout);
  });

  it('never prints a sensitive value', async () => {
    withState();
    const result = await runCli(['state', 'show', 'iam_user.alice'], { cwd: dir });
    expect(result.stdout).not.toContain('+49-170');
    expect(result.stdout).not.toContain('abcd');
    expect(result.stdout).not.toContain('sha256');
    expect(result.stdout).toMatch(/\n {4}phone += \(sensitive value\)\n/);
  });

  it('asks for an instance when the resource has several', async () => {
    withState();
    const result = await runCli(['state', 'show', 'iam_user.team'], { cwd: dir });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('Error: iam_user.team has 2 instances');
    expect(result.stderr).toContain('iam_user.team["bob"], iam_user.team["carol"]');
  });

  it('suggests the closest address when there is no such instance', async () => {
    withState();
    const result = await runCli(['state', 'show', 'iam_user.alcie'], { cwd: dir });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('Error: No instance iam_user.alcie in state');
    expect(result.stderr).toContain('Did you mean iam_user.alice?');
  });
});

describe('iamform force-unlock', () => {
  async function lockState(): Promise<string> {
    const result = await fileStateStore({ path: statePath }).lock({ operation: 'apply', timeoutMs: 0 });
    if (result.kind !== 'ok') throw new Error('could not lock');
    return result.lock.id;
  }

  it('removes the lock with the right id and --force', async () => {
    const id = await lockState();
    const result = await runCli(['--chdir', dir, 'force-unlock', id, '--force']);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('successfully unlocked');
    expect(existsSync(`${statePath}.lock`)).toBe(false);
  });

  it('refuses a wrong id, naming the current lock, and keeps it', async () => {
    const id = await lockState();
    const result = await runCli(['force-unlock', 'not-the-id', '--force'], { cwd: dir });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('Error: Lock ID does not match the current lock');
    expect(result.stderr).toContain(`ID:        ${id}`);
    expect(result.stderr).toContain('Operation: apply');
    expect(existsSync(`${statePath}.lock`)).toBe(true);
  });

  it('says when the state is not locked', async () => {
    const result = await runCli(['force-unlock', 'some-id', '--force'], { cwd: dir });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('Error: State is not locked');
  });

  it('fails fast without a terminal, naming --force', async () => {
    const id = await lockState();
    const result = await runCli(['force-unlock', id], { cwd: dir });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('Pass --force');
    expect(existsSync(`${statePath}.lock`)).toBe(true);
  });

  it.each([
    ['yes', 0, false],
    ['no', 1, true],
  ] as const)('on a terminal, asks and acts on %j', async (answer, code, lockRemains) => {
    const id = await lockState();
    const io = memoryIo({ cwd: dir, tty: true, lines: [answer] });
    expect(await main(['force-unlock', id], io)).toBe(code);
    expect(io.err()).toContain('Do you really want to force-unlock?');
    expect(io.err()).toContain(`ID:        ${id}`);
    expect(existsSync(`${statePath}.lock`)).toBe(lockRemains);
  });

  it('prints help with examples', async () => {
    const result = await runCli(['force-unlock', '--help']);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('Examples:');
    expect(result.stdout).toContain('--force');
  });
});
