import { createMemoryProvider, MemoryBackend } from '../../src/provider/index.js';
import { describeProvider } from './conformance.js';
import { countingLists } from './counting.js';

describeProvider('memory', () => {
  const { proxy, calls } = countingLists(new MemoryBackend());
  return { provider: createMemoryProvider({ backend: proxy }), listCalls: calls, cleanup: () => undefined };
});
