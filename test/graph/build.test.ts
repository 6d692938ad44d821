import { describe, expect, it } from 'vitest';
import { buildResourceGraph, edgeOrigin, findCycles, stronglyConnectedComponents } from '../../src/graph/index.js';
import { edgeList, graphOf, node, type NodeSpec } from './fixtures.js';

describe('buildResourceGraph edges', () => {
  const cases: [string, NodeSpec[], string[]][] = [
    [
      'references',
      [
        { key: 'iam_user.alice', line: 1 },
        { key: 'iam_group.admins', line: 5 },
        { key: 'iam_group_membership.admins', line: 9, refs: [['iam_group.admins', 10], ['iam_user.alice', 11]] },
      ],
      ['iam_group_membership.admins>iam_group.admins', 'iam_group_membership.admins>iam_user.alice'],
    ],
    [
      'depends_on',
      [
        { key: 'iam_user.alice', line: 1 },
        { key: 'iam_access_key.alice', line: 5, dependsOn: [['iam_user.alice', 6]] },
      ],
      ['iam_access_key.alice>iam_user.alice'],
    ],
    [
      'a reference and depends_on to the same node as one edge',
      [
        { key: 'iam_group.g', line: 1 },
        { key: 'iam_policy_attachment.a', line: 5, refs: [['iam_group.g', 6]], dependsOn: [['iam_group.g', 7]] },
      ],
      ['iam_policy_attachment.a>iam_group.g'],
    ],
    [
      'references to undeclared nodes skipped',
      [{ key: 'iam_group_membership.m', line: 1, refs: [['iam_group.missing', 2]], dependsOn: [['iam_user.ghost', 3]] }],
      [],
    ],
    [
      'data sources and instances',
      [
        { key: 'data.iam_policy.ro', line: 1 },
        { key: 'iam_group.team["dev"]', line: 3 },
        { key: 'iam_policy_attachment.ro[0]', line: 5, refs: [['data.iam_policy.ro', 6], ['iam_group.team["dev"]', 7]] },
      ],
      ['iam_policy_attachment.ro[0]>data.iam_policy.ro', 'iam_policy_attachment.ro[0]>iam_group.team["dev"]'],
    ],
  ];
  it.each(cases)('from %s', (_, specs, edges) => {
    const nodes = specs.map(node);
    const { graph, diagnostics } = buildResourceGraph(nodes);
    expect(diagnostics).toEqual([]);
    expect([...graph.keys()]).toEqual(specs.map((s) => s.key));
    expect(edgeList(graph)).toEqual(edges);
    for (const n of nodes) expect(graph.payload(n.key)).toBe(n);
  });

  it('records the earliest reference behind each edge', () => {
    const { graph } = buildResourceGraph(
      ([
        { key: 'iam_group.g', line: 1 },
        { key: 'iam_policy_attachment.a', line: 5, refs: [['iam_group.g', 8]], dependsOn: [['iam_group.g', 6]] },
      ] satisfies NodeSpec[]).map(node),
    );
    const attachment = graph.payload('iam_policy_attachment.a');
    const origin = attachment && edgeOrigin(attachment, 'iam_group.g');
    expect(origin?.kind).toBe('depends_on');
    expect(origin?.range.start.line).toBe(6);
    expect(attachment && edgeOrigin(attachment, 'iam_user.nobody')).toBeUndefined();
  });

  it('treats a repeated key as a caller bug', () => {
    expect(() => buildResourceGraph([node({ key: 'iam_user.a', line: 1 }), node({ key: 'iam_user.a', line: 2 })])).toThrow(/duplicate/);
  });
});

interface CycleCase {
  readonly nodes: NodeSpec[];
  readonly summaries: string[];
  /** `file:line` of each diagnostic's range. */
  readonly lines: number[];
}

