import { attr, lengthRule, nameRule, schema } from './define.js';
import { error, exactlyOne, knownString, presence } from './rules.js';
import { isUnknown, tBool, tDynamic, tString, type CrossFieldRule, type PlainObject, type PlainValue, type ResourceSchema, type RuleIssue } from './types.js';

/** Custom policies, attachments and access keys (language.md, "Resource types"). */

/**
 * A policy document as given: an object, or its JSON text (`jsonencode(...)`, `file(...)`).
 * Returns the object form, `UNKNOWN`-containing values unchanged, or a reason it is not one.
 */
export function decodePolicyDocument(value: PlainValue): { readonly ok: true; readonly value: PlainValue } | { readonly ok: false; readonly reason: string } {
  if (typeof value !== 'string') return { ok: true, value };
  try {
    return { ok: true, value: JSON.parse(value) as PlainValue };
  } catch (e) {
    return { ok: false, reason: `The policy text is not valid JSON (${e instanceof Error ? e.message : String(e)}).` };
  }
}

const effects = ['Allow', 'Deny'];

function statementIssues(statement: PlainValue, index: number): RuleIssue[] {
  if (isUnknown(statement)) return [];
  const at = ['policy', 'Statement', index];
  if (statement === null || typeof statement !== 'object' || Array.isArray(statement)) {
    return [error('schema.invalid-policy', 'Invalid policy document', `Statement[${index}] must be an object with Effect and Action.`, at)];
  }
  const s = statement as PlainObject;
  const issues: RuleIssue[] = [];
  const effect = s['Effect'];
  if (effect === undefined || (!isUnknown(effect) && (typeof effect !== 'string' || !effects.includes(effect)))) {
    issues.push(error('schema.invalid-policy', 'Invalid policy document', `Statement[${index}].Effect must be "Allow" or "Deny"; got ${JSON.stringify(effect ?? null)}.`, [...at, 'Effect']));
  }
  const action = s['Action'];
  if (action === undefined || (!isUnknown(action) && (!Array.isArray(action) || action.length < 1 || action.length > 100))) {
    issues.push(error('schema.invalid-policy', 'Invalid policy document', `Statement[${index}].Action must be a list of 1–100 actions, e.g. ["ecs:servers:list"].`, [...at, 'Action']));
  } else if (Array.isArray(action)) {
    const bad = (action as readonly PlainValue[]).findIndex((a) => !isUnknown(a) && typeof a !== 'string');
    if (bad >= 0) issues.push(error('schema.invalid-policy', 'Invalid policy document', `Statement[${index}].Action[${bad}] must be a string.`, [...at, 'Action', bad]));
  }
  return issues;
}

/** The shape of a Version 1.1 document; registered actions and limits are the backend validator's. */
const policyDocumentRule: CrossFieldRule = (values) => {
  const raw = values['policy'];
  if (raw === undefined || raw === null || isUnknown(raw)) return [];
  const decoded = decodePolicyDocument(raw);
  if (!decoded.ok) return [error('schema.invalid-policy', 'Invalid policy document', decoded.reason, ['policy'])];
  const doc = decoded.value;
  if (isUnknown(doc)) return [];
  if (doc === null || typeof doc !== 'object' || Array.isArray(doc)) {
    return [error('schema.invalid-policy', 'Invalid policy document', 'A policy document is an object with Version = "1.1" and a Statement list.', ['policy'])];
  }
  const d = doc as PlainObject;
  const issues: RuleIssue[] = [];
  const version = d['Version'];
  if (!isUnknown(version) && version !== '1.1') {
    issues.push(error('schema.invalid-policy', 'Invalid policy document', `A custom policy has Version = "1.1"; got ${JSON.stringify(version ?? null)}.`, ['policy', 'Version']));
  }
  const statements = d['Statement'];
  if (isUnknown(statements)) return issues;
  if (!Array.isArray(statements) || statements.length < 1 || statements.length > 8) {
    issues.push(error('schema.invalid-policy', 'Invalid policy document', 'A custom policy has a Statement list of 1–8 statements.', ['policy', 'Statement']));
    return issues;
  }
  (statements as readonly PlainValue[]).forEach((s, i) => issues.push(...statementIssues(s, i)));
  return issues;
};

