import { MemoryStorage, memoryStateStore } from '../../src/state/index.js';
import { describeStateStore } from './conformance.js';

describeStateStore('memory', async (env) => {
  const storage = new MemoryStorage();
  return {
    open: (options = {}) =>
      memoryStateStore({
        env,
        storage,
        ...(options.identity ? { identity: options.identity } : {}),
        ...(options.writeOnly ? { writeOnly: options.writeOnly } : {}),
      }),
    cleanup: async () => undefined,
  };
});