describe('buildResourceGraph cycles', () => {
  const cases: Record<string, CycleCase> = {
    'a 2-cycle': {
      nodes: [
        { key: 'iam_policy_attachment.b', line: 10, refs: [['iam_group.a', 12]] },
        { key: 'iam_group.a', line: 1, dependsOn: [['iam_policy_attachment.b', 3]] },
      ],
      summaries: ['Cycle: iam_group.a → iam_policy_attachment.b → iam_group.a'],
      lines: [3],
    },
    'a self-cycle': {
      nodes: [{ key: 'iam_group.self', line: 1, refs: [['iam_group.self', 2]] }],
      summaries: ['Cycle: iam_group.self → iam_group.self'],
      lines: [2],
    },
    'several independent cycles, ordered by first member': {
      nodes: [
        { key: 'iam_user.z', line: 1, refs: [['iam_user.y', 2]] },
        { key: 'iam_user.y', line: 4, refs: [['iam_user.z', 5]] },
        { key: 'iam_group.b', line: 7, refs: [['iam_group.c', 8]] },
        { key: 'iam_group.c', line: 10, refs: [['iam_group.a', 11]] },
        { key: 'iam_group.a', line: 13, refs: [['iam_group.b', 14]] },
        { key: 'iam_user.ok', line: 16, refs: [['iam_group.a', 17]] },
        { key: 'iam_user.me', line: 19, dependsOn: [['iam_user.me', 20]] },
      ],
      summaries: [
        'Cycle: iam_group.a → iam_group.b → iam_group.c → iam_group.a',
        'Cycle: iam_user.me → iam_user.me',
        'Cycle: iam_user.y → iam_user.z → iam_user.y',
      ],
      lines: [14, 20, 5],
    },
    'instance keys ordered like addresses': {
      nodes: [
        { key: 'iam_user.bot[10]', line: 1, refs: [['iam_user.bot[9]', 2]] },
        { key: 'iam_user.bot[9]', line: 4, refs: [['iam_user.bot[10]', 5]] },
      ],
      summaries: ['Cycle: iam_user.bot[9] → iam_user.bot[10] → iam_user.bot[9]'],
      lines: [5],
    },
    'a component that is not a simple cycle names every member': {
      nodes: [
        { key: 'iam_group.hub', line: 1, refs: [['iam_user.a', 2], ['iam_user.b', 3]] },
        { key: 'iam_user.a', line: 5, refs: [['iam_group.hub', 6]] },
        { key: 'iam_user.b', line: 8, refs: [['iam_group.hub', 9]] },
      ],
      summaries: ['Cycle: iam_group.hub → iam_user.a → iam_group.hub → iam_user.b → iam_group.hub'],
      lines: [2],
    },
  };
  it.each(Object.entries(cases))('%s', (_, { nodes, summaries, lines }) => {
    const { diagnostics } = buildResourceGraph(nodes.map(node));
    expect(diagnostics.map((d) => d.summary)).toEqual(summaries);
    expect(diagnostics.map((d) => d.range?.start.line)).toEqual(lines);
    for (const d of diagnostics) {
      expect(d.code).toBe('graph.cycle');
      expect(d.severity).toBe('error');
    }
  });

  it('explains each link with its range', () => {
    const { diagnostics } = buildResourceGraph(
      ([
        { key: 'iam_policy_attachment.b', line: 10, refs: [['iam_group.a', 12]] },
        { key: 'iam_group.a', line: 1, dependsOn: [['iam_policy_attachment.b', 3]] },
      ] satisfies NodeSpec[]).map(node),
    );
    expect(diagnostics).toHaveLength(1);
    expect(diagnostics[0]?.context).toBe('resource "iam_group" "a"');
    expect(diagnostics[0]?.detail).toBe(
      [
        'These 2 resources depend on each other, so none of them can be created first:',
        '  iam_group.a depends on iam_policy_attachment.b (main.hcl:3,16)',
        '  iam_policy_attachment.b refers to iam_group.a (main.hcl:12,12)',
        'Remove one of these references or depends_on entries to break the cycle.',
      ].join('\n'),
    );
  });

  it('explains a self-reference', () => {
    const { diagnostics } = buildResourceGraph([node({ key: 'data.iam_group.d', line: 4, refs: [['data.iam_group.d', 5]] })]);
    expect(diagnostics[0]?.context).toBe('data "iam_group" "d"');
    expect(diagnostics[0]?.detail).toBe(
      'A resource cannot depend on itself:\n  data.iam_group.d refers to itself (main.hcl:5,12)\nRemove one of these references or depends_on entries to break the cycle.',
    );
  });

  it('reports a 100,000-member cycle in order without overflowing the stack', () => {
    const n = 100_000;
    const name = (i: number): string => `iam_user.u${String(i).padStart(6, '0')}`;
    const nodes = Array.from({ length: n }, (_, i) => node({ key: name(i), line: i + 1, refs: [[name((i + 1) % n), i + 1]] }));
    const { diagnostics } = buildResourceGraph(nodes);
    expect(diagnostics).toHaveLength(1);
    const members = diagnostics[0]?.summary.slice('Cycle: '.length).split(' → ') ?? [];
    expect(members).toHaveLength(n + 1);
    members.forEach((member, i) => expect(member).toBe(name(i % n)));
  });
});

describe('strongly connected components', () => {
  const cases: [string, string[], string[][]][] = [
    ['a DAG', ['a>b', 'b>c'], [['a'], ['b'], ['c']]],
    ['two components joined one way', ['a>b', 'b>a', 'b>c', 'c>d', 'd>c'], [['a', 'b'], ['c', 'd']]],
    ['a self-edge', ['a>a', 'a>b'], [['a'], ['b']]],
  ];
  it.each(cases)('of %s', (_, items, expected) => {
    expect(stronglyConnectedComponents(graphOf(...items))).toEqual(expected);
  });

  it('finds no cycle in a DAG and one per cyclic component', () => {
    expect(findCycles(graphOf('a>b', 'b>c', 'a>c'))).toEqual([]);
    expect(findCycles(graphOf('a>b', 'b>a', 'b>c', 'c>d', 'd>c', 'e>e')).map((c) => c.members)).toEqual([['a', 'b'], ['c', 'd'], ['e']]);
  });
});
