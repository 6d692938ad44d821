import { errorDiag, type Diagnostic } from '../diag/index.js';
import { loadConfig, makeFunctionContext, mappingEntries, toJs, type Config, type EvaluatedConfig, type VariableArg } from '../config/index.js';
import { builtinFunctions } from '../config/functions/index.js';
import type { FunctionContext, FunctionDef } from '../config/functions/types.js';
import { planChanges, type PlanOptions, type PlanResult, type RefreshedObjects } from '../plan/index.js';
import { bodySchemaHookFor, makeKeeper } from '../schema/index.js';
import type { State } from '../state/index.js';
import type { EngineHost, ProviderSettings } from './types.js';

/**
 * A loaded config directory: the decoded and evaluated config, its diagnostics and sources,
 * where its backend and state live, and the hash that saved plans record. Loading never
 * reaches the backend or the state.
 */
export interface Workspace {
  readonly config: Config;
  readonly evaluated: EvaluatedConfig;
  readonly diagnostics: Diagnostic[];
  readonly sources: ReadonlyMap<string, string>;
  readonly provider: ProviderSettings;
  /** `iamform { state "local" { path } }`, when given. */
  readonly statePath?: string;
  readonly configHash: string;
  readonly functions: ReadonlyMap<string, FunctionDef>;
  readonly functionContext: FunctionContext;
}

const configFile = /\.(hcl|hcl\.json|tf\.json)$/;

/**
 * Loads the config directory with the resource schemas; an empty directory is an error. With
 * `settingsOnly`, resources are not evaluated here: the planner evaluates them (once, against
 * the refreshed state) and reports their diagnostics itself.
 */
export function loadWorkspace(host: EngineHost, vars: readonly VariableArg[], settingsOnly = false): Workspace {
  const diagnostics: Diagnostic[] = [];
  const listed = host.reader.listFiles();
  if (!('error' in listed) && !listed.some((name) => configFile.test(name))) {
    diagnostics.push(
      errorDiag('config.no-files', 'No configuration files', {
        detail: 'The config directory contains no configuration files (*.hcl, *.hcl.json, *.tf.json). Use --chdir to name the config directory.',
      }),
    );
  }
  const loaded = loadConfig({ reader: host.reader, vars, env: host.env, schemaFor: bodySchemaHookFor, settingsOnly });
  diagnostics.push(...loaded.diagnostics);
  const provider = providerSettings(loaded.config, loaded.evaluated, diagnostics);
  const state = loaded.config.settings.state;
  let statePath: string | undefined;
  if (state?.kind === 'postgres') {
    diagnostics.push(
      errorDiag('engine.state-postgres', 'PostgreSQL state is not available in this build', {
        detail: 'Keep state in a local file: iamform { state "local" { path = "state/default.iamstate.json" } }.',
        range: state.range,
      }),
    );
  } else if (state?.path !== undefined) statePath = state.path;
  return {
    config: loaded.config,
    evaluated: loaded.evaluated,
    diagnostics,
    sources: loaded.sources,
    provider,
    ...(statePath !== undefined ? { statePath } : {}),
    configHash: configHashOf(host, loaded.sources, vars),
    functions: builtinFunctions,
    functionContext: makeFunctionContext(host.reader, builtinFunctions),
  };
}

/** Plans the workspace's config against `state` and the backend objects a refresh listed. */
export function planWorkspace(host: EngineHost, workspace: Workspace, state: State, refreshed: RefreshedObjects, options: PlanOptions): PlanResult {
  return planChanges({
    config: workspace.config,
    variables: workspace.evaluated.variables,
    functions: workspace.functions,
    functionContext: workspace.functionContext,
    state,
    refreshed,
    catalog: host.catalog,
    keeper: (secret, salt) => makeKeeper(secret, salt).hmac,
    options,
    configHash: workspace.configHash,
  });
}

/**
 * The hash a saved plan records: every file read (config, variable files) by name, the
 * `--var` options and the `IAMFORM_VAR_*` environment. Equal hashes mean the same inputs.
 */
function configHashOf(host: EngineHost, sources: ReadonlyMap<string, string>, vars: readonly VariableArg[]): string {
  const parts: string[] = [];
  for (const name of [...sources.keys()].sort()) parts.push(`file ${name} ${(sources.get(name) ?? '').length}\n${sources.get(name) ?? ''}`);
  for (const v of vars) parts.push(v.kind === 'var' ? `var ${v.text}` : `var-file ${v.path}`);
  for (const key of Object.keys(host.env).sort()) if (key.startsWith('IAMFORM_VAR_')) parts.push(`env ${key}=${host.env[key] ?? ''}`);
  return `sha256:${host.hash(parts.join('\n'))}`;
}

function providerSettings(config: Config, evaluated: EvaluatedConfig, diagnostics: Diagnostic[]): ProviderSettings {
  const decl = config.providers.find((p) => p.name === 'iam');
  const values = new Map<string, unknown>();
  if (evaluated.provider !== undefined) for (const [name, value] of mappingEntries(evaluated.provider)) values.set(name, toJs(value));
  const text = (name: string): string | undefined => {
    const value = values.get(name);
    if (value === undefined || value === null) return undefined;
    if (typeof value === 'string') return value;
    diagnostics.push(errorDiag('engine.provider-attribute', `provider "iam" ${name} must be a string`, { ...(decl?.attributes.get(name) ? { range: decl.attributes.get(name)?.expr.range } : {}) }));
    return undefined;
  };
  const backend = text('backend') ?? 'embedded';
  const path = text('path');
  const domain = text('domain');
  const endpoint = text('endpoint');
  if (backend !== 'embedded' && backend !== 'http') {
    diagnostics.push(
      errorDiag('engine.provider-backend', `Unknown backend "${backend}"`, {
        detail: 'provider "iam" backend is "embedded" (a SQLite file, the default) or "http".',
        ...(decl?.attributes.get('backend') ? { range: decl.attributes.get('backend')?.expr.range } : {}),
      }),
    );
  }
  return {
    backend: backend === 'http' ? 'http' : 'embedded',
    ...(path !== undefined ? { path } : {}),
    ...(domain !== undefined ? { domain } : {}),
    ...(endpoint !== undefined ? { endpoint } : {}),
    ...(decl !== undefined ? { range: decl.range } : {}),
  };
}
