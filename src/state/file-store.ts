import { errorDiag, type Diagnostic } from '../diag/index.js';
import { decodeStateFile } from './decode.js';
import { serializeStateChunks, type WriteOnlyLookup } from './file-format.js';
import { createExclusive, identityOf, linkOrCopy, readIfExists, removeAbandonedTemps, removeIfExists, replaceAtomically, sameIdentity, type FileIdentity } from './file-io.js';
import { backupPathOf, lockPathOf } from './location.js';
import { emptyState } from './state.js';
import { acquireLock, checkRelease, checkWrite, lockHeldDiagnostic, newLock, type LockAttempt, type LockIdentity, type StoredSummary } from './store-common.js';
import { processExists, processIdentity, systemEnvironment } from './system-env.js';
import type { Lock, LockInfo, LockResult, State, StateResult, StateStore, StoreEnvironment, WriteOptions, WriteResult } from './types.js';

export interface FileStoreOptions {
  /** Absolute path of the state file (see `resolveStatePath`). */
  readonly path: string;
  /** How diagnostics name the file, e.g. relative to the config directory; defaults to `path`. */
  readonly displayPath?: string;
  readonly env?: StoreEnvironment;
  readonly identity?: LockIdentity;
  /** Whether a process id exists on this host; used to say that a lock's holder is gone. */
  readonly processExists?: (pid: number) => boolean;
  readonly iamformVersion?: string;
  readonly writeOnly?: WriteOnlyLookup;
}

/**
 * State in a local JSON file. Writes replace the file atomically and keep the previous
 * content in `<path>.backup`; both have mode 0600. The lock is the sidecar `<path>.lock`
 * holding the lock as JSON; a lock whose holder died stays until `forceUnlock`.
 *
 * The compare-and-swap of `write` reads and then replaces the file: it is exact for writers
 * that hold the lock, and detects (but cannot prevent) a conflict between unlocked writers
 * racing within the same instant.
 */
