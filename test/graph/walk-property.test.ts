import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Graph, walk, type VisitResult } from '../../src/graph/index.js';

interface Scenario {
  readonly n: number;
  /** `[a, b]` with a > b: node a depends on node b, so the graph is acyclic by construction. */
  readonly edges: readonly [number, number][];
  readonly failing: ReadonlySet<number>;
  readonly parallelism: number;
  readonly reverse: boolean;
}

const scenario: fc.Arbitrary<Scenario> = fc.integer({ min: 1, max: 24 }).chain((n) =>
  fc.record({
    n: fc.constant(n),
    edges: fc
      .array(fc.tuple(fc.nat(n - 1), fc.nat(n - 1)), { maxLength: 3 * n })
      .map((pairs) => pairs.filter(([a, b]) => a !== b).map(([a, b]): [number, number] => (a > b ? [a, b] : [b, a]))),
    failing: fc.array(fc.nat(n - 1), { maxLength: 4 }).map((list) => new Set(list)),
    parallelism: fc.integer({ min: 1, max: 5 }),
    reverse: fc.boolean(),
  }),
);

const key = (i: number): string => `n${String(i).padStart(2, '0')}`;

/** Expected outcome per node, computed by index order (every prerequisite has a smaller rank). */
function expectedOutcomes(s: Scenario): { kinds: Map<string, string>; failedBefore: Map<number, Set<number>> } {
  const prerequisites = new Map<number, number[]>();
  for (let i = 0; i < s.n; i++) prerequisites.set(i, []);
  for (const [a, b] of s.edges) {
    if (s.reverse) prerequisites.get(b)?.push(a);
    else prerequisites.get(a)?.push(b);
  }
  const order = Array.from({ length: s.n }, (_, i) => (s.reverse ? s.n - 1 - i : i));
  const kinds = new Map<string, string>();
  const failedBefore = new Map<number, Set<number>>(); // failed nodes among transitive prerequisites
  for (const i of order) {
    const failed = new Set<number>();
    for (const p of prerequisites.get(i) ?? []) {
      for (const f of failedBefore.get(p) ?? []) failed.add(f);
      if (kinds.get(key(p)) === 'failed') failed.add(p);
    }
    failedBefore.set(i, failed);
    kinds.set(key(i), failed.size > 0 ? 'skipped' : s.failing.has(i) ? 'failed' : 'done');
  }
  return { kinds, failedBefore };
}

describe('walk on random DAGs with random completion order', () => {
  it('respects dependencies and parallelism, and skips exactly the transitive dependents of failures', async () => {
    await fc.assert(
      fc.asyncProperty(scenario, fc.scheduler(), async (s, scheduler) => {
        const graph = new Graph<null>();
        for (let i = 0; i < s.n; i++) graph.addNode(key(i), null);
        for (const [a, b] of s.edges) graph.addEdge(key(a), key(b));

        const succeeded = new Set<string>();
        const started = new Set<string>();
        const violations: string[] = [];
        let inFlight = 0;
        let peak = 0;
        const visit = (k: string): Promise<VisitResult> => {
          if (started.has(k)) violations.push(`${k} started twice`);
          started.add(k);
          const prerequisites = s.reverse ? graph.dependents(k) : graph.dependencies(k);
          for (const p of prerequisites) if (!succeeded.has(p)) violations.push(`${k} started before ${p} was done`);
          inFlight++;
          peak = Math.max(peak, inFlight);
          const result: VisitResult = s.failing.has(Number(k.slice(1))) ? 'failed' : 'done';
          return scheduler.schedule(Promise.resolve(result), k).then((r) => {
            inFlight--;
            if (r === 'done') succeeded.add(k);
            return r;
          });
        };

        const outcomes = await scheduler.waitFor(walk(graph, { parallelism: s.parallelism, reverse: s.reverse, visit }));

        expect(violations).toEqual([]);
        expect(peak).toBeLessThanOrEqual(s.parallelism);
        const { kinds, failedBefore } = expectedOutcomes(s);
        for (let i = 0; i < s.n; i++) {
          const outcome = outcomes.get(key(i));
          expect(outcome?.kind).toBe(kinds.get(key(i)));
          if (outcome?.kind === 'skipped') {
            expect([...(failedBefore.get(i) ?? [])].map(key)).toContain(outcome.cause);
            expect(started.has(key(i))).toBe(false);
          } else {
            expect(started.has(key(i))).toBe(true);
          }
        }
      }),
      { numRuns: 300 },
    );
  });

  it('reaches full parallelism when enough work is ready', async () => {
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 1, max: 8 }), fc.integer({ min: 1, max: 30 }), fc.scheduler(), async (parallelism, n, scheduler) => {
        const graph = new Graph<null>();
        for (let i = 0; i < n; i++) graph.addNode(key(i), null);
        let inFlight = 0;
        let peak = 0;
        await scheduler.waitFor(
          walk(graph, {
            parallelism,
            visit: (k) => {
              inFlight++;
              peak = Math.max(peak, inFlight);
              return scheduler.schedule(Promise.resolve<VisitResult>('done'), k).then((r) => {
                inFlight--;
                return r;
              });
            },
          }),
        );
        expect(peak).toBe(Math.min(parallelism, n));
      }),
      { numRuns: 100 },
    );
  });
});