const descriptionRequired: CrossFieldRule = (values) => {
  const text = knownString(values['description']);
  if (text === undefined || text.trim() !== '') return [];
  return [error('schema.empty-description', 'Empty description', 'A custom policy needs a description that is not blank.', ['description'])];
};

export const policyScopes = ['project', 'global'] as const;

export const iamPolicy: ResourceSchema = schema(
  'iam_policy',
  'managed',
  'A custom policy (Version 1.1).',
  {
    name: attr(tString, 'Unique display name, 1–64 characters.', { required: true }),
    description: attr(tString, 'Required, at most 256 characters.', { required: true }),
    scope: attr(tString, '"project" (type XA: project-level services) or "global" (type AX: global services).', { optional: true, default: 'project', enum: policyScopes }),
    policy: attr(tDynamic, 'The document: an object, or its JSON text; compared semantically.', { required: true, json: true }),
  },
  [nameRule('name', 'custom policy', 64), lengthRule('description', 256), descriptionRequired, policyDocumentRule],
);

export const attachmentPrincipals = ['group', 'user'] as const;
export const attachmentScopes = ['project', 'all_projects', 'global', 'enterprise_project'] as const;

const principalRule: CrossFieldRule = (values) =>
  exactlyOne(values, {
    code: 'schema.attachment-principal',
    summary: 'Invalid attachment principal',
    names: attachmentPrincipals,
    noneDetail: 'An attachment grants its policy to a group or to a user: set exactly one of group or user (groups are recommended).',
  });

const scopeRule: CrossFieldRule = (values) =>
  exactlyOne(values, {
    code: 'schema.attachment-scope',
    summary: 'Invalid attachment scope',
    names: attachmentScopes,
    flags: ['all_projects', 'global'],
    noneDetail: 'An attachment needs exactly one scope: project = <project id>, all_projects = true, global = true or enterprise_project = <id>.',
  });

/** Every attribute forces replacement: the backend has no update for an attachment. */
export const iamPolicyAttachment: ResourceSchema = schema(
  'iam_policy_attachment',
  'managed',
  'Grants a policy or role to a group, or directly to a user, in exactly one scope.',
  {
    group: attr(tString, 'The group id (exactly one of group and user).', { optional: true, forcesReplacement: true }),
    user: attr(tString, 'The user id (exactly one of group and user).', { optional: true, forcesReplacement: true }),
    policy: attr(tString, 'The id of a system-defined policy or role, or of an iam_policy.', { required: true, forcesReplacement: true }),
    project: attr(tString, 'Scope: one project, by id.', { optional: true, forcesReplacement: true }),
    all_projects: attr(tBool, 'Scope: every project, existing and future.', { optional: true, default: false, forcesReplacement: true }),
    global: attr(tBool, 'Scope: global services.', { optional: true, default: false, forcesReplacement: true }),
    enterprise_project: attr(tString, 'Scope: one enterprise project, by id.', { optional: true, forcesReplacement: true }),
  },
  [principalRule, scopeRule],
);

export const accessKeyStatuses = ['active', 'inactive'] as const;

const accessKeyUserRule: CrossFieldRule = (values) => (presence(values['user']) === 'set' && values['user'] === '' ? [error('schema.missing-attribute', 'Missing required argument', 'user must be a user id.', ['user'])] : []);

export const iamAccessKey: ResourceSchema = schema(
  'iam_access_key',
  'managed',
  'Programmatic credentials of a user (at most 2 per user).',
  {
    user: attr(tString, 'The user id.', { required: true, forcesReplacement: true }),
    description: attr(tString, 'Free text, at most 255 characters.', { optional: true, default: '' }),
    status: attr(tString, 'Whether the key can be used.', { optional: true, default: 'active', enum: accessKeyStatuses }),
    access: attr(tString, 'The access key id (also the resource id).', { computed: true }),
    secret: attr(tString, 'The secret access key: shown once at creation, never stored in plain text.', { computed: true, sensitive: true, secret: true }),
  },
  [lengthRule('description', 255), accessKeyUserRule],
);
