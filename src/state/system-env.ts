import { randomUUID } from 'node:crypto';
import { hostname, userInfo } from 'node:os';
import type { LockIdentity } from './store-common.js';
import type { StoreEnvironment } from './types.js';

/** The real clock, timers and random ids. */
export function systemEnvironment(): StoreEnvironment {
  return {
    now: () => Date.now(),
    sleep: (ms) => new Promise((resolveSleep) => setTimeout(resolveSleep, ms)),
    newId: () => randomUUID(),
  };
}

/** This process as a lock holder: the login name (or `unknown`), process id and host name. */
export function processIdentity(): LockIdentity {
  let user = 'unknown';
  try {
    user = userInfo().username;
  } catch {
    // No passwd entry for this uid (e.g. in some containers): keep `unknown`.
  }
  return { user, pid: process.pid, host: hostname() };
}

/** True when a process with this id exists on this host (it may belong to another user). */
export function processExists(pid: number): boolean {
  if (!Number.isSafeInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
