import type { AttachmentCreate, AttachmentScope, Principal } from '../backend/index.js';

/**
 * The id of an `iam_policy_attachment`, also its import id:
 *
 *     <principal>/<policy id>/<scope>
 *     principal = group:<group id> | user:<user id>
 *     scope     = project:<project id> | all_projects | global | enterprise_project:<id>
 *
 * e.g. `group:5f0c…/9a3e…/project:77ab…` or `user:1c2d…/4e5f…/enterprise_project:0`. The
 * backend's own attachment id is not used: an attachment is identified by what it grants,
 * which is what a person can write down for `import`. Backend ids never contain `/` or `:`.
 */
export function encodeAttachmentId(input: AttachmentCreate): string {
  const who = input.principal.kind === 'group' ? `group:${input.principal.groupId}` : `user:${input.principal.userId}`;
  return `${who}/${input.policyId}/${scopeText(input.scope)}`;
}

function scopeText(scope: AttachmentScope): string {
  switch (scope.kind) {
    case 'project':
      return `project:${scope.projectId}`;
    case 'enterprise_project':
      return `enterprise_project:${scope.enterpriseProjectId}`;
    case 'all_projects':
    case 'global':
      return scope.kind;
    default: {
      const never: never = scope;
      throw new Error(`unhandled scope ${JSON.stringify(never)}`);
    }
  }
}

/** The parts of an attachment id, or undefined when the text is not one. */
export function decodeAttachmentId(id: string): AttachmentCreate | undefined {
  const parts = id.split('/');
  if (parts.length !== 3) return undefined;
  const [who = '', policyId = '', where = ''] = parts;
  const principal = decodePrincipal(who);
  const scope = decodeScope(where);
  if (principal === undefined || scope === undefined || policyId === '') return undefined;
  return { principal, policyId, scope };
}

function decodePrincipal(text: string): Principal | undefined {
  const [kind, id, extra] = text.split(':');
  if (id === undefined || id === '' || extra !== undefined) return undefined;
  if (kind === 'group') return { kind: 'group', groupId: id };
  if (kind === 'user') return { kind: 'user', userId: id };
  return undefined;
}

function decodeScope(text: string): AttachmentScope | undefined {
  if (text === 'all_projects' || text === 'global') return { kind: text };
  const [kind, id, extra] = text.split(':');
  if (id === undefined || id === '' || extra !== undefined) return undefined;
  if (kind === 'project') return { kind: 'project', projectId: id };
  if (kind === 'enterprise_project') return { kind: 'enterprise_project', enterpriseProjectId: id };
  return undefined;
}
