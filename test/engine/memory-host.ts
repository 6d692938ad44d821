import { MemoryJournalStorage } from '../../src/apply/index.js';
import { loadCatalog } from '../../src/backend/catalog/index.js';
import type { EngineHost, SecretBox } from '../../src/engine/index.js';
import { createMemoryProvider, MemoryBackend } from '../../src/provider/index.js';
import { sha256Hex } from '../../src/schema/index.js';
import { memoryStateStore, MemoryStorage, type StateStore } from '../../src/state/index.js';
import { memoryReader } from '../config/helpers.js';

/** A reversible stand-in for a cipher: enough to see that nothing is stored in plain text. */
export const testBox: SecretBox = {
  seal: (plain) => `sealed:${Buffer.from(plain).toString('base64')}`,
  open: (sealed) => (sealed.startsWith('sealed:') ? Buffer.from(sealed.slice(7), 'base64').toString() : undefined),
};

export interface MemoryHost extends EngineHost {
  readonly files: Record<string, string>;
  readonly backend: MemoryBackend;
  readonly store: StateStore;
  readonly storage: MemoryStorage;
}

/** The engine over memory implementations only: config files, state store, journal, backend. */
export function memoryHost(files: Record<string, string>): MemoryHost {
  let ids = 0;
  let now = 1_700_000_000_000;
  const storage = new MemoryStorage();
  const store = memoryStateStore({
    storage,
    env: { now: () => now, sleep: async (ms) => void (now += ms), newId: () => `00000000-0000-4000-8000-${String(++ids).padStart(12, '0')}` },
  });
  const journal = new MemoryJournalStorage();
  const backend = new MemoryBackend();
  return {
    files,
    backend,
    store,
    storage,
    reader: memoryReader(files),
    env: {},
    openState: () => ({ access: { store, journal, displayPath: 'memory' }, diagnostics: [] }),
    openProvider: () => ({ provider: createMemoryProvider({ backend }), diagnostics: [] }),
    catalog: loadCatalog(),
    hash: sha256Hex,
    secrets: testBox,
    clock: () => now,
  };
}
