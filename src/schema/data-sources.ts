import { attr, schema } from './define.js';
import { tBool, tString, type ResourceSchema } from './types.js';

/**
 * Data sources: read-only lookups by name. Every attribute but `name` is computed; `read`
 * of a provider returns them all.
 */

/** Policy kinds as data sources report them (the backend's `PolicyKind`). */
export const policyKinds = ['system_policy', 'system_role', 'custom'] as const;

export const dataIamPolicy: ResourceSchema = schema('iam_policy', 'data', 'A system-defined policy or role by display name, or a custom policy by name.', {
  name: attr(tString, 'Display name, e.g. "ECS ReadOnlyAccess", or a custom policy\'s name.', { required: true }),
  internal_name: attr(tString, 'The internal name, e.g. "system_all_50" or "custom_<domain>_<n>".', { computed: true }),
  kind: attr(tString, '"system_policy", "system_role" or "custom".', { computed: true }),
  type: attr(tString, 'AX (global services), XA (projects) or AA (both).', { computed: true }),
  description: attr(tString, 'What the policy grants.', { computed: true }),
  version: attr(tString, '"1.0" (role) or "1.1" (policy).', { computed: true }),
});

export const dataIamProject: ResourceSchema = schema('iam_project', 'data', 'A project by name: a region project (e.g. "eu-de") or a sub-project.', {
  name: attr(tString, 'The project name.', { required: true }),
  description: attr(tString, 'The project description.', { computed: true }),
  parent_id: attr(tString, 'The region project of a sub-project; null for a region or built-in project.', { computed: true }),
  enabled: attr(tBool, 'Whether the project is enabled.', { computed: true }),
  kind: attr(tString, '"region", "special" or "sub_project".', { computed: true }),
});

export const dataIamUser: ResourceSchema = schema('iam_user', 'data', 'A user by name.', {
  name: attr(tString, 'The user name (case-insensitive).', { required: true }),
  display_name: attr(tString, 'Shown in the console.', { computed: true }),
  description: attr(tString, 'Free text.', { computed: true }),
  email: attr(tString, 'The email address, or null.', { computed: true }),
  enabled: attr(tBool, 'Whether the user is enabled.', { computed: true }),
  access_mode: attr(tString, 'console, programmatic or both.', { computed: true }),
});

export const dataIamGroup: ResourceSchema = schema('iam_group', 'data', 'A group by name.', {
  name: attr(tString, 'The group name (case-insensitive).', { required: true }),
  description: attr(tString, 'Free text.', { computed: true }),
});
