/**
 * State: the model, the versioned file format and the memory store. Everything here is pure
 * (no `node:*`), so the planner may import it; the file store is in `./file.js`.
 */
export * from './types.js';
export * from './state.js';
export { FORMAT_VERSION, serializeState, serializeStateChunks, toFileJson, stateFileSchemaV1 } from './file-format.js';
export type { StateFileJson, ResourceJson, InstanceJson, PendingJson, WriteOnlyLookup, EncodeOptions } from './file-format.js';
export { decodeStateFile, type DecodeResult } from './decode.js';
export { upgraders, type Upgrader } from './upgrade.js';
export { redactWriteOnly, hasValueAt } from './redact.js';
export { canonicalJson, comparePaths, pathCovers, formatPath } from './json-values.js';
export { renderInstance } from './show.js';
export { describeLock, type LockIdentity } from './store-common.js';
export { memoryStateStore, MemoryStorage, type MemoryStoreOptions } from './memory-store.js';
export { StateBuilder } from './builder.js';
export { statePersister, type StatePersister } from './persister.js';
