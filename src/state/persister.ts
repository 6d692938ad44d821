import type { State, StateStore, WriteResult } from './types.js';

/**
 * Group commit for apply: many workers each call `persist()` after changing the state, and
 * each gets back a promise that settles once a write containing its change is stored. At
 * most one write is in flight; changes made meanwhile share the next write. So an intent
 * journalled before a backend call is durable when `persist()` resolves, while the number of
 * writes stays bounded by write time, not by the number of changes.
 *
 * After a failed write (a serial conflict, an IO error) every later `persist()` returns the
 * same failure without writing: the caller must stop and report it.
 */
export interface StatePersister {
  persist(): Promise<WriteResult>;
  /** The serial of the last stored write (the starting serial before any). */
  serial(): number;
}

/** `current` returns the state to store; it is called when a write starts. */
export function statePersister(store: StateStore, current: () => State, startSerial: number): StatePersister {
  let serial = startSerial;
  let requested = 0;
  let committed = 0;
  let inFlight: Promise<void> | undefined;
  let failure: WriteResult | undefined;

  const startWrite = (): Promise<void> => {
    const covers = requested;
    const state = current();
    return store.write(state, { expectSerial: serial }).then(
      (result) => {
        if (result.kind === 'ok') {
          serial = result.serial;
          committed = covers;
        } else failure = result;
        inFlight = undefined;
      },
      (error: unknown) => {
        inFlight = undefined;
        throw error;
      },
    );
  };

  return {
    async persist(): Promise<WriteResult> {
      const target = ++requested;
      for (;;) {
        if (failure) return failure;
        if (committed >= target) return { kind: 'ok', serial };
        if (!inFlight) inFlight = startWrite();
        await inFlight;
      }
    },
    serial: () => serial,
  };
}
