import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { emptyState, setInstance, type StateStore } from '../../src/state/index.js';
import { fileStateStore, resolveStatePath, type FileStoreOptions } from '../../src/state/file.js';
import { describeStateStore } from './conformance.js';
import { fakeEnv } from './fake-env.js';

describeStateStore('file', async (env) => {
  const dir = mkdtempSync(join(tmpdir(), 'iamform-state-'));
  const path = resolveStatePath(dir);
  return {
    open: (options = {}) =>
      fileStateStore({
        path,
        env,
        processExists: () => true,
        ...(options.identity ? { identity: options.identity } : {}),
        ...(options.writeOnly ? { writeOnly: options.writeOnly } : {}),
      }),
    cleanup: async () => rmSync(dir, { recursive: true, force: true }),
  };
});

describe('resolveStatePath', () => {
  it.each([
    ['/cfg', undefined, '/cfg/state/default.iamstate.json'],
    ['/cfg', '', '/cfg/state/default.iamstate.json'],
    ['/cfg', 'prod.json', '/cfg/prod.json'],
    ['/cfg', '../shared/s.json', '/shared/s.json'],
    ['/cfg', '/var/lib/iamform/s.json', '/var/lib/iamform/s.json'],
  ] as const)('(%s, %s) is %s', (dir, configured, expected) => {
    expect(resolveStatePath(dir, configured)).toBe(expected);
  });
});

