/**
 * Providers: the `Provider` interface and its implementations over the IAM backend — the
 * embedded backend in-process, and an in-memory fake for tests. Both map schema attributes
 * to backend calls through one `PortProvider`, and both pass test/provider/conformance.ts.
 */
export type * from './types.js';
export type { BackendPort } from './port.js';
export { PortProvider, managedTypes, type PortProviderOptions } from './port-provider.js';
export { openEmbeddedProvider, embeddedProviderFor, type EmbeddedProviderOptions } from './embedded/embedded-provider.js';
export { createMemoryProvider, type MemoryProviderOptions } from './memory/memory-provider.js';
export { MemoryBackend, type MemoryBackendOptions } from './memory/memory-backend.js';
export { encodeAttachmentId, decodeAttachmentId } from './attachment-id.js';
