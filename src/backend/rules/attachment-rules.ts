import { ErrorCode, invalid, type BackendError } from '../errors.js';
import type { AttachmentScope, PolicyType } from '../model/types.js';
import type { PolicyVersion } from '../policy/index.js';

const scopeWords: Record<AttachmentScope['kind'], string> = {
  project: 'a project',
  all_projects: 'all projects',
  global: 'global services',
  enterprise_project: 'an enterprise project',
};

/**
 * Which scopes a policy may be attached at: AX (global services) only globally; XA (projects)
 * at a project, all projects or an enterprise project; AA anywhere. Enterprise projects take
 * only Version 1.1 policies (system or custom), never 1.0 roles.
 */
export function checkScopeFits(
  policy: { readonly displayName: string; readonly type: PolicyType; readonly version: PolicyVersion },
  scope: AttachmentScope,
): BackendError | undefined {
  const projectLike = scope.kind !== 'global';
  const fits = policy.type === 'AA' || (policy.type === 'AX' ? !projectLike : projectLike);
  if (!fits) {
    const where = policy.type === 'AX' ? 'global = true' : 'project, all_projects or enterprise_project';
    return invalid(
      ErrorCode.invalidParam,
      `The policy "${policy.displayName}" (type ${policy.type}) cannot be attached to ${scopeWords[scope.kind]}: attach it with ${where}`,
      'scope',
    );
  }
  if (scope.kind === 'enterprise_project' && policy.version !== '1.1') {
    return invalid(
      ErrorCode.invalidParam,
      `The role "${policy.displayName}" (Version ${policy.version}) cannot be attached to an enterprise project: only Version 1.1 policies can`,
      'enterprise_project',
    );
  }
  return undefined;
}