describe('the file store on disk', () => {
  let dir: string;
  let path: string;
  const identity = { user: 'alice', pid: 4101, host: 'this-host' };
  const open = (extra: Partial<FileStoreOptions> = {}): StateStore =>
    fileStateStore({ path, displayPath: 'state/default.iamstate.json', env: fakeEnv().env, identity, iamformVersion: '9.9.9', ...extra });

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'iamform-state-'));
    path = resolveStatePath(dir);
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  const withUser = (lineage: string, name: string) =>
    setInstance(emptyState(lineage), { mode: 'managed', type: 'iam_user', name: 'u' }, { id: 'u-1', attributes: { name }, sensitivePaths: [], dependencies: [] });

  it('creates state/ under the config directory and writes mode 0600 with a trailing newline', async () => {
    const store = open();
    expect(await store.write(withUser('L', 'alice'), { expectSerial: 0 })).toEqual({ kind: 'ok', serial: 1 });
    expect(statSync(path).mode & 0o777).toBe(0o600);
    const text = readFileSync(path, 'utf8');
    expect(text.endsWith('}\n')).toBe(true);
    expect(JSON.parse(text)).toMatchObject({ format_version: 1, iamform_version: '9.9.9', lineage: 'L', serial: 1 });
    expect(existsSync(`${path}.backup`)).toBe(false);
  });

  it('keeps the previous version as the backup, also mode 0600', async () => {
    const store = open();
    await store.write(withUser('L', 'alice'), { expectSerial: 0 });
    const first = readFileSync(path, 'utf8');
    await store.write(withUser('L', 'bob'), { expectSerial: 1 });
    expect(readFileSync(`${path}.backup`, 'utf8')).toBe(first);
    expect(statSync(`${path}.backup`).mode & 0o777).toBe(0o600);
    expect(JSON.parse(readFileSync(path, 'utf8'))).toMatchObject({ serial: 2 });
  });

  it('leaves no temporary files behind, and removes those of writers that died', async () => {
    mkdirSync(join(dir, 'state'));
    const abandoned = join(dir, 'state', '.default.iamstate.json.tmp-999999999-abcdef');
    writeFileSync(abandoned, '{"half":');
    await open().write(withUser('L', 'alice'), { expectSerial: 0 });
    expect(readdirSync(join(dir, 'state')).sort()).toEqual(['default.iamstate.json']);
  });

  it('reports a damaged state file with line and column, and refuses to overwrite it', async () => {
    mkdirSync(join(dir, 'state'));
    writeFileSync(path, '{\n  "format_version": 1,\n  "serial": 3,,\n}\n');
    const store = open();
    const read = await store.read();
    expect(read.kind).toBe('error');
    if (read.kind !== 'error') return;
    expect(read.diagnostics[0]?.code).toBe('state.syntax');
    expect(read.diagnostics[0]?.range).toMatchObject({ file: 'state/default.iamstate.json', start: { line: 3, column: 15 } });
    const write = await store.write(withUser('L', 'x'), { expectSerial: 3 });
    expect(write.kind === 'error' && write.diagnostics[0]?.code).toBe('state.syntax');
    expect(readFileSync(path, 'utf8')).toContain(',,');
  });

  it('writes the lock as a 0600 sidecar file holding the lock JSON, removed on unlock', async () => {
    const store = open();
    const result = await store.lock({ operation: 'apply', timeoutMs: 0 });
    if (result.kind !== 'ok') throw new Error('lock failed');
    const lockPath = `${path}.lock`;
    expect(JSON.parse(readFileSync(lockPath, 'utf8'))).toEqual(result.lock);
    expect(statSync(lockPath).mode & 0o777).toBe(0o600);
    expect(await store.unlock(result.lock.id)).toEqual([]);
    expect(existsSync(lockPath)).toBe(false);
  });

  it('says when the holder process is gone on this host, but keeps the lock', async () => {
    const first = open({ processExists: () => true });
    const held = await first.lock({ operation: 'apply', timeoutMs: 0 });
    if (held.kind !== 'ok') throw new Error('lock failed');
    const gone = await open({ processExists: (pid) => pid !== 4101 }).lock({ operation: 'plan', timeoutMs: 0 });
    expect(gone.kind === 'error' && gone.diagnostics[0]?.detail).toContain('(process 4101 on this-host) no longer exists');
    const alive = await open({ processExists: () => true }).lock({ operation: 'plan', timeoutMs: 0 });
    expect(alive.kind === 'error' && alive.diagnostics[0]?.detail).not.toContain('no longer exists');
    const elsewhere = await open({ identity: { ...identity, host: 'other-host' }, processExists: () => false }).lock({ operation: 'plan', timeoutMs: 0 });
    expect(elsewhere.kind === 'error' && elsewhere.diagnostics[0]?.detail).not.toContain('no longer exists');
    expect(await first.currentLock()).toEqual(held.lock);
  });

  it('reports a damaged lock file instead of guessing its holder', async () => {
    mkdirSync(join(dir, 'state'));
    writeFileSync(`${path}.lock`, '');
    const result = await open().lock({ operation: 'apply', timeoutMs: 0 });
    expect(result.kind === 'error' && result.diagnostics[0]?.code).toBe('state.lock-invalid');
  });

  it('reads a version-0 file and writes it back in the current format', async () => {
    mkdirSync(join(dir, 'state'));
    const v0 = readFileSync(new URL('../fixtures/state/roundtrip/v0-flat.in.json', import.meta.url), 'utf8');
    writeFileSync(path, v0);
    const store = open();
    const read = await store.read();
    if (read.kind !== 'ok') throw new Error('read failed');
    expect(await store.write(read.state, { expectSerial: 4 })).toEqual({ kind: 'ok', serial: 5 });
    expect(JSON.parse(readFileSync(path, 'utf8'))).toMatchObject({ format_version: 1, serial: 5, lineage: read.state.lineage });
    expect(readFileSync(`${path}.backup`, 'utf8')).toBe(v0);
  });
});

describe('a damaged state file with a backup beside it', () => {
  it('points at the backup', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'iamform-state-'));
    try {
      const path = resolveStatePath(dir);
      const store = fileStateStore({ path, displayPath: 'state/default.iamstate.json', env: fakeEnv().env });
      await store.write(emptyState('L'), { expectSerial: 0 });
      await store.write(emptyState('L'), { expectSerial: 1 });
      writeFileSync(path, '{"format_version": 1');
      const read = await store.read();
      expect(read.kind === 'error' && read.diagnostics[0]?.detail).toContain('kept in state/default.iamstate.json.backup');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
