import { diagnosticKey, hasErrors, type Diagnostic } from '../diag/index.js';
import type { VariableArg } from '../config/index.js';
import type { RefreshedObject } from '../plan/index.js';
import { defaultRegions } from '../schema/index.js';
import { emptyState } from '../state/index.js';
import type { EngineHost } from './types.js';
import { loadWorkspace, planWorkspace } from './workspace.js';

export interface ValidateResult {
  readonly diagnostics: Diagnostic[];
  readonly sources: ReadonlyMap<string, string>;
}

/** Data sources whose objects only the backend knows: validate cannot look them up. */
const needsBackend = new Set(['plan.data-not-found']);

/**
 * Everything that can be checked before any backend call: syntax, types, schemas, references
 * to undeclared things, policy documents against the backend's pure validator (limits,
 * registered actions), role dependencies. It plans against an empty state with only the
 * region projects and the system catalog as the backend, and drops what only the backend
 * could answer (a data source naming a user or sub-project).
 */
export function validateConfig(host: EngineHost, vars: readonly VariableArg[]): ValidateResult {
  const workspace = loadWorkspace(host, vars);
  const diagnostics = [...workspace.diagnostics];
  if (hasErrors(diagnostics)) return { diagnostics, sources: workspace.sources };
  const regions: RefreshedObject[] = defaultRegions.map((name) => ({
    id: `region-${name}`,
    attributes: { name, description: `Region ${name}`, parent_id: '', enabled: true, kind: 'region' },
  }));
  const result = planWorkspace(host, workspace, emptyState('00000000-0000-4000-8000-000000000000'), new Map([['data.iam_project', regions]]), {
    mode: 'normal',
    targets: [],
    replace: [],
    refresh: true,
  });
  const seen = new Set(diagnostics.map(diagnosticKey));
  for (const d of result.diagnostics) {
    if (needsBackend.has(d.code) || seen.has(diagnosticKey(d))) continue;
    seen.add(diagnosticKey(d));
    diagnostics.push(d);
  }
  return { diagnostics, sources: workspace.sources };
}

