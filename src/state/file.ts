/** The file state store and what it needs from the operating system (impure: uses `node:*`). */
export { fileStateStore, type FileStoreOptions } from './file-store.js';
export { resolveStatePath, DEFAULT_STATE_PATH, backupPathOf, lockPathOf } from './location.js';
export { systemEnvironment, processIdentity, processExists } from './system-env.js';
