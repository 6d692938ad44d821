import { DatabaseSync, type StatementSync } from 'node:sqlite';
import { latestSchemaVersion, migrations as allMigrations, type Migration } from './migrations.js';

/**
 * One SQLite database file (or `:memory:`), opened with WAL journaling, a busy timeout and
 * foreign keys on. Every mutation runs in `write` (BEGIN IMMEDIATE … COMMIT, rolled back if
 * the callback throws or returns a failed result); multi-statement reads run in `read` so that
 * they see one snapshot even while another process writes.
 */
export class Database {
  readonly sqlite: DatabaseSync;
  private depth = 0;
  private readonly statements = new Map<string, StatementSync>();

  private constructor(sqlite: DatabaseSync) {
    this.sqlite = sqlite;
  }

  static open(path: string, options: { busyTimeoutMs?: number; migrations?: readonly Migration[] } = {}): Database {
    const sqlite = new DatabaseSync(path, { timeout: options.busyTimeoutMs ?? 10_000 });
    const db = new Database(sqlite);
    sqlite.exec(`PRAGMA busy_timeout = ${options.busyTimeoutMs ?? 10_000}`);
    if (path !== ':memory:') sqlite.exec('PRAGMA journal_mode = WAL');
    sqlite.exec('PRAGMA foreign_keys = ON');
    sqlite.exec('PRAGMA synchronous = NORMAL');
    db.migrate(options.migrations ?? allMigrations);
    return db;
  }

  /** The versions recorded in `schema_version`, ascending. */
  appliedVersions(): number[] {
    const rows = this.sqlite.prepare('SELECT version FROM schema_version ORDER BY version').all() as { version: number }[];
    return rows.map((r) => r.version);
  }

  private migrate(steps: readonly Migration[]): void {
    this.sqlite.exec('CREATE TABLE IF NOT EXISTS schema_version (version INTEGER PRIMARY KEY, description TEXT NOT NULL, applied_at TEXT NOT NULL)');
    const ordered = [...steps].sort((a, b) => a.version - b.version);
    for (const step of ordered) {
      this.write(() => {
        // Re-checked inside the write lock: another process may have migrated meanwhile.
        const done = this.sqlite.prepare('SELECT 1 FROM schema_version WHERE version = ?').get(step.version);
        if (done) return;
        this.sqlite.exec(step.sql);
        this.sqlite
          .prepare('INSERT INTO schema_version (version, description, applied_at) VALUES (?, ?, ?)')
          .run(step.version, step.description, new Date().toISOString());
      });
    }
    const newest = Math.max(0, ...this.appliedVersions());
    if (steps === allMigrations && newest > latestSchemaVersion) {
      throw new Error(`database schema version ${newest} is newer than this iamform understands (${latestSchemaVersion})`);
    }
  }

  /**
   * Runs `fn` in one write transaction. Nested calls join the outer transaction. When `fn`
   * returns `{ ok: false }` the transaction is rolled back, so a failed operation leaves
   * nothing behind.
   */
  write<T>(fn: () => T): T {
    if (this.depth > 0) return this.nested(fn);
    this.sqlite.exec('BEGIN IMMEDIATE');
    this.depth++;
    let committed = false;
    try {
      const result = fn();
      if (isFailure(result)) {
        this.sqlite.exec('ROLLBACK');
      } else {
        this.sqlite.exec('COMMIT');
      }
      committed = true;
      return result;
    } finally {
      this.depth--;
      if (!committed) this.sqlite.exec('ROLLBACK');
    }
  }

  /** Runs `fn` in one read transaction (a consistent snapshot). */
  read<T>(fn: () => T): T {
    if (this.depth > 0) return this.nested(fn);
    this.sqlite.exec('BEGIN');
    this.depth++;
    try {
      return fn();
    } finally {
      this.depth--;
      this.sqlite.exec('COMMIT');
    }
  }

  private nested<T>(fn: () => T): T {
    this.depth++;
    try {
      return fn();
    } finally {
      this.depth--;
    }
  }

  /** A prepared statement, cached per SQL text for the life of the connection. */
  statement(sql: string): StatementSync {
    let prepared = this.statements.get(sql);
    if (prepared === undefined) {
      prepared = this.sqlite.prepare(sql);
      this.statements.set(sql, prepared);
    }
    return prepared;
  }

  /** Changes whenever another connection commits to the file; used to invalidate caches. */
  dataVersion(): number {
    return (this.statement('PRAGMA data_version').get() as { data_version: number }).data_version;
  }

  close(): void {
    this.sqlite.close();
  }
}

function isFailure(value: unknown): boolean {
  return typeof value === 'object' && value !== null && 'ok' in value && (value as { ok: unknown }).ok === false;
}
