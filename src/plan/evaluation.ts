import { formatAddress, type ResourceAddress } from '../addr/index.js';
import { errorDiag, type Diagnostic } from '../diag/index.js';
import { evaluate, evaluateConfig, isolatedContext, referencesInBody, type EvaluatedConfig, type ResourceInstance, type Value } from '../config/index.js';
import type { Catalog } from '../backend/policy/index.js';
import { bodySchemaHookFor, resourceSchema, type PlainObject, type PlainValue } from '../schema/index.js';
import type { JsonObject } from '../state/index.js';
import { dataCandidates, dataValue, resolveDataSource } from './data-sources.js';
import { decideInstance, type InstanceDecision } from './instance-change.js';
import type { PlanInput } from './input.js';
import { fillUnknown, fromPlain, toPlain, toPlainObject } from './plain.js';
import { placeholder } from './placeholder.js';
import type { PriorPicture, RefreshIndex } from './prior.js';
import type { TargetFilter } from './targets.js';

/**
 * Evaluation with planned values: the config evaluator asks, for every instance it has
 * evaluated, what the instance stands for in references, and gets the planned value — prior
 * values for unchanged or updated instances, unknown computed attributes (`id`, …) for
 * instances being created or replaced. Since the evaluator resolves references on demand,
 * each instance is decided after everything it refers to, in one pass.
 */
export type Decided =
  | { readonly kind: 'managed'; readonly instance: ResourceInstance; readonly config: PlainObject; readonly decision: InstanceDecision; readonly excluded: boolean }
  | { readonly kind: 'data'; readonly instance: ResourceInstance; readonly config: PlainObject; readonly value: JsonObject | undefined };

export interface Planner {
  readonly decided: Map<string, Decided>;
  readonly evaluated: EvaluatedConfig;
}

export interface EvaluationContext {
  readonly input: PlanInput;
  readonly prior: PriorPicture;
  readonly index: RefreshIndex;
  readonly catalog: Catalog;
  readonly targets: TargetFilter | undefined;
  readonly replace: ReadonlySet<string>;
}

/** Decides one managed instance; instances outside the plan's scope keep their prior value. */
export function decideManaged(ctx: EvaluationContext, instance: ResourceInstance, config: PlainObject): Decided {
  const key = formatAddress(instance.address);
  const prior = ctx.prior.instances.get(key);
  const excluded = ctx.input.options.mode !== 'normal' || (ctx.targets !== undefined && !ctx.targets(instance.address));
  if (excluded && prior !== undefined && !prior.gone) {
    const before = prior.attributes as PlainObject;
    return { kind: 'managed', instance, config, excluded, decision: { action: 'no-op', before, planned: before, replacePaths: [], writeOnlyChanges: [] } };
  }
  const decision = decideInstance({ type: instance.type, config, prior, lifecycle: instance.lifecycle, forceReplace: ctx.replace.has(key), keeper: ctx.input.keeper });
  return { kind: 'managed', instance, config, excluded, decision };
}

function decideData(ctx: EvaluationContext, instance: ResourceInstance, config: PlainObject, diags: Diagnostic[]): Decided {
  const result = resolveDataSource(instance.type, config, dataCandidates(instance.type, ctx.index, ctx.catalog));
  switch (result.kind) {
    case 'found':
      return { kind: 'data', instance, config, value: dataValue(result.object) };
    case 'unknown':
      return { kind: 'data', instance, config, value: undefined };
    case 'missing':
      diags.push(errorDiag('plan.data-not-found', `No ${instance.type} found`, { detail: result.detail, range: instance.ranges.get('name') ?? instance.declRange, context: `data "${instance.type}" "${instance.address.name}"` }));
      return { kind: 'data', instance, config, value: undefined };
    default: {
      const never: never = result;
      throw new Error(`unexpected data result ${JSON.stringify(never)}`);
    }
  }
}

/** The plain planned value of a decided instance, unknowns kept. */
export function plannedOf(d: Decided): PlainObject | undefined {
  return d.kind === 'managed' ? d.decision.planned : d.value;
}

/** What a reference to an instance saw during one pass, to tell whether another is needed. */
type Served = 'planned' | 'prior' | 'none';

/** At most this many evaluations before the last one's decisions stand (each pass is O(n)). */
const maxPasses = 8;

/**
 * Pass A: evaluates the config with planned values and decides every instance.
 *
 * When the evaluator hands the hook the instance it has just evaluated, one pass decides
 * everything in dependency order. When it hands only the address, the hook serves the
 * previous pass's planned value (prior values, or unknown, on the first pass), and passes
 * repeat until no reference saw a value its instance's decision contradicts: a replaced or
 * created instance served as prior, a resolved data source served as unknown, or an action
 * that changed since the previous pass.
 */
