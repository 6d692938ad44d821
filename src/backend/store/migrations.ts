/**
 * The schema as ordered migration steps. A database records the steps it has taken in
 * `schema_version`; opening it applies the missing ones in order, each in its own
 * transaction. Steps are append-only: a released step is never edited, a change is a new step.
 */
export interface Migration {
  readonly version: number;
  readonly description: string;
  readonly sql: string;
}

export const migrations: readonly Migration[] = [
  {
    version: 1,
    description: 'account, projects, enterprise projects, users, groups, memberships, custom policies, attachments, access keys',
    sql: `
      CREATE TABLE domain (
        id TEXT PRIMARY KEY,
        name TEXT NOT NULL,
        created_at TEXT NOT NULL,
        custom_policy_seq INTEGER NOT NULL DEFAULT 0
      );
      CREATE TABLE projects (
        id TEXT PRIMARY KEY,
        name TEXT NOT NULL UNIQUE,
        kind TEXT NOT NULL CHECK (kind IN ('region', 'special', 'sub_project')),
        parent_id TEXT REFERENCES projects(id),
        description TEXT NOT NULL,
        enabled INTEGER NOT NULL,
        created_at TEXT NOT NULL
      );
      CREATE TABLE enterprise_projects (
        id TEXT PRIMARY KEY,
        name TEXT NOT NULL,
        name_key TEXT NOT NULL UNIQUE,
        description TEXT NOT NULL,
        created_at TEXT NOT NULL
      );
      CREATE TABLE users (
        id TEXT PRIMARY KEY,
        name TEXT NOT NULL,
        name_key TEXT NOT NULL UNIQUE,
        display_name TEXT NOT NULL,
        description TEXT NOT NULL,
        email TEXT,
        email_key TEXT UNIQUE,
        phone_country_code TEXT,
        phone_number TEXT,
        phone_key TEXT UNIQUE,
        enabled INTEGER NOT NULL,
        access_mode TEXT NOT NULL CHECK (access_mode IN ('console', 'programmatic', 'both')),
        password_hash TEXT,
        password_reset_required INTEGER NOT NULL,
        login_protection TEXT NOT NULL CHECK (login_protection IN ('none', 'sms', 'email', 'vmfa')),
        receive_notifications INTEGER NOT NULL,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
      );
      CREATE TABLE groups (
        id TEXT PRIMARY KEY,
        name TEXT NOT NULL,
        name_key TEXT NOT NULL UNIQUE,
        description TEXT NOT NULL,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
      );
      CREATE TABLE memberships (
        group_id TEXT NOT NULL REFERENCES groups(id) ON DELETE CASCADE,
        user_id TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        PRIMARY KEY (group_id, user_id)
      );
      CREATE INDEX memberships_by_user ON memberships(user_id);
      CREATE TABLE custom_policies (
        id TEXT PRIMARY KEY,
        name TEXT NOT NULL UNIQUE,
        display_name TEXT NOT NULL,
        display_name_key TEXT NOT NULL UNIQUE,
        description TEXT NOT NULL,
        type TEXT NOT NULL CHECK (type IN ('AX', 'XA')),
        document TEXT NOT NULL,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
      );
      CREATE TABLE attachments (
        id TEXT PRIMARY KEY,
        group_id TEXT REFERENCES groups(id) ON DELETE CASCADE,
        user_id TEXT REFERENCES users(id) ON DELETE CASCADE,
        policy_id TEXT NOT NULL,
        custom_policy_id TEXT REFERENCES custom_policies(id),
        scope_kind TEXT NOT NULL CHECK (scope_kind IN ('project', 'all_projects', 'global', 'enterprise_project')),
        project_id TEXT REFERENCES projects(id) ON DELETE CASCADE,
        enterprise_project_id TEXT REFERENCES enterprise_projects(id) ON DELETE CASCADE,
        dedupe_key TEXT NOT NULL UNIQUE,
        created_at TEXT NOT NULL,
        CHECK ((group_id IS NULL) <> (user_id IS NULL)),
        CHECK ((scope_kind = 'project') = (project_id IS NOT NULL)),
        CHECK ((scope_kind = 'enterprise_project') = (enterprise_project_id IS NOT NULL))
      );
      CREATE INDEX attachments_by_group ON attachments(group_id);
      CREATE INDEX attachments_by_user ON attachments(user_id);
      CREATE INDEX attachments_by_policy ON attachments(policy_id);
      CREATE TABLE access_keys (
        access_key_id TEXT PRIMARY KEY,
        user_id TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        description TEXT NOT NULL,
        status TEXT NOT NULL CHECK (status IN ('active', 'inactive')),
        secret_hash TEXT NOT NULL,
        created_at TEXT NOT NULL
      );
      CREATE INDEX access_keys_by_user ON access_keys(user_id);
    `,
  },
  {
    version: 2,
    description: 'audit log',
    sql: `
      CREATE TABLE audit_log (
        seq INTEGER PRIMARY KEY AUTOINCREMENT,
        at TEXT NOT NULL,
        actor TEXT NOT NULL,
        operation TEXT NOT NULL CHECK (operation IN ('create', 'update', 'delete')),
        object_kind TEXT NOT NULL,
        object_id TEXT NOT NULL,
        before TEXT,
        after TEXT
      );
      CREATE INDEX audit_log_by_object ON audit_log(object_kind, object_id);
    `,
  },
  {
    version: 3,
    description: 'index attachments by custom policy (reference counts in bulk lists)',
    sql: `CREATE INDEX attachments_by_custom_policy ON attachments(custom_policy_id);`,
  },
];

export const latestSchemaVersion = migrations.reduce((max, m) => Math.max(max, m.version), 0);
