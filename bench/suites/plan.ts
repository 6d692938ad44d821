import { formatAddress } from '../../src/addr/index.js';
import { loadCatalog } from '../../src/backend/catalog/index.js';
import { loadConfig, type ConfigReader } from '../../src/config/index.js';
import { builtinFunctions } from '../../src/config/functions/index.js';
import type { FunctionContext } from '../../src/config/functions/types.js';
import { planChanges, resolvePlaceholders, type PlanInput, type PlanOptions, type RefreshedObject } from '../../src/plan/index.js';
import { makeKeeper } from '../../src/schema/index.js';
import { emptyState, setInstance, type JsonObject, type State } from '../../src/state/index.js';
import type { BenchSuite, Figure } from '../harness.js';
import { measure, ms } from '../harness.js';

/**
 * The planner in process at 1,000, 10,000 and 100,000 instances (half users, then policy
 * attachments, custom policies, groups and memberships): a first plan against an empty
 * backend, and a no-op plan against the state and backend that applying it would leave
 * (simulated here by giving every object an id and resolving the plan's placeholders).
 * Targets: no-op plan of 10,000 well under 0.5 s; time(100,000) / time(10,000) at most 12.
 */

function name(prefix: string, i: number, width: number): string {
  return `${prefix}${String(i).padStart(width, '0')}`;
}

function list(n: number, item: (i: number) => string, separator = ', '): string {
  const out: string[] = [];
  for (let i = 0; i < n; i++) out.push(item(i));
  return separator === ', ' ? out.join(separator) : `\n${out.join('\n')}\n`;
}

function configFor(total: number): string {
  const users = Math.round(total * 0.5);
  const groups = Math.round(total * 0.05);
  const policies = Math.round(total * 0.1);
  const attachments = total - users - 2 * groups - policies;
  return `
data "iam_project" "eu_de" { name = "eu-de" }
data "iam_policy" "ecs_ro" { name = "ECS ReadOnlyAccess" }

locals {
  users       = [${list(users, (i) => `"${name('user', i, 6)}"`)}]
  groups      = [${list(groups, (i) => `"${name('group', i, 5)}"`)}]
  policies    = [${list(policies, (i) => `"${name('policy', i, 5)}"`)}]
  attachments = {${list(attachments, (i) => `${name('att', i, 6)} = { group = "${name('group', i % groups, 5)}", policy = "${name('policy', i % policies, 5)}" }`, '\n')}}
  members     = {${list(groups, (i) => `${name('group', i, 5)} = [${list(10, (j) => `"${name('user', (i * 10 + j) % users, 6)}"`)}]`, '\n')}}
}

resource "iam_user" "u" {
  for_each    = toset(local.users)
  name        = each.key
  email       = "\${each.key}@example.com"
  access_mode = "console"
}

resource "iam_group" "g" {
  for_each    = toset(local.groups)
  name        = each.key
  description = "Team \${each.key}"
}

resource "iam_group_membership" "m" {
  for_each = local.members
  group    = iam_group.g[each.key].id
  users    = [for u in each.value : iam_user.u[u].id]
}

resource "iam_policy" "p" {
  for_each    = toset(local.policies)
  name        = each.key
  description = "Custom policy \${each.key}"
  policy = jsonencode({
    Version   = "1.1"
    Statement = [{ Effect = "Allow", Action = ["ecs:servers:list", "ecs:servers:get"] }]
  })
}

resource "iam_policy_attachment" "a" {
  for_each = local.attachments
  group    = iam_group.g[each.value.group].id
  policy   = iam_policy.p[each.value.policy].id
  project  = data.iam_project.eu_de.id
}
`;
}

const regions: RefreshedObject[] = [{ id: 'p-eu-de', attributes: { name: 'eu-de', description: '', parent_id: '', enabled: true, kind: 'region' } }];

