import { addressContains, compareAddresses, formatAddress, resourceOf, type ResourceAddress } from '../addr/index.js';
import { hasErrors, type Diagnostic } from '../diag/index.js';
import { evaluateConfig, type Config, type LifecycleSettings, type ResourceDecl, type ResourceInstance } from '../config/index.js';
import { topologicalOrder, transitiveDependents } from '../graph/index.js';
import type { JsonObject } from '../state/index.js';
import { accessChanges } from './access-changes.js';
import { adoptImports, resolvePendingIntents } from './adoption.js';
import { afterResolver, outputsResolver } from './apply-values.js';
import { changeOf, deletionOf, deposedDeletionOf, preventDestroyDiag, sortChanges } from './changes.js';
import type { DeposedObject } from './deposed.js';
import { instanceGraph, type PriorOnly } from './dependency-graph.js';
import { decideInstance } from './instance-change.js';
import { evaluatePlanned, evaluateWithPlaceholders, type Decided, type EvaluationContext } from './evaluation.js';
import type { ApplyPlan, PlanInput, PlanResult } from './input.js';
import { fillUnknown, toPlainObject } from './plain.js';
import { placeholder } from './placeholder.js';
import { outputTemplates, plannedOutputs } from './outputs.js';
import { applyMoves, refreshPrior, RefreshIndex, stateFromPrior, type PriorInstance } from './prior.js';
import { reportUnmatchedTargets, targetFilter } from './targets.js';
import { PLAN_FORMAT_VERSION, type ChangeReason, type Plan, type PlanSummary, type ResourceChange } from './types.js';
import { validateInstances, validateRoleDependencies } from './validate-plan.js';
import { writeOnlyValues } from './write-only.js';
import { isWhollyKnown, type PlainObject } from '../schema/index.js';

/**
 * Plans the changes that bring the backend to the config, as Terraform does: refresh and
 * drift, one evaluation with planned values (unknowns where only apply can tell), a diff per
 * instance, deletions of what the config no longer has, validation, outputs and the access
 * the plan grants or revokes. Pure: every input is a value. Linear in instances: every
 * lookup is by formatted address.
 */