export function fileStateStore(options: FileStoreOptions): StateStore {
  const env = options.env ?? systemEnvironment();
  const identity = options.identity ?? processIdentity();
  const exists = options.processExists ?? processExists;
  const location = options.displayPath ?? options.path;
  const lockPath = lockPathOf(options.path);

  const ioError = (action: string, error: unknown): Diagnostic =>
    errorDiag('state.io', `Cannot ${action} ${location}`, { detail: error instanceof Error ? error.message : String(error) });

  /**
   * What this handle last read or wrote, with the identity of the file it was in. While the
   * file keeps that identity (every write replaces the inode) a write need not re-read it.
   */
  let known: { identity: FileIdentity; summary: StoredSummary } | undefined;

  /** The decoded stored state; `state` is undefined for an absent file. */
  const load = async (): Promise<{ kind: 'ok'; state?: State } | { kind: 'error'; diagnostics: Diagnostic[] }> => {
    let text: string | undefined;
    let identity: FileIdentity | undefined;
    try {
      // The identity is taken first: if the file is replaced before it is read, the cache
      // holds an identity that no longer matches, which only costs a re-read.
      identity = await identityOf(options.path);
      text = await readIfExists(options.path);
    } catch (error) {
      return { kind: 'error', diagnostics: [ioError('read the state file', error)] };
    }
    if (text === undefined) return { kind: 'ok' };
    const decoded = decodeStateFile(text, location);
    if (!decoded.state) return { kind: 'error', diagnostics: await withBackupHint(decoded.diagnostics) };
    if (identity) known = { identity, summary: { serial: decoded.state.serial, lineage: decoded.state.lineage } };
    return { kind: 'ok', state: decoded.state };
  };

  /** Serial and lineage of what is stored now, re-reading the file only if it changed. */
  const storedSummary = async (): Promise<{ kind: 'ok'; summary?: StoredSummary } | { kind: 'error'; diagnostics: Diagnostic[] }> => {
    let identity: FileIdentity | undefined;
    try {
      identity = await identityOf(options.path);
    } catch (error) {
      return { kind: 'error', diagnostics: [ioError('read the state file', error)] };
    }
    if (identity === undefined) return { kind: 'ok' };
    if (known && sameIdentity(identity, known.identity)) return { kind: 'ok', summary: known.summary };
    const loaded = await load();
    if (loaded.kind === 'error') return loaded;
    return { kind: 'ok', ...(loaded.state ? { summary: { serial: loaded.state.serial, lineage: loaded.state.lineage } } : {}) };
  };

  /** Points at the backup, when there is one, after the first diagnostic of an unreadable file. */
  const withBackupHint = async (diagnostics: Diagnostic[]): Promise<Diagnostic[]> => {
    const [first, ...rest] = diagnostics;
    if (!first || !(await readIfExists(backupPathOf(options.path)).catch(() => undefined))) return diagnostics;
    const hint = `The version before the last write is kept in ${backupPathOf(location)}.`;
    return [{ ...first, detail: first.detail ? `${first.detail}\n\n${hint}` : hint }, ...rest];
  };

  const readLock = async (): Promise<{ kind: 'ok'; lock?: Lock } | { kind: 'error'; diagnostics: Diagnostic[] }> => {
    let text: string | undefined;
    try {
      text = await readIfExists(lockPath);
    } catch (error) {
      return { kind: 'error', diagnostics: [ioError('read the lock file of', error)] };
    }
    if (text === undefined) return { kind: 'ok' };
    const lock = parseLock(text);
    if (!lock) {
      return {
        kind: 'error',
        diagnostics: [
          errorDiag('state.lock-invalid', 'The state lock file is damaged', {
            detail: `${lockPathOf(location)} exists but does not hold a lock iamform can read. If no iamform command is running, delete that file.`,
          }),
        ],
      };
    }
    return { kind: 'ok', lock };
  };

  const release = async (lockId: string, force: boolean): Promise<Diagnostic[]> => {
    const current = await readLock();
    if (current.kind === 'error') return current.diagnostics;
    const problems = checkRelease(current.lock, lockId, location, force);
    if (problems.length > 0) return problems;
    try {
      await removeIfExists(lockPath);
    } catch (error) {
      return [ioError('remove the lock file of', error)];
    }
    return [];
  };

  return {
    async read(): Promise<StateResult> {
      const loaded = await load();
      if (loaded.kind === 'error') return loaded;
      if (!loaded.state) return { kind: 'ok', state: emptyState(env.newId()), persisted: false };
      return { kind: 'ok', state: loaded.state, persisted: true };
    },

    async write(state: State, { expectSerial }: WriteOptions): Promise<WriteResult> {
      const stored = await storedSummary();
      if (stored.kind === 'error') return stored;
      const problems = checkWrite(stored.summary, state, expectSerial, location);
      if (problems.length > 0) return { kind: 'error', diagnostics: problems };
      const serial = expectSerial + 1;
      const content = serializeStateChunks(state, serial, {
        iamformVersion: options.iamformVersion ?? 'unknown',
        ...(options.writeOnly ? { writeOnly: options.writeOnly } : {}),
      });
      try {
        if (stored.summary) await linkOrCopy(options.path, backupPathOf(options.path));
        const identity = await replaceAtomically(options.path, content);
        known = { identity, summary: { serial, lineage: state.lineage } };
      } catch (error) {
        known = undefined;
        return { kind: 'error', diagnostics: [ioError('write the state file', error)] };
      }
      await removeAbandonedTemps(options.path);
      await removeAbandonedTemps(backupPathOf(options.path));
      return { kind: 'ok', serial };
    },

    async lock(info: LockInfo): Promise<LockResult> {
      const attempt = async (): Promise<LockAttempt> => {
        const lock = newLock(info, identity, env);
        try {
          if (await createExclusive(lockPath, JSON.stringify(lock, null, 2) + '\n')) return { kind: 'acquired', lock };
        } catch (error) {
          return { kind: 'error', diagnostics: [ioError('create the lock file of', error)] };
        }
        const current = await readLock();
        if (current.kind === 'error') return current;
        // Released between our attempt and our read: try again at once.
        return current.lock ? { kind: 'held', holder: current.lock } : attempt();
      };
      return acquireLock(info, env, attempt, async (holder) =>
        lockHeldDiagnostic(holder, {
          location,
          timeoutMs: info.timeoutMs,
          holderGone: holder.host === identity.host && !exists(holder.pid),
        }),
      );
    },

    unlock: (lockId) => release(lockId, false),
    forceUnlock: (lockId) => release(lockId, true),

    async currentLock(): Promise<Lock | undefined> {
      const current = await readLock();
      return current.kind === 'ok' ? current.lock : undefined;
    },
  };
}

function parseLock(text: string): Lock | undefined {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return undefined;
  }
  if (value === null || typeof value !== 'object') return undefined;
  const v = value as Record<string, unknown>;
  const strings = ['id', 'holder', 'host', 'operation', 'created'] as const;
  if (!strings.every((key) => typeof v[key] === 'string') || typeof v['pid'] !== 'number') return undefined;
  return { id: v['id'] as string, holder: v['holder'] as string, pid: v['pid'], host: v['host'] as string, operation: v['operation'] as string, created: v['created'] as string };
}

