import { describe, expect, it } from 'vitest';
import { countOutcomes, Graph, walk, type VisitResult, type WalkOutcome } from '../../src/graph/index.js';
import { graphOf } from './fixtures.js';

/** A promise with its resolve and reject exposed, to settle visits in a chosen order. */
function deferred<T>(): { promise: Promise<T>; resolve: (value: T) => void; reject: (error: unknown) => void } {
  let resolve!: (value: T) => void;
  let reject!: (error: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

function plain(outcomes: Map<string, WalkOutcome>): Record<string, string> {
  const result: Record<string, string> = {};
  for (const [key, outcome] of outcomes) result[key] = outcome.kind === 'skipped' ? `skipped(${outcome.cause})` : outcome.kind;
  return result;
}

describe('walk order', () => {
  const cases: [string, string[], boolean, string[]][] = [
    ['a chain forward', ['c>b', 'b>a'], false, ['a', 'b', 'c']],
    ['a chain in reverse', ['c>b', 'b>a'], true, ['c', 'b', 'a']],
    ['a diamond forward', ['d>b', 'd>c', 'b>a', 'c>a'], false, ['a', 'b', 'c', 'd']],
    ['a diamond in reverse', ['d>b', 'd>c', 'b>a', 'c>a'], true, ['d', 'b', 'c', 'a']],
    ['independent nodes in key order', ['q', 'p', 'r'], false, ['p', 'q', 'r']],
  ];
  it.each(cases)('visits %s one at a time in topological order', async (_, items, reverse, expected) => {
    const started: string[] = [];
    const outcomes = await walk(graphOf(...items), {
      parallelism: 1,
      reverse,
      visit: async (key) => {
        started.push(key);
        return 'done';
      },
    });
    expect(started).toEqual(expected);
    expect(countOutcomes(outcomes)).toEqual({ done: expected.length, failed: 0, skipped: 0, not_started: 0 });
  });
});

describe('walk failures', () => {
  // membership needs user and group; attachment needs group and policy; key needs user.
  const iam = ['membership>user', 'membership>group', 'attachment>group', 'attachment>policy', 'key>user', 'grant>attachment'];
  const cases: [string, boolean, string[], Record<string, string>][] = [
    [
      'a failed group skips what uses it, transitively',
      false,
      ['group'],
      { attachment: 'skipped(group)', grant: 'skipped(group)', group: 'failed', key: 'done', membership: 'skipped(group)', policy: 'done', user: 'done' },
    ],
    [
      'a failed leaf skips nothing',
      false,
      ['grant'],
      { attachment: 'done', grant: 'failed', group: 'done', key: 'done', membership: 'done', policy: 'done', user: 'done' },
    ],
    [
      'a failed deletion keeps what it uses',
      true,
      ['attachment'],
      { attachment: 'failed', grant: 'done', group: 'skipped(attachment)', key: 'done', membership: 'done', policy: 'skipped(attachment)', user: 'done' },
    ],
  ];
  it.each(cases)('%s', async (_, reverse, failing, expected) => {
    const skippedSeen: string[] = [];
    const outcomes = await walk(graphOf(...iam), {
      parallelism: 3,
      reverse,
      visit: async (key) => (failing.includes(key) ? 'failed' : 'done'),
      onSkipped: (key, cause) => skippedSeen.push(`${key}<${cause}`),
    });
    expect(plain(outcomes)).toEqual(expected);
    const expectedSkips = Object.entries(expected)
      .filter(([, v]) => v.startsWith('skipped'))
      .map(([k, v]) => `${k}<${v.slice(8, -1)}`);
    expect(skippedSeen.sort()).toEqual(expectedSkips.sort());
  });
});

describe('walk stopping', () => {
  it('lets in-flight visits finish and starts no new ones once shouldStop answers true', async () => {
    const gates = new Map(['a', 'b', 'c', 'd'].map((k) => [k, deferred<VisitResult>()]));
    const started: string[] = [];
    let stop = false;
    const running = walk(graphOf('a', 'b', 'c', 'd'), {
      parallelism: 2,
      shouldStop: () => stop,
      visit: (key) => {
        started.push(key);
        return (gates.get(key) as ReturnType<typeof deferred<VisitResult>>).promise;
      },
    });
    await Promise.resolve();
    expect(started).toEqual(['a', 'b']);
    stop = true;
    gates.get('a')?.resolve('done');
    await new Promise((r) => setTimeout(r, 5));
    expect(started).toEqual(['a', 'b']);
    gates.get('b')?.resolve('failed');
    expect(plain(await running)).toEqual({ a: 'done', b: 'failed', c: 'not_started', d: 'not_started' });
  });

  it('marks what waits behind an unstarted node as not started', async () => {
    let completed = 0;
    const outcomes = await walk(graphOf('c>b', 'b>a'), {
      parallelism: 4,
      shouldStop: () => completed >= 1,
      visit: async () => {
        completed++;
        return 'done';
      },
    });
    expect(plain(outcomes)).toEqual({ a: 'done', b: 'not_started', c: 'not_started' });
  });

  it('forwards an abort of the caller signal to visits in flight', async () => {
    const controller = new AbortController();
    const aborted: string[] = [];
    const outcomes = await walk(graphOf('a', 'b', 'c'), {
      parallelism: 2,
      signal: controller.signal,
      visit: (key, signal) =>
        new Promise<VisitResult>((resolve) => {
          signal.addEventListener('abort', () => {
            aborted.push(key);
            resolve('failed');
          });
          if (key === 'b') setTimeout(() => controller.abort(), 1);
        }),
    });
    expect(aborted).toEqual(['a', 'b']);
    expect(plain(outcomes)).toEqual({ a: 'failed', b: 'failed', c: 'not_started' });
  });
});

describe('walk bugs', () => {
  it('rejects with what a visit threw, after the other visits in flight settle', async () => {
    const slow = deferred<VisitResult>();
    let slowSignal: AbortSignal | undefined;
    let settled = false;
    const running = walk(graphOf('a', 'b', 'c'), {
      parallelism: 2,
      visit: (key, signal) => {
        if (key === 'a') {
          slowSignal = signal;
          return slow.promise;
        }
        if (key === 'b') throw new Error('boom');
        return Promise.resolve('done');
      },
    }).finally(() => {
      settled = true;
    });
    await new Promise((r) => setTimeout(r, 5));
    expect(settled).toBe(false);
    expect(slowSignal?.aborted).toBe(true);
    slow.resolve('done');
    await expect(running).rejects.toThrow('boom');
  });

  it('rejects when a visit rejects', async () => {
    await expect(walk(graphOf('a>b'), { parallelism: 1, visit: async () => Promise.reject(new Error('bad')) })).rejects.toThrow('bad');
  });

  it('rejects on a cycle and on a bad parallelism', async () => {
    await expect(walk(graphOf('a>b', 'b>a', 'c'), { parallelism: 2, visit: async () => 'done' })).rejects.toThrow(/cycle; never ready: a, b/);
    await expect(walk(graphOf('a'), { parallelism: 0, visit: async () => 'done' })).rejects.toThrow(RangeError);
    await expect(walk(graphOf('a'), { parallelism: 1.5, visit: async () => 'done' })).rejects.toThrow(RangeError);
  });

  it('rejects when a callback throws, instead of hanging', async () => {
    await expect(
      walk(graphOf('a', 'b'), {
        parallelism: 1,
        shouldStop: () => {
          throw new Error('stop broke');
        },
        visit: async () => 'done',
      }),
    ).rejects.toThrow('stop broke');
    let calls = 0;
    await expect(
      walk(graphOf('b>a', 'c'), {
        parallelism: 1,
        visit: async (key) => {
          calls++;
          return key === 'a' ? 'failed' : 'done';
        },
        onSkipped: () => {
          throw new Error('listener broke');
        },
      }),
    ).rejects.toThrow('listener broke');
    expect(calls).toBe(1);
  });

  it('resolves at once on an empty graph', async () => {
    expect((await walk(new Graph<null>(), { parallelism: 1, visit: async () => 'done' })).size).toBe(0);
  });
});

describe('walk at scale', () => {
  const n = 100_000;

  it('walks a 100,000-node chain without overflowing the stack', async () => {
    const chain = new Graph<null>();
    for (let i = 0; i < n; i++) chain.addNode(`n${i}`, null);
    for (let i = 1; i < n; i++) chain.addEdge(`n${i}`, `n${i - 1}`);
    let last = -1;
    let inOrder = true;
    const outcomes = await walk(chain, {
      parallelism: 10,
      visit: async (key) => {
        const i = Number(key.slice(1));
        if (i !== last + 1) inOrder = false;
        last = i;
        return 'done';
      },
    });
    expect(inOrder).toBe(true);
    expect(countOutcomes(outcomes).done).toBe(n);
    const reversed = await walk(chain, { parallelism: 10, reverse: true, visit: async (key) => (key === `n${n - 1}` ? 'failed' : 'done') });
    expect(countOutcomes(reversed)).toEqual({ done: 0, failed: 1, skipped: n - 1, not_started: 0 });
  });

  it('walks a 100,000-node wide graph with bounded parallelism', async () => {
    const wide = new Graph<null>();
    wide.addNode('root', null);
    for (let i = 0; i < n; i++) {
      wide.addNode(`leaf${i}`, null);
      wide.addEdge(`leaf${i}`, 'root');
    }
    let inFlight = 0;
    let peak = 0;
    const outcomes = await walk(wide, {
      parallelism: 10,
      visit: async () => {
        inFlight++;
        peak = Math.max(peak, inFlight);
        await Promise.resolve();
        inFlight--;
        return 'done';
      },
    });
    expect(peak).toBe(10);
    expect(countOutcomes(outcomes).done).toBe(n + 1);
    const failedRoot = await walk(wide, { parallelism: 10, visit: async (key) => (key === 'root' ? 'failed' : 'done') });
    expect(countOutcomes(failedRoot)).toEqual({ done: 0, failed: 1, skipped: n, not_started: 0 });
  });
});
