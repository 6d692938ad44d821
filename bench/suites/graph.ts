/**
 * The dependency graph at apply scale: build (with cycle detection), topological order and a
 * walk with parallelism 10 over IAM-shaped instance graphs of 10,000 and 100,000 nodes. Visits
 * do no work, so the figures are the graph's own overhead.
 *
 * Growth must be linear. Hash maps themselves slow down per entry once the data outgrows the
 * CPU caches (and more so on a shared machine), so growth is judged against a baseline measured
 * in the same run: one pass that puts the same nodes and edges into plain maps and sets.
 */
import { parseAddress } from '../../src/addr/index.js';
import type { SourceRange } from '../../src/diag/index.js';
import { buildResourceGraph, topologicalOrder, walk, type ResourceNodeInput } from '../../src/graph/index.js';
import { measure, ms, type BenchSuite, type Figure } from '../harness.js';

const range: SourceRange = { file: 'main.hcl', start: { line: 1, column: 1, offset: 0 }, end: { line: 1, column: 2, offset: 1 } };

/** Users, groups, policies, memberships (user + group), attachments (group + policy), access keys (user). */
function iamNodes(total: number): ResourceNodeInput[] {
  const users = Math.floor(total * 0.2);
  const groups = Math.floor(total * 0.02);
  const policies = Math.floor(total * 0.03);
  const memberships = Math.floor(total * 0.3);
  const attachments = Math.floor(total * 0.15);
  const keys = total - users - groups - policies - memberships - attachments;
  const nodes: ResourceNodeInput[] = [];
  const add = (key: string, refs: string[]): void => {
    const address = parseAddress(key).address;
    if (address === undefined) throw new Error(key);
    nodes.push({ key, address, range, references: refs.map((k) => ({ key: k, range })), dependsOn: [] });
  };
  const user = (i: number): string => `iam_user.team["u${i % users}"]`;
  const group = (i: number): string => `iam_group.g[${i % groups}]`;
  const policy = (i: number): string => `iam_policy.p[${i % policies}]`;
  for (let i = 0; i < users; i++) add(user(i), []);
  for (let i = 0; i < groups; i++) add(group(i), []);
  for (let i = 0; i < policies; i++) add(policy(i), []);
  for (let i = 0; i < memberships; i++) add(`iam_group_membership.m[${i}]`, [user(i * 7), group(i)]);
  for (let i = 0; i < attachments; i++) add(`iam_policy_attachment.a[${i}]`, [group(i * 3), policy(i)]);
  for (let i = 0; i < keys; i++) add(`iam_access_key.k[${i}]`, [user(i)]);
  return nodes;
}

async function pipeline(nodes: ResourceNodeInput[]): Promise<void> {
  const { graph, diagnostics } = buildResourceGraph(nodes);
  if (diagnostics.length > 0) throw new Error('unexpected cycle');
  topologicalOrder(graph);
  const outcomes = await walk(graph, { parallelism: 10, visit: async () => 'done' });
  if (outcomes.size !== nodes.length) throw new Error('walk lost nodes');
}

/** The least any graph representation must do: every node in a map, every edge in two sets. */
function baseline(nodes: readonly ResourceNodeInput[]): number {
  const out = new Map<string, Set<string>>();
  const into = new Map<string, Set<string>>();
  for (const node of nodes) {
    out.set(node.key, new Set());
    into.set(node.key, new Set());
  }
  for (const node of nodes) {
    for (const reference of node.references) {
      out.get(node.key)?.add(reference.key);
      into.get(reference.key)?.add(node.key);
    }
  }
  return out.size + into.size;
}

export const graphSuite: BenchSuite = {
  name: 'graph',
  async run(): Promise<Figure[]> {
    const figures: Figure[] = [];
    const medians = new Map<number, number>();
    const baselines = new Map<number, number>();
    for (const size of [10_000, 100_000]) {
      const nodes = iamNodes(size);
      const build = await measure(() => buildResourceGraph(nodes), { runs: 5 });
      const { graph } = buildResourceGraph(nodes);
      const order = await measure(() => topologicalOrder(graph), { runs: 5 });
      const walking = await measure(() => walk(graph, { parallelism: 10, visit: async () => 'done' }), { runs: 5 });
      const whole = await measure(() => pipeline(nodes), { runs: 5 });
      medians.set(size, whole.medianMs);
      baselines.set(size, (await measure(() => baseline(nodes), { runs: 5 })).medianMs);
      const label = size.toLocaleString('en-US');
      figures.push({ name: `build + cycle check, ${label} instances`, value: ms(build.medianMs) });
      figures.push({ name: `topological order, ${label} instances`, value: ms(order.medianMs) });
      figures.push({ name: `walk (parallelism 10), ${label} instances`, value: ms(walking.medianMs) });
      figures.push({ name: `build + order + walk, ${label} instances`, value: ms(whole.medianMs) });
    }
    const ratio = (medians.get(100_000) ?? 0) / (medians.get(10_000) ?? 1);
    const baseRatio = (baselines.get(100_000) ?? 0) / (baselines.get(10_000) ?? 1);
    const growth = ratio / baseRatio;
    figures.push({ name: 'time(100,000) / time(10,000)', value: ratio.toFixed(1) });
    figures.push({ name: 'same ratio for the map-and-set baseline', value: baseRatio.toFixed(1) });
    figures.push({ name: 'growth relative to the baseline', value: growth.toFixed(2), target: '≤ 1.5', ok: growth <= 1.5 });
    return figures;
  },
};
