/**
 * Validation of policy documents against the limits of iam-model.md §2.2. Every problem is
 * reported (not only the first), each with the OTC error code, a message naming the offending
 * field and value, and a JSON path. The code table is in the policy README.
 */
import { closest } from '../../diag/index.js';
import { parsePattern } from './action-pattern.js';
import { catalogIndex, matchKeys } from './catalog-index.js';
import { isRecord, validateCondition } from './validate-condition.js';
import type { Catalog, PolicyProblem, ValidateOptions } from './types.js';

export const policyLimits = {
  maxDocumentChars: 6144,
  maxStatements: 8,
  maxActions: 100,
  maxActionChars: 128,
  maxDepends: 20,
  maxResources: 10,
  maxResourceUris: 20,
  maxResourceChars: 1500,
} as const;

const documentKeys = new Set(['Version', 'Statement', 'Depends']);
const statementKeys = new Set(['Effect', 'Action', 'NotAction', 'Resource', 'Condition']);

type Report = (code: string, message: string, path: string) => void;

/** Every problem of a policy document; empty when it is valid as a document of `options.version`. */
export function validatePolicyDocument(doc: unknown, options: ValidateOptions): PolicyProblem[] {
  const problems: PolicyProblem[] = [];
  const report: Report = (code, message, path) => problems.push({ code, message, path });
  if (!isRecord(doc)) {
    report('IAM.0011', 'the policy document must be a JSON object', '');
    return problems;
  }
  const size = JSON.stringify(doc).length;
  if (size > policyLimits.maxDocumentChars) report('IAM.1021', `the policy has ${size} characters; at most ${policyLimits.maxDocumentChars} are allowed`, '');
  for (const key of Object.keys(doc)) if (!documentKeys.has(key)) report('IAM.0073', `unknown field "${key}" in the policy${hint(key, documentKeys)}`, key);

  const version = options.custom ? '1.1' : options.version;
  if (doc['Version'] !== version) {
    const shown = doc['Version'] === undefined ? 'missing' : JSON.stringify(doc['Version']);
    const what = options.custom ? 'a custom (fine-grained) policy' : `this Version ${version} document`;
    report('IAM.1024', `Version is ${shown}; the version of ${what} must be "${version}"`, 'Version');
  }
  if (doc['Depends'] !== undefined) validateDepends(doc['Depends'], version, report);

  const statements = doc['Statement'];
  if (!Array.isArray(statements)) {
    report('IAM.1026', 'Statement must be a list of statements', 'Statement');
    return problems;
  }
  if (statements.length === 0) report('IAM.1027', 'Statement must contain at least one statement', 'Statement');
  if (statements.length > policyLimits.maxStatements) {
    report('IAM.1028', `Statement has ${statements.length} statements; at most ${policyLimits.maxStatements} are allowed`, 'Statement');
  }
  statements.forEach((statement: unknown, i) => validateStatement(statement, `Statement[${i}]`, version, options.catalog, report));
  return problems;
}

/** A custom policy: Version 1.1 only, no Depends, NotAction only with Deny. */
export function validateCustomPolicy(doc: unknown, catalog: Catalog): PolicyProblem[] {
  return validatePolicyDocument(doc, { version: '1.1', catalog, custom: true });
}

function validateDepends(depends: unknown, version: string, report: Report): void {
  if (version === '1.1') {
    report('IAM.1025', 'fine-grained (Version 1.1) policies do not take Depends', 'Depends');
    return;
  }
  if (!Array.isArray(depends)) {
    report('IAM.0073', 'Depends must be a list of {catalog, display_name}', 'Depends');
    return;
  }
  if (depends.length > policyLimits.maxDepends) report('IAM.1058', `Depends has ${depends.length} entries; at most ${policyLimits.maxDepends} are allowed`, 'Depends');
  depends.forEach((entry: unknown, i) => {
    if (!isRecord(entry) || typeof entry['catalog'] !== 'string' || typeof entry['display_name'] !== 'string') {
      report('IAM.0073', 'each Depends entry must be {catalog, display_name} with string values', `Depends[${i}]`);
    }
  });
}

