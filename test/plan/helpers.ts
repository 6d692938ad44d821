import { parseAddress, type ResourceAddress } from '../../src/addr/index.js';
import { loadCatalog } from '../../src/backend/catalog/index.js';
import type { Catalog } from '../../src/backend/policy/index.js';
import type { Diagnostic } from '../../src/diag/index.js';
import type { FunctionContext } from '../../src/config/functions/types.js';
import { builtinFunctions } from '../../src/config/functions/index.js';
import { planChanges, type PlanOptions, type PlanResult, type RefreshedObject } from '../../src/plan/index.js';
import { makeKeeper } from '../../src/schema/index.js';
import { decodeStateFile, emptyState, type State } from '../../src/state/index.js';
import { load, memoryReader } from '../config/helpers.js';

let catalog: Catalog | undefined;
export function testCatalog(): Catalog {
  catalog ??= loadCatalog();
  return catalog;
}

export const keeper = (secret: string, salt: string): string => makeKeeper(secret, salt).hmac;

/** Objects every backend has: the region projects, as the data kind lists them. */
export const regionProjects: RefreshedObject[] = [
  { id: 'p-eu-de', attributes: { name: 'eu-de', description: 'Region eu-de', parent_id: '', enabled: true, kind: 'region' } },
  { id: 'p-eu-nl', attributes: { name: 'eu-nl', description: 'Region eu-nl', parent_id: '', enabled: true, kind: 'region' } },
];

export function stateFrom(json: unknown): State {
  const decoded = decodeStateFile(JSON.stringify(json), 'prior.state.json');
  if (decoded.state === undefined) throw new Error(`test state does not decode: ${decoded.diagnostics.map((d) => `${d.summary}: ${d.detail ?? ''}`).join('; ')}`);
  return decoded.state;
}

export function addr(text: string): ResourceAddress {
  const parsed = parseAddress(text);
  if (parsed.address === undefined) throw new Error(`bad test address ${text}`);
  return parsed.address;
}

export interface CaseInput {
  readonly files: Record<string, string>;
  readonly state?: State;
  /** Refreshed objects by kind; `data.iam_project` defaults to the region projects. */
  readonly remote?: Record<string, RefreshedObject[]>;
  readonly options?: Partial<PlanOptions>;
}

function functionContext(files: Record<string, string>): FunctionContext {
  const reader = memoryReader(files);
  return {
    readFile: (p) => reader.readFile(p),
    fileExists: (p) => reader.fileExists(p),
    renderTemplate: () => ({ error: 'templates are not used in plan tests' }),
  };
}

/** Loads the files and plans them against the state and refreshed objects. */
export function planCase(c: CaseInput): PlanResult & { loadDiagnostics: Diagnostic[] } {
  const loaded = load(c.files);
  const remote = new Map<string, RefreshedObject[]>(Object.entries({ 'data.iam_project': regionProjects, ...(c.remote ?? {}) }));
  const result = planChanges({
    config: loaded.config,
    variables: loaded.evaluated.variables,
    functions: builtinFunctions,
    functionContext: functionContext(c.files),
    state: c.state ?? emptyState('00000000-0000-4000-8000-000000000000'),
    refreshed: remote,
    catalog: testCatalog(),
    keeper,
    options: { mode: 'normal', targets: [], replace: [], refresh: true, ...c.options },
    configHash: 'sha256:test',
  });
  return { ...result, loadDiagnostics: loaded.diagnostics };
}

export interface PriorSpec {
  readonly address: string;
  readonly id: string;
  readonly attributes: Record<string, unknown>;
  readonly dependencies?: string[];
  readonly private?: unknown;
}

/** A state (file format) holding the given instances, grouped by resource. */
export function priorState(instances: readonly PriorSpec[], extra: { outputs?: Record<string, { value: unknown; sensitive: boolean }>; pending?: unknown[] } = {}): State {
  const resources = new Map<string, { mode: string; type: string; name: string; instances: unknown[] }>();
  for (const p of instances) {
    const a = addr(p.address);
    const key = `${a.type}.${a.name}`;
    let r = resources.get(key);
    if (r === undefined) resources.set(key, (r = { mode: a.mode, type: a.type, name: a.name, instances: [] }));
    r.instances.push({
      ...(a.key !== undefined ? { index_key: a.key } : {}),
      id: p.id,
      attributes: { ...p.attributes, id: p.id },
      sensitive_paths: [],
      dependencies: p.dependencies ?? [],
      ...(p.private !== undefined ? { private: p.private } : {}),
    });
  }
  return stateFrom({
    format_version: 1,
    iamform_version: '0.1.0',
    lineage: '11111111-2222-4333-8444-555555555555',
    serial: 1,
    resources: [...resources.values()],
    outputs: extra.outputs ?? {},
    pending: extra.pending ?? [],
  });
}

/** The refreshed lists that mirror a state exactly (no drift). */
export function mirror(instances: readonly PriorSpec[]): Record<string, RefreshedObject[]> {
  const out: Record<string, RefreshedObject[]> = {};
  for (const p of instances) (out[addr(p.address).type] ??= []).push({ id: p.id, attributes: { ...(p.attributes as Record<string, never>), id: p.id } });
  return out;
}

export function group(name: string, description = ''): Record<string, unknown> {
  return { name, description };
}

export function user(name: string, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return { name, display_name: name, description: '', email: null, enabled: true, access_mode: 'console', password_reset_required: true, login_protection: 'none', receive_notifications: false, phone: [], ...extra };
}
