import { afterEach, beforeEach } from 'vitest';
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

interface TestService {
  readonly service: IamService;
  readonly temp: TempDir;
  close(): void;
}

/** A service on a real database file in a fresh temporary directory. */
export function openTestService(options: Partial<IamServiceOptions> = {}): TestService {
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

/**
 * Gives each test of the calling file its own test service: opened before the test and handed
 * to `assign`, closed after it. `temp` is the current test's directory.
 */
export function serviceForEachTest(assign: (service: IamService) => void): { readonly temp: TempDir } {
  let current: TestService | undefined;
  beforeEach(() => {
    current = openTestService();
    assign(current.service);
  });
  afterEach(() => {
    current?.close();
    current = undefined;
  });
  return {
    get temp() {
      if (!current) throw new Error('serviceForEachTest: temp is only there during a test');
      return current.temp;
    },
  };
}

export function projectId(service: IamService, name: string): string {
  return unwrap(service.findProject(name)).id;
}

export function policyId(service: IamService, displayName: string): string {
  return unwrap(service.findPolicy(displayName)).id;
}
