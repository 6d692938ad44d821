/**
 * Plan rendering at apply scale: the text plan, the JSON plan and reading the JSON plan back,
 * for plans of 10,000 and 100,000 resource changes shaped like an IAM configuration (creates
 * with unknown ids, updates with a changed attribute, memberships with one member added to a
 * long list, policy documents with a changed statement, deletions).
 *
 * Growth must be linear (time(100,000) / time(10,000) at most 12). A baseline measured in the
 * same run — `JSON.stringify(plan, null, 2)` of the same Plan object, text of the same order of
 * size as the JSON plan — shows what plain serialisation costs on this machine at that moment.
 */
import type { Plan, ResourceChange } from '../../src/plan/types.js';
import { parsePlanJson, renderPlanJson, renderPlanText } from '../../src/render/index.js';
import { measure, ms, type BenchSuite, type Figure } from '../harness.js';

function change(i: number): ResourceChange {
  const base = { afterUnknown: [], beforeSensitive: [], afterSensitive: [], replacePaths: [], dependsOn: [], createBeforeDestroy: false };
  switch (i % 5) {
    case 0:
      return {
        ...base,
        address: { mode: 'managed', type: 'iam_user', name: 'team', key: `u${i}` },
        action: 'create',
        before: null,
        after: { name: `u${i}`, email: `u${i}@example.com`, enabled: true, tags: { team: `t${i % 17}` } },
        afterUnknown: [['id']],
      };
    case 1:
      return {
        ...base,
        address: { mode: 'managed', type: 'iam_user', name: 'team', key: `u${i}` },
        action: 'update',
        id: `id-${i}`,
        before: { id: `id-${i}`, name: `u${i}`, email: `old${i}@example.com`, enabled: true, description: 'x' },
        after: { id: `id-${i}`, name: `u${i}`, email: `new${i}@example.com`, enabled: true, description: 'x' },
      };
    case 2: {
      const users = Array.from({ length: 50 }, (_, k) => `id-${(i + k * 13) % 100_000}`);
      return {
        ...base,
        address: { mode: 'managed', type: 'iam_group_membership', name: 'm', key: i },
        action: 'update',
        id: `g-${i}`,
        before: { id: `g-${i}`, group: `g-${i}`, users },
        after: { id: `g-${i}`, group: `g-${i}`, users: [...users, `id-new-${i}`] },
      };
    }
    case 3: {
      const doc = (extra: string[]) => ({
        Version: '1.1',
        Statement: [
          { Effect: 'Allow', Action: ['ecs:servers:list', 'ecs:servers:get', ...extra] },
          { Effect: 'Deny', Action: ['ecs:servers:delete'] },
        ],
      });
      return {
        ...base,
        address: { mode: 'managed', type: 'iam_policy', name: 'p', key: i },
        action: 'update',
        id: `p-${i}`,
        before: { id: `p-${i}`, name: `p${i}`, description: 'd', policy: doc([]) },
        after: { id: `p-${i}`, name: `p${i}`, description: 'd', policy: doc(['ecs:servers:start']) },
      };
    }
    default:
      return {
        ...base,
        address: { mode: 'managed', type: 'iam_policy_attachment', name: 'a', key: i },
        action: 'delete',
        reason: 'not_in_config',
        id: `a-${i}`,
        before: { id: `a-${i}`, group: `g-${i % 200}`, policy: `p-${i % 300}`, project: 'proj-eu-de' },
        after: null,
      };
  }
}

function planOf(n: number): Plan {
  const changes = Array.from({ length: n }, (_, i) => change(i));
  const count = (a: string): number => changes.filter((c) => c.action === a).length;
  return {
    formatVersion: '1.0',
    mode: 'normal',
    lineage: 'bench',
    serial: 1,
    configHash: 'sha256:bench',
    changes,
    drift: [],
    accessChanges: [],
    outputs: [],
    summary: { add: count('create'), change: count('update'), destroy: count('delete'), read: 0, import: 0 },
    diagnostics: [],
    targets: [],
  };
}

export const renderSuite: BenchSuite = {
  name: 'render',
  async run(): Promise<Figure[]> {
    const figures: Figure[] = [];
    const times = new Map<string, number>();
    for (const n of [10_000, 100_000]) {
      const plan = planOf(n);
      const runs = n > 10_000 ? 3 : 5;
      const baseline = await measure(() => JSON.stringify(plan, null, 2), { runs });
      const text = await measure(() => renderPlanText(plan, { color: false }), { runs });
      const json = await measure(() => renderPlanJson(plan, { iamformVersion: 'bench' }), { runs });
      const encoded = renderPlanJson(plan, { iamformVersion: 'bench' });
      const read = await measure(() => parsePlanJson(encoded), { runs });
      times.set(`baseline ${n}`, baseline.medianMs);
      times.set(`text ${n}`, text.medianMs);
      times.set(`json ${n}`, json.medianMs);
      times.set(`read ${n}`, read.medianMs);
      const label = n.toLocaleString('en-US');
      figures.push({ name: `baseline: JSON.stringify(plan, null, 2), ${label} changes`, value: ms(baseline.medianMs) });
      figures.push({ name: `text plan, ${label} changes`, value: ms(text.medianMs), ...(n === 10_000 ? { target: '< 2 s', ok: text.medianMs < 2000 } : {}) });
      figures.push({ name: `JSON plan, ${label} changes`, value: ms(json.medianMs), ...(n === 10_000 ? { target: '< 1 s', ok: json.medianMs < 1000 } : {}) });
      figures.push({ name: `read JSON plan, ${label} changes`, value: ms(read.medianMs), ...(n === 10_000 ? { target: '< 1 s', ok: read.medianMs < 1000 } : {}) });
    }
    // Growth of each renderer next to plain serialisation's in the same run. Informational:
    // the linear-growth target is on whole CLI runs (the cli suite), of which
    // rendering is one part.
    const baselineRatio = (times.get('baseline 100000') ?? 0) / (times.get('baseline 10000') ?? 1);
    figures.push({ name: 'baseline: time(100,000) / time(10,000)', value: baselineRatio.toFixed(1) });
    for (const what of ['text', 'json', 'read']) {
      const ratio = (times.get(`${what} 100000`) ?? 0) / (times.get(`${what} 10000`) ?? 1);
      figures.push({ name: `${what}: time(100,000) / time(10,000)`, value: ratio.toFixed(1) });
    }
    return figures;
  },
};
