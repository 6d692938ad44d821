import type { Diagnostic } from '../diag/index.js';
import { decodeStateFile } from './decode.js';
import { serializeState, type WriteOnlyLookup } from './file-format.js';
import { emptyState } from './state.js';
import { acquireLock, checkRelease, checkWrite, lockHeldDiagnostic, newLock, type LockIdentity } from './store-common.js';
import type { Lock, LockInfo, LockResult, State, StateResult, StateStore, StoreEnvironment, WriteOptions, WriteResult } from './types.js';

/**
 * What several memory store handles share, like processes sharing one state file: the
 * serialized state and the current lock. Create one and open handles on it with
 * `memoryStateStore({ storage })`.
 */
export class MemoryStorage {
  /** The state as a file would hold it, so reads go through the same decoding as files. */
  text: string | undefined;
  lock: Lock | undefined;
}

export interface MemoryStoreOptions {
  readonly env: StoreEnvironment;
  readonly storage?: MemoryStorage;
  readonly identity?: LockIdentity;
  readonly iamformVersion?: string;
  readonly writeOnly?: WriteOnlyLookup;
  /** The name used in diagnostics. */
  readonly location?: string;
}

const MEMORY_IDENTITY: LockIdentity = { user: 'iamform', pid: 0, host: 'memory' };

/**
 * A state store in memory, for tests. It serializes on write and decodes on read exactly as
 * the file store does, so callers see the same normalisation and write-only redaction.
 */
export function memoryStateStore(options: MemoryStoreOptions): StateStore {
  const storage = options.storage ?? new MemoryStorage();
  const identity = options.identity ?? MEMORY_IDENTITY;
  const location = options.location ?? 'memory';
  const { env } = options;

  const release = async (lockId: string, force: boolean): Promise<Diagnostic[]> => {
    const problems = checkRelease(storage.lock, lockId, location, force);
    if (problems.length === 0) storage.lock = undefined;
    return problems;
  };

  const decodeStored = (): StateResult => {
    if (storage.text === undefined) return { kind: 'ok', state: emptyState(env.newId()), persisted: false };
    const decoded = decodeStateFile(storage.text, location);
    if (!decoded.state) return { kind: 'error', diagnostics: decoded.diagnostics };
    return { kind: 'ok', state: decoded.state, persisted: true };
  };

  return {
    async read(): Promise<StateResult> {
      return decodeStored();
    },

    async write(state: State, { expectSerial }: WriteOptions): Promise<WriteResult> {
      const stored = decodeStored();
      if (stored.kind === 'error') return stored;
      const problems = checkWrite(stored.persisted ? stored.state : undefined, state, expectSerial, location);
      if (problems.length > 0) return { kind: 'error', diagnostics: problems };
      const serial = expectSerial + 1;
      storage.text = serializeState(state, serial, {
        iamformVersion: options.iamformVersion ?? 'unknown',
        ...(options.writeOnly ? { writeOnly: options.writeOnly } : {}),
      });
      return { kind: 'ok', serial };
    },

    async lock(info: LockInfo): Promise<LockResult> {
      return acquireLock(
        info,
        env,
        async () => {
          if (storage.lock) return { kind: 'held', holder: storage.lock };
          storage.lock = newLock(info, identity, env);
          return { kind: 'acquired', lock: storage.lock };
        },
        async (holder) => lockHeldDiagnostic(holder, { location, timeoutMs: info.timeoutMs, holderGone: false }),
      );
    },

    unlock: (lockId) => release(lockId, false),
    forceUnlock: (lockId) => release(lockId, true),

    async currentLock(): Promise<Lock | undefined> {
      return storage.lock;
    },
  };
}
