import { ErrorCode, invalid, type BackendError } from '../errors.js';
import type { CustomPolicyCreate } from '../model/types.js';
import { validateCustomPolicy, type Catalog } from '../policy/index.js';
import { checkDescription, checkObjectName } from './name-rules.js';

/**
 * Every rule of a custom policy on its own (name uniqueness needs the store): name, a
 * description that is not blank, type AX or XA, and a valid Version 1.1 document, whose
 * findings all go into `problems`.
 */
export function checkCustomPolicy(input: CustomPolicyCreate, catalog: Catalog): BackendError | undefined {
  const name = checkObjectName('custom policy', input.displayName, 'name');
  if (name) return name;
  if (input.description.trim() === '') return invalid(ErrorCode.requiredProperty, 'A custom policy needs a description', 'description');
  const description = checkDescription(input.description, 256);
  if (description) return description;
  if (input.type !== 'AX' && input.type !== 'XA') {
    return invalid('IAM.1009', `Invalid scope type "${String(input.type)}": a custom policy is "AX" (global services) or "XA" (projects)`, 'scope');
  }
  const problems = validateCustomPolicy(input.document, catalog);
  const first = problems[0];
  if (first) {
    const more = problems.length > 1 ? ` (and ${problems.length - 1} more problem${problems.length > 2 ? 's' : ''})` : '';
    return {
      ...invalid(first.code, `Invalid policy at ${first.path}: ${first.message}${more}`, `policy.${first.path}`),
      problems: problems.map((p) => ({ code: p.code, message: p.message, field: `policy.${p.path}` })),
    };
  }
  return undefined;
}
