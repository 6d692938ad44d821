import { randomBytes } from 'node:crypto';
import type { JsonObject } from '../state/index.js';
import { DATA_KIND_PREFIX, listDataSource, readDataSource } from './data-sources.js';
import { accessKeys } from './kinds/access-keys.js';
import { failure, type KindContext, type KindHandler } from './kinds/common.js';
import { groups, memberships } from './kinds/groups.js';
import { attachments, policies } from './kinds/policies.js';
import { enterpriseProjects, projects } from './kinds/projects.js';
import { users } from './kinds/users.js';
import type { BackendPort } from './port.js';
import type { CreatedObject, Provider, ProviderResult, RemoteObject, UpdatedObject } from './types.js';

const handlers: ReadonlyMap<string, KindHandler> = new Map([
  ['iam_project', projects],
  ['iam_enterprise_project', enterpriseProjects],
  ['iam_user', users],
  ['iam_group', groups],
  ['iam_group_membership', memberships],
  ['iam_policy', policies],
  ['iam_policy_attachment', attachments],
  ['iam_access_key', accessKeys],
]);

/** The managed resource types a provider over a backend port handles. */
export const managedTypes: readonly string[] = [...handlers.keys()];

export interface PortProviderOptions {
  /** A fresh salt for a write-only keeper (hex); default 16 random bytes. */
  readonly salt?: () => string;
  /** Called once by `close()`. */
  readonly onClose?: () => void;
}

function unknownType<T>(type: string): ProviderResult<T> {
  return failure(400, 'IAM.0007', `Unknown resource type "${type}"`);
}

/**
 * A `Provider` over any `BackendPort`: the embedded provider (an `IamService`) and the memory
 * provider (maps) share it, so they map attributes the same way. Refresh makes one list call
 * per kind (memberships: the groups and the memberships list), shared between kinds within a
 * refresh, never one call per object.
 */
export class PortProvider implements Provider {
  readonly name: string;
  private readonly ctx: KindContext;
  private readonly onClose: (() => void) | undefined;
  private closed = false;

  constructor(name: string, port: BackendPort, options: PortProviderOptions = {}) {
    this.name = name;
    const salt = options.salt ?? (() => randomBytes(16).toString('hex'));
    this.ctx = { port, salt, memo: (_key, read) => read(), attachmentIds: new Map() };
    this.onClose = options.onClose;
  }

  refresh(types: readonly string[]): Promise<ProviderResult<ReadonlyMap<string, readonly RemoteObject[]>>> {
    const memos = new Map<string, unknown>();
    const ctx: KindContext = {
      ...this.ctx,
      memo: <T>(key: string, read: () => T): T => {
        if (!memos.has(key)) memos.set(key, read());
        return memos.get(key) as T;
      },
    };
    const out = new Map<string, readonly RemoteObject[]>();
    for (const type of types) {
      if (type.startsWith(DATA_KIND_PREFIX)) {
        const listed = listDataSource(this.ctx.port, type.slice(DATA_KIND_PREFIX.length));
        if (!listed.ok) return Promise.resolve(listed);
        out.set(type, listed.value);
        continue;
      }
      const handler = handlers.get(type);
      if (handler === undefined) return Promise.resolve(unknownType(type));
      out.set(type, handler.list(ctx));
    }
    return Promise.resolve({ ok: true, value: out });
  }

  create(type: string, values: JsonObject, writeOnly: JsonObject): Promise<ProviderResult<CreatedObject>> {
    const handler = handlers.get(type);
    return Promise.resolve(handler === undefined ? unknownType(type) : handler.create(this.ctx, values, writeOnly));
  }

  update(type: string, id: string, prior: JsonObject, values: JsonObject, writeOnly: JsonObject): Promise<ProviderResult<UpdatedObject>> {
    const handler = handlers.get(type);
    return Promise.resolve(handler === undefined ? unknownType(type) : handler.update(this.ctx, id, prior, values, writeOnly));
  }

  delete(type: string, id: string, prior: JsonObject): Promise<ProviderResult<void>> {
    const handler = handlers.get(type);
    return Promise.resolve(handler === undefined ? unknownType(type) : handler.delete(this.ctx, id, prior));
  }

  read(type: string, args: JsonObject): Promise<ProviderResult<RemoteObject>> {
    return Promise.resolve(readDataSource(this.ctx.port, type, args));
  }

  close(): Promise<void> {
    if (!this.closed) {
      this.closed = true;
      this.onClose?.();
    }
    return Promise.resolve();
  }
}
