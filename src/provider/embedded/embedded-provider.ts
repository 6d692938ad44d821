import { IamService } from '../../backend/index.js';
import { PortProvider, type PortProviderOptions } from '../port-provider.js';
import type { Provider } from '../types.js';

export interface EmbeddedProviderOptions {
  /** The SQLite file of the IAM backend (created when missing), or `:memory:`. */
  readonly path: string;
  /** The account name, used only when the database is new. */
  readonly domain?: string;
  /** Who the backend's audit log names for changes; default `iamform`. */
  readonly actor?: string;
  readonly salt?: PortProviderOptions['salt'];
}

/**
 * The IAM backend in-process on its SQLite file. Opening a file that is not a database or
 * has a newer schema throws (a broken installation, not a user error the plan can show).
 */
export function openEmbeddedProvider(options: EmbeddedProviderOptions): Provider {
  const service = IamService.open({
    path: options.path,
    ...(options.domain !== undefined ? { domainName: options.domain } : {}),
    ...(options.actor !== undefined ? { actor: options.actor } : {}),
  });
  return embeddedProviderFor(service, { onClose: () => service.close(), ...(options.salt !== undefined ? { salt: options.salt } : {}) });
}

/** A provider over an already open service (which the caller closes, unless `onClose` does). */
export function embeddedProviderFor(service: IamService, options: PortProviderOptions = {}): Provider {
  return new PortProvider('embedded', service, options);
}
