import { describe, expect, it } from 'vitest';
import { applyPlan } from '../../src/apply/index.js';
import { change, fresh, rig } from './helpers.js';

describe('parallelism', () => {
  it.each([1, 3, 10])('never has more than %i provider calls in flight, and uses them all', async (parallelism) => {
    const r = rig();
    // Each call yields to the event loop a few times, so that calls overlap whenever allowed.
    r.provider.pause = async () => {
      for (let i = 0; i < 3; i++) await new Promise((resolve) => setImmediate(resolve));
    };
    const changes = Array.from({ length: 30 }, (_, i) => change(`iam_user.u${String(i).padStart(2, '0')}`, { action: 'create', after: { name: `u${i}` } }));
    const result = await applyPlan({ changes, prior: fresh() }, { ...r.options, parallelism });
    expect(result.outcome.added).toBe(30);
    expect(r.provider.maxInFlight).toBe(parallelism);
  });

  it('defaults to 10', async () => {
    const r = rig();
    r.provider.pause = () => new Promise((resolve) => setImmediate(resolve));
    const changes = Array.from({ length: 25 }, (_, i) => change(`iam_group.g${i}`, { action: 'create', after: { name: `g${i}`, description: '' } }));
    await applyPlan({ changes, prior: fresh() }, r.options);
    expect(r.provider.maxInFlight).toBe(10);
  });
});
