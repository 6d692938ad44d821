import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { buildResourceGraph, dotString, mermaidString, toDot, toMermaid, transitiveReduction } from '../../src/graph/index.js';
import { expectGolden } from '../helpers/golden.js';
import { graphOf, node, type NodeSpec } from './fixtures.js';

const golden = (name: string): string => fileURLToPath(new URL(`../golden/graph/${name}`, import.meta.url));

/** A small organisation: two teams, a custom deny policy, a system policy read as a data source. */
const iam: NodeSpec[] = [
  { key: 'iam_user.alice', line: 1 },
  { key: 'iam_user.team["carol"]', line: 5 },
  { key: 'iam_group.admins', line: 9 },
  { key: 'iam_group.readers', line: 12 },
  { key: 'data.iam_policy.ecs_read_only', line: 15 },
  { key: 'iam_policy.deny_delete', line: 18 },
  { key: 'iam_group_membership.admins', line: 25, refs: [['iam_group.admins', 26], ['iam_user.alice', 27]] },
  { key: 'iam_group_membership.readers', line: 30, refs: [['iam_group.readers', 31], ['iam_user.team["carol"]', 32]] },
  { key: 'iam_policy_attachment.readers_ecs', line: 35, refs: [['iam_group.readers', 36], ['data.iam_policy.ecs_read_only', 37]] },
  {
    key: 'iam_policy_attachment.admins_deny',
    line: 40,
    refs: [['iam_group.admins', 41], ['iam_policy.deny_delete', 42]],
    dependsOn: [['iam_group_membership.admins', 43]],
  },
  { key: 'iam_access_key.alice', line: 46, refs: [['iam_user.alice', 47]], dependsOn: [['iam_group_membership.admins', 48]] },
];

describe('graph output', () => {
  const { graph, diagnostics } = buildResourceGraph(
    // Insertion order must not matter: feed the nodes backwards.
    [...iam].reverse().map(node),
  );

  it('builds the fixture without cycles', () => {
    expect(diagnostics).toEqual([]);
  });

  it('renders dot', () => {
    expectGolden(golden('iam.dot'), toDot(graph));
  });

  it('renders mermaid', () => {
    expectGolden(golden('iam.mmd'), toMermaid(graph));
  });

  it('renders the transitive reduction with custom labels', () => {
    const reduced = transitiveReduction(graph);
    expect(reduced.edgeCount).toBe(graph.edgeCount - 2);
    expect(reduced.hasEdge('iam_access_key.alice', 'iam_user.alice')).toBe(false);
    const label = (key: string): string => `${key} "${key.split('.').length}"`;
    expectGolden(golden('iam-reduced.dot'), toDot(reduced, { label }));
    expectGolden(golden('iam-reduced.mmd'), toMermaid(reduced, { label }));
  });

  it('does not depend on insertion order', () => {
    const forward = buildResourceGraph(iam.map(node)).graph;
    expect(toDot(forward)).toBe(toDot(graph));
    expect(toMermaid(forward)).toBe(toMermaid(graph));
  });
});

describe('escaping and ids', () => {
  const strings: [string, string, string][] = [
    ['plain', 'iam_user.alice', 'iam_user.alice'],
    ['quotes', 'iam_user.team["bob"]', 'iam_user.team[#34;bob#34;]'],
    ['backslash and newline', 'a\\b\nc', 'a\\b c'],
    ['markup', '<b>#1</b>', '#60;b#62;#35;1#60;/b#62;'],
  ];
  it.each(strings)('escapes %s', (_, text, mermaid) => {
    expect(mermaidString(text)).toBe(`"${mermaid}"`);
    expect(JSON.parse(dotString(text))).toBe(text);
  });

  it('gives colliding and reserved mermaid ids a suffix', () => {
    const out = toMermaid(graphOf('a.b>a_b', 'end'));
    expect(out).toBe(['flowchart RL', '  a_b["a.b"]', '  a_b_2["a_b"]', '  end_2["end"]', '  a_b --> a_b_2', ''].join('\n'));
  });

  it('marks data sources in both formats', () => {
    const g = graphOf('iam_policy_attachment.x>data.iam_policy.p');
    expect(toDot(g)).toContain('"data.iam_policy.p" [label = "data.iam_policy.p", shape = "ellipse", style = "dashed"];');
    expect(toMermaid(g)).toContain('  data_iam_policy_p(["data.iam_policy.p"])\n');
    expect(toMermaid(g)).toContain('  class data_iam_policy_p data\n');
    expect(toMermaid(graphOf('a'))).not.toContain('classDef');
  });
});
