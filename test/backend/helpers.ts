import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { IamService, unwrap, type IamServiceOptions } from '../../src/backend/index.js';
import type { RandomSource } from '../../src/backend/crypto/secrets.js';

/** A repeatable byte source (xorshift32), so ids and salts are the same on every run. */
export function seededRandom(seed = 1): RandomSource {
  let state = seed >>> 0 || 1;
  return (bytes) => {
    const out = new Uint8Array(bytes);
    for (let i = 0; i < bytes; i++) {
      state ^= state << 13;
      state >>>= 0;
      state ^= state >>> 17;
      state ^= state << 5;
      state >>>= 0;
      out[i] = state & 0xff;
    }
    return out;
  };
}

/** A clock that starts at 2026-01-01T00:00:00Z and advances one second per reading. */
export function steppingClock(start = Date.UTC(2026, 0, 1)): () => Date {
  let now = start;
  return () => {
    const date = new Date(now);
    now += 1000;
    return date;
  };
}

export interface TempDir {
  readonly dir: string;
  readonly dbPath: string;
  cleanup(): void;
}

export function tempDir(): TempDir {
  const dir = mkdtempSync(join(tmpdir(), 'iamform-backend-'));
  return { dir, dbPath: join(dir, 'iam.db'), cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

/** A service on a real database file in a fresh temporary directory. */
export function openTestService(options: Partial<IamServiceOptions> = {}): { service: IamService; temp: TempDir; close(): void } {
  const temp = tempDir();
  const service = IamService.open({ path: temp.dbPath, clock: steppingClock(), random: seededRandom(), ...options });
  return {
    service,
    temp,
    close() {
      service.close();
      temp.cleanup();
    },
  };
}

export function projectId(service: IamService, name: string): string {
  return unwrap(service.findProject(name)).id;
}

export function policyId(service: IamService, displayName: string): string {
  return unwrap(service.findPolicy(displayName)).id;
}