export function evaluatePlanned(ctx: EvaluationContext, diags: Diagnostic[]): Planner {
  const literalData = resolveLiteralData(ctx);
  // The evaluator takes from the hook only what the block does not write; the rest is
  // left out here, which keeps the values built per instance small.
  const written = new Map<string, ReadonlySet<string>>();
  for (const decl of ctx.input.config.resources) written.set(formatAddress(decl.address), new Set(decl.block.body.items.flatMap((i) => (i.kind === 'attribute' ? [i.name] : i.type === 'dynamic' ? [i.labels[0]?.value ?? ''] : [i.type]))));
  const unset = (value: PlainObject, key: string): PlainObject => {
    const names = written.get(key.replace(/\[.*$/s, ''));
    if (names === undefined) return value;
    const out: Record<string, PlainValue> = {};
    for (const k of Object.keys(value)) if (!names.has(k)) out[k] = value[k] as PlainValue;
    return out;
  };
  let previous: Map<string, Decided> | undefined;
  for (let pass = 1; ; pass++) {
    const passDiags: Diagnostic[] = [];
    const decided = new Map<string, Decided>();
    const served = new Map<string, Served>();
    const decide = (instance: ResourceInstance): Decided => {
      const key = formatAddress(instance.address);
      let d = decided.get(key);
      if (d === undefined) {
        const config = toPlainObject(instance.values);
        d = instance.address.mode === 'data' ? decideData(ctx, instance, config, passDiags) : decideManaged(ctx, instance, config);
        decided.set(key, d);
      }
      return d;
    };
    const hook = (address: ResourceAddress, instance?: ResourceInstance): Value | undefined => {
      const key = formatAddress(address);
      if (instance !== undefined) {
        const planned = plannedOf(decide(instance));
        served.set(key, 'planned');
        return planned === undefined ? undefined : fromPlain(unset(planned, key));
      }
      const literal = literalData.get(key);
      if (literal !== undefined) {
        served.set(key, 'planned');
        return fromPlain(literal);
      }
      const prev = previous?.get(key);
      if (prev !== undefined) {
        served.set(key, 'planned');
        const planned = plannedOf(prev);
        return planned === undefined ? undefined : fromPlain(unset(planned, key));
      }
      const prior = address.mode === 'managed' ? ctx.prior.instances.get(key) : undefined;
      if (prior !== undefined && !prior.gone) {
        served.set(key, 'prior');
        return fromPlain(unset(prior.attributes as PlainObject, key));
      }
      served.set(key, 'none');
      return undefined;
    };
    const evaluated = evaluateConfig(ctx.input.config, ctx.input.variables, { functions: ctx.input.functions, functionContext: ctx.input.functionContext, schemaFor: bodySchemaHookFor, resourceValues: hook }, passDiags);
    for (const instance of evaluated.instances) decide(instance);
    if (pass >= maxPasses || !needsAnotherPass(decided, served, previous)) {
      diags.push(...passDiags);
      return { decided, evaluated };
    }
    previous = decided;
  }
}

/**
 * Data sources whose arguments are literals (no references, no count or for_each) resolved
 * before evaluation, so that the first pass already sees their values. Those that do not
 * resolve are left to the evaluation, which reports them.
 */
function resolveLiteralData(ctx: EvaluationContext): Map<string, PlainObject> {
  const out = new Map<string, PlainObject>();
  const isolated = isolatedContext(ctx.input.functions, ctx.input.functionContext, 'a data source argument');
  for (const decl of ctx.input.config.resources) {
    if (decl.mode !== 'data' || decl.forEach !== undefined || decl.count !== undefined || referencesInBody(decl.block.body).length > 0) continue;
    const args: Record<string, PlainValue> = {};
    let ok = true;
    for (const item of decl.block.body.items) {
      if (item.kind !== 'attribute') continue;
      if (item.name === 'depends_on' || item.name === 'provider') {
        ok = false;
        break;
      }
      const r = evaluate(item.expr, isolated);
      if (r.diagnostics.length > 0) ok = false;
      args[item.name] = toPlain(r.value);
    }
    if (!ok) continue;
    const found = resolveDataSource(decl.type, args, dataCandidates(decl.type, ctx.index, ctx.catalog));
    if (found.kind === 'found') out.set(formatAddress(decl.address), dataValue(found.object));
  }
  return out;
}

function actionOf(d: Decided): string {
  return d.kind === 'managed' ? d.decision.action : d.value === undefined ? 'read' : 'found';
}

function needsAnotherPass(decided: ReadonlyMap<string, Decided>, served: ReadonlyMap<string, Served>, previous: ReadonlyMap<string, Decided> | undefined): boolean {
  for (const [key, how] of served) {
    if (how === 'planned' && previous === undefined) continue;
    const d = decided.get(key);
    if (d === undefined) continue;
    if (how === 'prior' && d.kind === 'managed' && (d.decision.action === 'replace' || d.decision.action === 'create')) return true;
    if (how === 'none' && d.kind === 'data' && d.value !== undefined) return true;
    const prev = previous?.get(key);
    if (how === 'planned' && prev !== undefined && actionOf(prev) !== actionOf(d)) return true;
  }
  return false;
}

/**
 * Pass B: evaluates the config again with a placeholder for every attribute pass A left
 * unknown, so that values known only after apply name their source. Decisions are pass A's.
 */
export function evaluateWithPlaceholders(ctx: EvaluationContext, decided: ReadonlyMap<string, Decided>): EvaluatedConfig {
  const hook = (address: ResourceAddress): Value | undefined => {
    const key = formatAddress(address);
    const d = decided.get(key);
    if (d === undefined) return undefined;
    const planned: Record<string, unknown> = { ...(plannedOf(d) ?? d.config) };
    for (const name of resourceSchema(address.type, address.mode)?.attributes.keys() ?? []) planned[name] ??= placeholder(key, name);
    return fromPlain(fillUnknown(planned as PlainObject, (path) => placeholder(key, String(path[0] ?? ''))) as PlainObject);
  };
  return evaluateConfig(ctx.input.config, ctx.input.variables, { functions: ctx.input.functions, functionContext: ctx.input.functionContext, schemaFor: bodySchemaHookFor, resourceValues: hook }, []);
}