function validateStatement(statement: unknown, path: string, version: '1.0' | '1.1', catalog: Catalog, report: Report): void {
  if (!isRecord(statement)) {
    report('IAM.1026', 'each statement must be a JSON object', path);
    return;
  }
  for (const key of Object.keys(statement)) {
    if (!statementKeys.has(key) || (key === 'NotAction' && version === '1.0')) report('IAM.0073', `unknown field "${key}" in a statement${hint(key, statementKeys)}`, `${path}.${key}`);
  }
  const effect = statement['Effect'];
  if (effect !== 'Allow' && effect !== 'Deny') {
    report('IAM.1029', `Effect is ${effect === undefined ? 'missing' : JSON.stringify(effect)}; it must be "Allow" or "Deny"`, `${path}.Effect`);
  }
  const hasAction = statement['Action'] !== undefined;
  const hasNotAction = statement['NotAction'] !== undefined && version === '1.1';
  if (hasAction && hasNotAction) report('IAM.1030', 'a statement takes Action or NotAction, not both', path);
  if (!hasAction && !hasNotAction) report('IAM.1031', 'a statement needs Action (or NotAction)', path);
  if (hasNotAction && effect === 'Allow') report('IAM.1032', 'NotAction can only be used with Effect "Deny"', `${path}.NotAction`);
  if (hasAction) validateActions(statement['Action'], `${path}.Action`, version, catalog, report);
  if (hasNotAction) validateActions(statement['NotAction'], `${path}.NotAction`, version, catalog, report);
  if (statement['Resource'] !== undefined) validateResource(statement['Resource'], `${path}.Resource`, version, report);
  if (statement['Condition'] !== undefined) {
    if (version === '1.0') report('IAM.1039', 'Version 1.0 roles do not support conditions', `${path}.Condition`);
    else validateCondition(statement['Condition'], `${path}.Condition`, catalog, report);
  }
}

function validateActions(actions: unknown, path: string, version: '1.0' | '1.1', catalog: Catalog, report: Report): void {
  if (!Array.isArray(actions)) {
    report('IAM.1035', 'the action list must be a list of strings', path);
    return;
  }
  if (actions.length === 0 || actions.length > policyLimits.maxActions) {
    report('IAM.1033', `a statement has ${actions.length} actions; it must have 1 to ${policyLimits.maxActions}`, path);
  }
  const index = catalogIndex(catalog);
  actions.forEach((action: unknown, i) => {
    const at = `${path}[${i}]`;
    if (typeof action !== 'string') {
      report('IAM.1035', `action ${JSON.stringify(action)} must be a string`, at);
      return;
    }
    if (action.length > policyLimits.maxActionChars) {
      report('IAM.1034', `action "${action.slice(0, 40)}…" has ${action.length} characters; at most ${policyLimits.maxActionChars} are allowed`, at);
      return;
    }
    const parsed = parsePattern(action, version, catalog.legacyRoleActions);
    if (!parsed.ok) {
      report('IAM.1035', parsed.message, at);
      return;
    }
    if (matchKeys(index, action, version).size === 0) {
      const suggestion = closest(action, index.names);
      report('IAM.1036', `"${action}" matches no registered action.${suggestion === undefined ? '' : ` Did you mean "${suggestion}"?`}`, at);
    }
  });
}

function validateResource(resource: unknown, path: string, version: '1.0' | '1.1', report: Report): void {
  if (isRecord(resource) && Array.isArray(resource['uri'])) {
    const uris: unknown[] = resource['uri'];
    if (uris.length === 0 || uris.length > policyLimits.maxResourceUris) report('IAM.1037', `Resource.uri must list 1 to ${policyLimits.maxResourceUris} URIs`, `${path}.uri`);
    uris.forEach((uri, i) => {
      if (typeof uri !== 'string' || uri.trim() === '') report('IAM.1041', 'a resource URI must be a non-blank string', `${path}.uri[${i}]`);
      else if (version === '1.0' && !uri.startsWith('/iam/agencies/')) report('IAM.1038', 'Version 1.0 roles support only agency resources (/iam/agencies/<id>)', `${path}.uri[${i}]`);
    });
    return;
  }
  if (version === '1.0') {
    report('IAM.1038', 'Version 1.0 roles support only agency resources ({"uri": ["/iam/agencies/<id>"]})', path);
    return;
  }
  if (!Array.isArray(resource) || resource.length === 0 || resource.length > policyLimits.maxResources) {
    report('IAM.1040', `Resource must list 1 to ${policyLimits.maxResources} resources`, path);
    return;
  }
  resource.forEach((entry: unknown, i) => {
    const at = `${path}[${i}]`;
    if (typeof entry !== 'string' || entry.trim() === '') report('IAM.1041', 'a resource must be a non-blank string', at);
    else if (entry.length > policyLimits.maxResourceChars) report('IAM.1042', `a resource has ${entry.length} characters; at most ${policyLimits.maxResourceChars} are allowed`, at);
    else {
      const parts = entry.split(':');
      if (parts.length < 5 || (parts[1] ?? '') === '') report('IAM.1043', `resource "${entry}" must read service:region:accountId:resourceType:resourcePath with a region (or *)`, at);
    }
  });
}

function hint(given: string, known: Iterable<string>): string {
  const suggestion = closest(given, known);
  return suggestion === undefined ? '' : `; did you mean "${suggestion}"?`;
}