export function planChanges(input: PlanInput): PlanResult {
  const diags: Diagnostic[] = [];
  const { options } = input;
  const index = new RefreshIndex(input.refreshed);

  // Moves and imports are addresses and ids known before any resource is evaluated.
  const early = input.config.moved.length > 0 || input.config.imports.length > 0 ? evaluateConfig(input.config, input.variables, { functions: input.functions, functionContext: input.functionContext }, []) : undefined;
  const moved = applyMoves(input.state, early?.moved ?? [], diags);
  const prior = refreshPrior(moved, index, options.refresh);
  const deposed = resolvePendingIntents(input.state.pending, prior, index, diags);
  const imports = (early?.imports ?? []).flatMap((i) => (i.id.kind === 'string' ? [{ to: i.to, id: i.id.value, range: i.range }] : []));
  adoptImports(imports, prior, index, diags);

  const targets = options.mode === 'destroy' ? undefined : targetFilter(input.config, options.targets, diags);
  if (options.mode === 'destroy' && options.targets.length > 0) targetFilter(input.config, [], diags);
  const ctx: EvaluationContext = { input, prior, index, catalog: input.catalog, targets, replace: new Set(options.replace.map(formatAddress)) };
  const { decided, evaluated } = evaluatePlanned(ctx, diags);

  // Instances of the config, then prior instances the config no longer has.
  const configInstances = evaluated.instances;
  const priorOnly: PriorInstance[] = [];
  for (const [key, p] of prior.instances) if (!decided.has(key)) priorOnly.push(p);
  const graphResult = instanceGraph(configInstances, priorOnly.map((p): PriorOnly => ({ address: p.address, dependencies: p.dependencies })));
  if (!diags.some((d) => d.code === 'config.cycle')) diags.push(...graphResult.diagnostics);
  const graph = graphResult.graph;
  const dependsOn = (key: string): ResourceAddress[] => [...graph.dependencies(key)].map((k) => graph.payload(k)?.address as ResourceAddress).sort(compareAddresses);
  const deposedDeletion = (d: DeposedObject): ResourceChange => {
    const key = formatAddress(d.address);
    return deposedDeletionOf(d, prior.instances.get(key), graph.hasNode(key) ? dependsOn(key) : []);
  };

  validateInstances(input, decided, diags);

  // Pass B: placeholders for the executor, only when some planned value is unknown.
  const needsPlaceholders = [...decided.values()].some((d) => (d.kind === 'managed' ? !d.excluded && hasUnknownPart(d.decision.planned) : d.value === undefined));
  const passB = needsPlaceholders ? evaluateWithPlaceholders(ctx, decided) : undefined;
  const configB = new Map<string, ResourceInstance>();
  for (const inst of passB?.instances ?? []) configB.set(formatAddress(inst.address), inst);

  const changes: ResourceChange[] = [];
  const applyValues = new Map<string, JsonObject>();
  const writeOnly = new Map<string, JsonObject>();
  const lifecycleOf = new Map<string, LifecycleSettings>();
  for (const inst of configInstances) lifecycleOf.set(formatAddress(resourceOf(inst.address)), inst.lifecycle);

  if (options.mode === 'normal') {
    for (const [key, d] of decided) {
      if (d.kind === 'managed' && d.excluded) continue;
      if (d.kind === 'data' && d.value !== undefined) continue;
      const instB = configB.get(key);
      const wo = d.kind === 'managed' ? writeOnlyValues(d.instance.type, instB !== undefined ? toPlainObject(instB.values) : d.config) : undefined;
      if (wo !== undefined) writeOnly.set(key, wo);
      const change = changeOf(d, prior.instances.get(key), { dependsOn: dependsOn(key), writeOnly: wo });
      changes.push(change);
      if (d.kind === 'managed' && instB !== undefined && hasUnknownPart(d.decision.planned)) applyValues.set(key, templateOf(d, instB, prior.instances.get(key)));
    }
    const reasonOf = deleteReasons(input.config);
    for (const p of priorOnly) {
      if (p.gone) continue;
      if (targets !== undefined && !options.targets.some((t) => addressContains(t, p.address))) continue;
      changes.push(deletionOf(p, reasonOf(p.address), dependsOn(formatAddress(p.address))));
    }
    for (const d of deposed) if (targets === undefined || options.targets.some((t) => addressContains(t, d.address))) changes.push(deposedDeletion(d));
  } else if (options.mode === 'destroy') {
    const selected = options.targets.length === 0 ? undefined : destroySelection(graph, options.targets, prior.instances);
    for (const [key, p] of prior.instances) {
      if (p.gone || (selected !== undefined && !selected.has(key))) continue;
      changes.push(deletionOf(p, 'destroy_requested', dependsOn(key)));
    }
    for (const d of deposed) if (selected === undefined || selected.has(formatAddress(d.address))) changes.push(deposedDeletion(d));
  }

  validateRoleDependencies(input.catalog, decided, (key) => valuesFor(decided.get(key), applyValues.get(key)), index, prior, diags);
  for (const change of changes) {
    const key = formatAddress(change.address);
    const d = decided.get(key);
    const diag = preventDestroyDiag(change, d?.instance.lifecycle ?? lifecycleOf.get(formatAddress(resourceOf(change.address))), d?.instance);
    if (diag !== undefined) diags.push(diag);
  }
  reportUnmatchedTargets(options.targets, [...decided.values()].map((d) => d.instance.address).concat(priorOnly.map((p) => p.address)), diags);

  sortChanges(changes);
  // The intents of deposed objects still in the backend outlive the plan: the apply resolves each as it deletes its object.
  const priorState = stateFromPrior(input.state, prior.instances.values(), deposed.map((d) => d.intent));
  // Instances of the dependency graph with a change; deposed objects are not in the graph.
  const changed = new Set(changes.filter((c) => c.action !== 'no-op' && c.deposed === undefined).map((c) => formatAddress(c.address)));
  const drift = [...prior.drift.entries()].filter(([key]) => options.mode === 'refresh-only' || changed.has(key)).map(([, v]) => v).sort((a, b) => compareAddresses(a.address, b.address));
  const outputs = plannedOutputs(evaluated, input.state, options.mode);
  if (hasErrors(diags)) return { diagnostics: diags };

  const access = options.mode === 'refresh-only' ? [] : accessChanges({ input, index, prior, changes, applyValues });
  const plan: Plan = {
    formatVersion: PLAN_FORMAT_VERSION,
    mode: options.mode,
    lineage: input.state.lineage,
    serial: input.state.serial,
    configHash: input.configHash,
    changes,
    drift,
    accessChanges: access,
    outputs,
    summary: summarize(changes),
    // The renderers state targeting from `targets`; the warning stays in the result's list.
    diagnostics: diags.filter((d) => d.severity !== 'error' && d.code !== 'plan.targeting'),
    targets: options.targets,
  };
  const order = topologicalOrder(graph).filter((k) => changed.has(k));
  // A resource node counts as changed when any of its instances is.
  const changedResources = new Set<string>();
  for (const [key, node] of graph.entries()) if (node.resource && [...graph.dependencies(key)].some((k) => changed.has(k))) changedResources.add(key);
  const dependencies = new Map<string, readonly string[]>();
  for (const key of order) dependencies.set(key, [...graph.dependencies(key)].filter((k) => changed.has(k) || changedResources.has(k)).sort());
  const sensitiveOutputs = new Map([...evaluated.outputs].map(([name, o]) => [name, o.sensitive] as const));
  const outputValues = outputTemplates(passB ?? evaluated);
  const applyPlan: ApplyPlan = {
    plan,
    priorState,
    order,
    dependencies,
    applyValues,
    writeOnly,
    outputValues,
    resolveAfter: afterResolver(applyValues, writeOnly),
    outputs: outputsResolver(outputValues, sensitiveOutputs),
  };
  return { plan, applyPlan, diagnostics: diags };
}