function setup(total: number): { input: (state: State, refreshed: Map<string, RefreshedObject[]>, options?: Partial<PlanOptions>) => PlanInput } {
  const files: Record<string, string> = { 'main.hcl': configFor(total) };
  const reader: ConfigReader = { listFiles: () => Object.keys(files), readFile: (p) => ({ text: files[p] ?? '' }), fileExists: (p) => p in files };
  const loaded = loadConfig({ reader });
  const functionContext: FunctionContext = { readFile: () => ({ error: 'none' }), fileExists: () => false, renderTemplate: () => ({ error: 'none' }) };
  const catalog = loadCatalog();
  return {
    input: (state, refreshed, options = {}) => ({
      config: loaded.config,
      variables: loaded.evaluated.variables,
      functions: builtinFunctions,
      functionContext,
      state,
      refreshed,
      catalog,
      keeper: (s, salt) => makeKeeper(s, salt).hmac,
      options: { mode: 'normal', targets: [], replace: [], refresh: true, ...options },
      configHash: 'bench',
    }),
  };
}

/** Applies a plan without a backend: ids are made up, placeholders resolved, state written. */
function simulateApply(result: ReturnType<typeof planChanges>): { state: State; refreshed: Map<string, RefreshedObject[]> } {
  const apply = result.applyPlan;
  if (apply === undefined) throw new Error(`bench plan failed: ${result.diagnostics.map((d) => `${d.summary}: ${d.detail ?? ""}`).join('; ')}`);
  const created = new Map<string, JsonObject>();
  const refreshed = new Map<string, RefreshedObject[]>([['data.iam_project', regions]]);
  let state = apply.priorState;
  const byKey = new Map(apply.plan.changes.map((c) => [formatAddress(c.address), c]));
  let n = 0;
  for (const key of apply.order) {
    const change = byKey.get(key);
    if (change === undefined || change.address.mode !== 'managed') continue;
    const template = apply.applyValues.get(key) ?? change.after ?? {};
    const id = change.address.type === 'iam_group_membership' ? String(resolvePlaceholders(template['group'] ?? null, (a, attr) => created.get(a)?.[attr]).value) : `id-${n++}`;
    const resolved = resolvePlaceholders(template, (a, attr) => (a === key ? id : created.get(a)?.[attr])).value as JsonObject;
    const attributes = { ...resolved, id };
    created.set(key, attributes);
    state = setInstance(state, change.address, { id, attributes, sensitivePaths: [], dependencies: change.dependsOn });
    let list = refreshed.get(change.address.type);
    if (list === undefined) refreshed.set(change.address.type, (list = []));
    list.push({ id, attributes });
  }
  return { state, refreshed };
}

export const planSuite: BenchSuite = {
  name: 'plan',
  async run(): Promise<Figure[]> {
    const figures: Figure[] = [];
    const noop = new Map<number, number>();
    for (const total of [1_000, 10_000, 100_000]) {
      const { input } = setup(total);
      const empty = new Map<string, RefreshedObject[]>([['data.iam_project', regions]]);
      const first = await measure(() => planChanges(input(emptyState('bench'), empty)), { runs: total >= 100_000 ? 1 : 3, warmup: total >= 100_000 ? 0 : 1 });
      const applied = simulateApply(planChanges(input(emptyState('bench'), empty)));
      const again = planChanges(input(applied.state, applied.refreshed));
      const pending = again.plan?.changes.filter((c) => c.action !== 'no-op').length ?? -1;
      const t = await measure(() => planChanges(input(applied.state, applied.refreshed)), { runs: total >= 100_000 ? 3 : 5 });
      noop.set(total, t.medianMs);
      figures.push({ name: `first plan, ${total} instances`, value: ms(first.medianMs) });
      figures.push({
        name: `no-op plan, ${total} instances (${pending} changes)`,
        value: ms(t.medianMs),
        ...(total === 10_000 ? { target: '< 500 ms', ok: t.medianMs < 500 && pending === 0 } : { ok: pending === 0 }),
      });
    }
    const ratio = (noop.get(100_000) ?? 0) / (noop.get(10_000) ?? 1);
    figures.push({ name: 'no-op plan time(100,000) / time(10,000)', value: ratio.toFixed(1), target: '≤ 12', ok: ratio <= 12 });
    return figures;
  },
};
