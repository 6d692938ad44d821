import type { StoreEnvironment } from '../../src/state/index.js';

export interface FakeEnv {
  readonly env: StoreEnvironment;
  /** Every pause requested, in order. */
  readonly sleeps: number[];
  /** Called after each pause with the fake time slept so far. */
  onSleep(hook: (sleptMs: number) => void | Promise<void>): void;
}

/** A clock that only moves when slept on, and predictable ids. */
export function fakeEnv(start = Date.parse('2026-03-01T10:00:00.000Z')): FakeEnv {
  let now = start;
  let slept = 0;
  let counter = 0;
  let hook: ((sleptMs: number) => void | Promise<void>) | undefined;
  const sleeps: number[] = [];
  return {
    env: {
      now: () => now,
      sleep: async (ms) => {
        sleeps.push(ms);
        now += ms;
        slept += ms;
        await hook?.(slept);
      },
      newId: () => `00000000-0000-4000-8000-${String(++counter).padStart(12, '0')}`,
    },
    sleeps,
    onSleep: (h) => {
      hook = h;
    },
  };
}
