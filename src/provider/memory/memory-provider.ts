import { PortProvider, type PortProviderOptions } from '../port-provider.js';
import type { Provider } from '../types.js';
import { MemoryBackend, type MemoryBackendOptions } from './memory-backend.js';

export interface MemoryProviderOptions extends MemoryBackendOptions {
  /** A backend to share between providers (e.g. to look behind the provider in a test). */
  readonly backend?: MemoryBackend;
  readonly salt?: PortProviderOptions['salt'];
}

/** A provider over an in-memory backend: fast, isolated, for tests of the engine. */
export function createMemoryProvider(options: MemoryProviderOptions = {}): Provider {
  const backend = options.backend ?? new MemoryBackend(options);
  return new PortProvider('memory', backend, options.salt !== undefined ? { salt: options.salt } : {});
}
