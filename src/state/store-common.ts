import { errorDiag, type Diagnostic } from '../diag/index.js';
import type { Lock, LockInfo, LockResult, State, StoreEnvironment } from './types.js';

/** Who is taking a lock: the process identity a store records in it. */
export interface LockIdentity {
  readonly user: string;
  readonly pid: number;
  readonly host: string;
}

/** The outcome of one attempt to take a lock. */
export type LockAttempt =
  | { readonly kind: 'acquired'; readonly lock: Lock }
  | { readonly kind: 'held'; readonly holder: Lock }
  | { readonly kind: 'error'; readonly diagnostics: Diagnostic[] };

/** First and longest pause between attempts while waiting for a lock. */
const FIRST_DELAY_MS = 25;
const MAX_DELAY_MS = 1000;

export function newLock(info: LockInfo, identity: LockIdentity, env: StoreEnvironment): Lock {
  return {
    id: env.newId(),
    holder: info.who ?? identity.user,
    pid: identity.pid,
    host: identity.host,
    operation: info.operation,
    created: new Date(env.now()).toISOString(),
  };
}

/**
 * Calls `attempt` until it acquires the lock or `info.timeoutMs` has passed, pausing with
 * growing delays (never past the deadline). The last holder seen is described by `describe`.
 */
export async function acquireLock(
  info: LockInfo,
  env: StoreEnvironment,
  attempt: () => Promise<LockAttempt>,
  describe: (holder: Lock) => Promise<Diagnostic>,
): Promise<LockResult> {
  const deadline = env.now() + Math.max(0, info.timeoutMs);
  let delay = FIRST_DELAY_MS;
  for (;;) {
    const result = await attempt();
    switch (result.kind) {
      case 'acquired':
        return { kind: 'ok', lock: result.lock };
      case 'error':
        return { kind: 'error', diagnostics: result.diagnostics };
      case 'held': {
        const remaining = deadline - env.now();
        if (remaining <= 0) return { kind: 'error', diagnostics: [await describe(result.holder)], holder: result.holder };
        await env.sleep(Math.min(delay, remaining));
        delay = Math.min(delay * 2, MAX_DELAY_MS);
        break;
      }
      default: {
        const unreachable: never = result;
        throw new Error(`unknown lock attempt ${JSON.stringify(unreachable)}`);
      }
    }
  }
}

/** The lock's fields as `force-unlock` users need them, one per line. */
export function describeLock(lock: Lock): string {
  return [
    `  ID:        ${lock.id}`,
    `  Operation: ${lock.operation}`,
    `  Who:       ${lock.holder}`,
    `  Process:   ${lock.pid}`,
    `  Host:      ${lock.host}`,
    `  Created:   ${lock.created}`,
  ].join('\n');
}

export interface HeldLockContext {
  /** Where the state is, as the user should read it. */
  readonly location: string;
  readonly timeoutMs: number;
  /** True when the holder's process is known to be gone (same host, no such process). */
  readonly holderGone: boolean;
}

export function lockHeldDiagnostic(holder: Lock, context: HeldLockContext): Diagnostic {
  const waited = context.timeoutMs > 0 ? ` after waiting ${formatDuration(context.timeoutMs)}` : '';
  const gone = context.holderGone
    ? `\n\nThe process that took this lock (process ${holder.pid} on ${holder.host}) no longer exists. If no other iamform command is running, remove the lock with:\n  iamform force-unlock ${holder.id}`
    : `\n\nWait for that operation to finish, or pass --lock-timeout to wait for it. If it was interrupted, remove the lock with:\n  iamform force-unlock ${holder.id}`;
  return errorDiag('state.locked', 'Error acquiring the state lock', {
    detail: `The state at ${context.location} is locked by another operation${waited}.\n\nLock Info:\n${describeLock(holder)}${gone}`,
  });
}

/** Checks that `lockId` names the current lock before releasing it. */
export function checkRelease(current: Lock | undefined, lockId: string, location: string, force: boolean): Diagnostic[] {
  if (!current) {
    return [errorDiag('state.not-locked', 'State is not locked', { detail: `There is no lock on the state at ${location}, so there is nothing to ${force ? 'force-unlock' : 'unlock'}.` })];
  }
  if (current.id !== lockId) {
    return [
      errorDiag('state.lock-id-mismatch', 'Lock ID does not match the current lock', {
        detail: `The state at ${location} is locked with a different ID than "${lockId}"; the lock was left in place.\n\nLock Info:\n${describeLock(current)}`,
      }),
    ];
  }
  return [];
}

/** What a compare-and-swap write checks of the stored state. */
export interface StoredSummary {
  readonly serial: number;
  readonly lineage: string;
}

/** Checks a compare-and-swap write against what is stored; empty when the write may proceed. */
export function checkWrite(stored: StoredSummary | undefined, state: State, expectSerial: number, location: string): Diagnostic[] {
  const storedSerial = stored?.serial ?? 0;
  if (storedSerial !== expectSerial) {
    return [
      errorDiag('state.serial-conflict', 'State changed since it was read', {
        detail: `The state at ${location} is at serial ${storedSerial}, but this operation read it at serial ${expectSerial}: another operation wrote it in between. Nothing was written; run the command again to work from the current state.`,
      }),
    ];
  }
  if (stored && stored.lineage !== state.lineage) {
    return [
      errorDiag('state.lineage-mismatch', 'State belongs to a different lineage', {
        detail: `The state at ${location} has lineage ${stored.lineage}, but the state being written has lineage ${state.lineage}. They are different histories; refusing to overwrite one with the other.`,
      }),
    ];
  }
  return [];
}

function formatDuration(ms: number): string {
  return ms % 1000 === 0 ? `${ms / 1000}s` : `${ms}ms`;
}