/** An instance's planned value for validation: with placeholders when partly unknown. */
function valuesFor(d: Decided | undefined, template: JsonObject | undefined): JsonObject | undefined {
  if (template !== undefined) return template;
  if (d?.kind !== 'managed' || hasUnknownPart(d.decision.planned)) return undefined;
  return d.decision.planned as JsonObject;
}

function hasUnknownPart(value: PlainObject): boolean {
  return !isWhollyKnown(value);
}

/** The planned value with placeholders for the executor (pass B config, pass A decision). */
function templateOf(d: Extract<Decided, { kind: 'managed' }>, instB: ResourceInstance, prior: PriorInstance | undefined): JsonObject {
  const key = formatAddress(d.instance.address);
  const keepPrior = d.decision.action === 'update' || d.decision.action === 'no-op';
  const again = decideInstance({ type: d.instance.type, config: toPlainObject(instB.values), prior: keepPrior ? prior : undefined, lifecycle: d.instance.lifecycle, forceReplace: false, keeper: () => '' });
  return fillUnknown(again.planned, (path) => placeholder(key, String(path[0] ?? ''))) as JsonObject;
}

/**
 * Why a prior instance without config is deleted: its key left `count`/`for_each`, or the
 * resource left the config. The declarations are indexed on the first call.
 */
function deleteReasons(config: Config): (address: ResourceAddress) => ChangeReason {
  let decls: Map<string, ResourceDecl> | undefined;
  return (address) => {
    if (decls === undefined) {
      decls = new Map();
      for (const r of config.resources) if (!decls.has(formatAddress(r.address))) decls.set(formatAddress(r.address), r);
    }
    const decl = decls.get(formatAddress(resourceOf(address)));
    if (decl === undefined) return 'not_in_config';
    if (decl.count !== undefined && typeof address.key === 'number') return 'count_index_removed';
    if (decl.forEach !== undefined && typeof address.key === 'string') return 'each_key_removed';
    return 'not_in_config';
  };
}

/** The targeted instances and everything that depends on them: what `destroy --target` removes. */
function destroySelection(graph: ReturnType<typeof instanceGraph>['graph'], targets: readonly ResourceAddress[], instances: ReadonlyMap<string, PriorInstance>): Set<string> {
  const roots: string[] = [];
  for (const [key, p] of instances) if (targets.some((t) => addressContains(t, p.address))) roots.push(key);
  return transitiveDependents(graph, roots);
}

function summarize(changes: readonly ResourceChange[]): PlanSummary {
  let add = 0;
  let change = 0;
  let destroy = 0;
  let read = 0;
  let imported = 0;
  for (const c of changes) {
    if (c.importId !== undefined) imported++;
    switch (c.action) {
      case 'create':
        add++;
        break;
      case 'update':
        change++;
        break;
      case 'replace':
        add++;
        destroy++;
        break;
      case 'delete':
        destroy++;
        break;
      case 'read':
        read++;
        break;
      case 'no-op':
        break;
      default: {
        const never: never = c.action;
        throw new Error(`unexpected action ${String(never)}`);
      }
    }
  }
  return { add, change, destroy, read, import: imported };
}
