import type { AuditEntry, AuditOperation } from '../model/types.js';
import type { Database } from './database.js';

/**
 * The audit log: one entry per change of one object, written in the same transaction as the
 * change. `before`/`after` are the public objects (never a password, hash or secret: callers
 * pass only what the service hands out, and `redact` strips any key that looks secret as a
 * second line of defence).
 */
export function writeAudit(
  db: Database,
  entry: { at: string; actor: string; operation: AuditOperation; objectKind: string; objectId: string; before: unknown; after: unknown },
): void {
  db.statement('INSERT INTO audit_log (at, actor, operation, object_kind, object_id, before, after) VALUES (?, ?, ?, ?, ?, ?, ?)').run(
    entry.at,
    entry.actor,
    entry.operation,
    entry.objectKind,
    entry.objectId,
    entry.before === null || entry.before === undefined ? null : JSON.stringify(redact(entry.before)),
    entry.after === null || entry.after === undefined ? null : JSON.stringify(redact(entry.after)),
  );
}

export interface AuditQuery {
  readonly objectKind?: string;
  readonly objectId?: string;
  /** Only entries after this sequence number. */
  readonly afterSeq?: number;
}

export function readAudit(db: Database, query: AuditQuery = {}): AuditEntry[] {
  const where: string[] = [];
  const params: (string | number)[] = [];
  if (query.objectKind !== undefined) {
    where.push('object_kind = ?');
    params.push(query.objectKind);
  }
  if (query.objectId !== undefined) {
    where.push('object_id = ?');
    params.push(query.objectId);
  }
  if (query.afterSeq !== undefined) {
    where.push('seq > ?');
    params.push(query.afterSeq);
  }
  const sql = `SELECT * FROM audit_log ${where.length > 0 ? 'WHERE ' + where.join(' AND ') : ''} ORDER BY seq`;
  const rows = db.sqlite.prepare(sql).all(...params) as Record<string, unknown>[];
  return rows.map((row) => ({
    seq: Number(row['seq']),
    at: String(row['at']),
    actor: String(row['actor']),
    operation: String(row['operation']) as AuditOperation,
    objectKind: String(row['object_kind']),
    objectId: String(row['object_id']),
    before: row['before'] === null ? null : (JSON.parse(String(row['before'])) as unknown),
    after: row['after'] === null ? null : (JSON.parse(String(row['after'])) as unknown),
  }));
}

const secretKey = /secret|password(?!Set|ResetRequired)|hash/i;

function redact(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(redact);
  if (typeof value !== 'object' || value === null) return value;
  const out: Record<string, unknown> = {};
  for (const [key, inner] of Object.entries(value)) {
    if (!secretKey.test(key)) out[key] = redact(inner);
  }
  return out;
}
