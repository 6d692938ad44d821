import type { RandomSource } from '../crypto/secrets.js';
import type { AuditOperation, Domain } from '../model/types.js';
import { writeAudit } from '../store/audit.js';
import type { Database } from '../store/database.js';
import type { Catalog } from '../catalog/index.js';

/** What every service operation works with; built once by `openIamService`. */
export interface ServiceContext {
  readonly db: Database;
  readonly random: RandomSource;
  readonly catalog: Catalog;
  readonly domain: Domain;
  /** The injected clock. */
  clock(): Date;
  /** The injected clock as an ISO 8601 string. */
  now(): string;
  /** Records one change in the audit log (inside the caller's transaction). */
  audit(operation: AuditOperation, objectKind: string, objectId: string, before: unknown, after: unknown): void;
}

export function makeContext(fields: {
  db: Database;
  random: RandomSource;
  catalog: Catalog;
  domain: Domain;
  clock: () => Date;
  actor: string;
  onChange: () => void;
}): ServiceContext {
  const now = (): string => fields.clock().toISOString();
  return {
    db: fields.db,
    random: fields.random,
    catalog: fields.catalog,
    domain: fields.domain,
    clock: fields.clock,
    now,
    audit(operation, objectKind, objectId, before, after) {
      writeAudit(fields.db, { at: now(), actor: fields.actor, operation, objectKind, objectId, before, after });
      fields.onChange();
    },
  };
}
