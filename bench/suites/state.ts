/**
 * State at apply scale: building a state one instance at a time (as apply records results),
 * serializing and decoding it, and the file store's atomic write (with backup) and read, at
 * 10,000 and 100,000 instances shaped like an IAM config. Growth must stay near-linear.
 */
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { decodeStateFile, emptyState, serializeState, setInstance, StateBuilder, type State } from '../../src/state/index.js';
import { fileStateStore } from '../../src/state/file.js';
import { mb, measure, ms, type BenchSuite, type Figure } from '../harness.js';

type Entry = { type: string; name: string; key: number | string; attributes: Record<string, string | number | boolean> };

/** Users, groups, policies, memberships, attachments and access keys, each kind one `for_each`/`count` resource. */
function entries(total: number): Entry[] {
  const shares: [string, number][] = [['iam_user', 0.2], ['iam_group', 0.02], ['iam_policy', 0.03], ['iam_group_membership', 0.3], ['iam_policy_attachment', 0.15]];
  const out: Entry[] = [];
  for (const [type, share] of shares) {
    for (let i = 0; i < Math.floor(total * share); i++) {
      out.push({ type, name: 'all', key: type === 'iam_user' ? `user-${i}` : i, attributes: { name: `${type}-${i}`, description: 'managed by iamform', enabled: true, index: i } });
    }
  }
  for (let i = out.length; i < total; i++) out.push({ type: 'iam_access_key', name: 'k', key: i, attributes: { user: `user-${i % 1000}`, status: 'active' } });
  return out;
}

const instanceOf = (e: Entry) => ({ id: `${e.type}-${e.key}`, attributes: e.attributes, sensitivePaths: [], dependencies: [] });
const addressOf = (e: Entry) => ({ mode: 'managed', type: e.type, name: e.name, key: e.key }) as const;

/** As apply records results: one change at a time, in reverse order (the worst for insertion). */
function build(list: readonly Entry[]): StateBuilder {
  const builder = new StateBuilder(emptyState('bench'));
  for (let i = list.length - 1; i >= 0; i--) {
    const e = list[i] as Entry;
    builder.set(addressOf(e), instanceOf(e));
  }
  builder.state();
  return builder;
}

/** The immutable helper, which copies the resource's instance list on every change. */
function buildImmutably(list: readonly Entry[]): State {
  let state = emptyState('bench');
  for (const e of list) state = setInstance(state, addressOf(e), instanceOf(e));
  return state;
}

export const stateSuite: BenchSuite = {
  name: 'state',
  async run(): Promise<Figure[]> {
    const figures: Figure[] = [];
    const io = new Map<number, number>();
    const builds = new Map<number, number>();
    for (const size of [10_000, 100_000]) {
      const label = size.toLocaleString('en-US');
      const list = entries(size);
      const building = await measure(() => build(list), { runs: 3 });
      if (size === 10_000) {
        const immutable = await measure(() => buildImmutably(list), { runs: 3, warmup: 0 });
        figures.push({ name: `build ${label} with setInstance (immutable, per change)`, value: ms(immutable.medianMs) });
      }
      const builder = build(list);
      const state = builder.state();
      let n = 0;
      const snapshot = await measure(() => {
        builder.setOutput('n', n++, false);
        builder.set(addressOf(list[n % list.length] as Entry), instanceOf(list[n % list.length] as Entry));
        return builder.state();
      }, { runs: 9 });
      const serializing = await measure(() => serializeState(state, 1, { iamformVersion: 'bench' }), { runs: 5 });
      const text = serializeState(state, 1, { iamformVersion: 'bench' });
      const decoding = await measure(() => decodeStateFile(text, 'bench.json'), { runs: 5 });
      const dir = mkdtempSync(join(tmpdir(), 'iamform-bench-state-'));
      try {
        const path = join(dir, 'state', 'default.iamstate.json');
        const store = fileStateStore({ path, iamformVersion: 'bench' });
        let serial = 0;
        const writing = await measure(async () => {
          const result = await store.write(state, { expectSerial: serial });
          if (result.kind !== 'ok') throw new Error('write failed');
          serial = result.serial;
        }, { runs: 5 });
        const reading = await measure(async () => {
          if ((await store.read()).kind !== 'ok') throw new Error('read failed');
        }, { runs: 5 });
        io.set(size, writing.medianMs + reading.medianMs);
        builds.set(size, building.medianMs);
        figures.push(
          { name: `build ${label} with StateBuilder`, value: ms(building.medianMs) },
          { name: `StateBuilder snapshot after one change, ${label}`, value: ms(snapshot.medianMs) },
          { name: `serialize ${label}`, value: ms(serializing.medianMs) },
          { name: `decode ${label}`, value: ms(decoding.medianMs) },
          { name: `file write ${label} (atomic, with backup)`, value: ms(writing.medianMs) },
          { name: `file read ${label}`, value: ms(reading.medianMs) },
          { name: `state file size ${label}`, value: mb(statSync(path).size) },
        );
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    }
    const ratio = (io.get(100_000) ?? 0) / (io.get(10_000) ?? 1);
    figures.push({ name: 'file write+read time(100,000) / time(10,000)', value: ratio.toFixed(1), target: '≤ 12', ok: ratio <= 12 });
    const buildRatio = (builds.get(100_000) ?? 0) / (builds.get(10_000) ?? 1);
    figures.push({ name: 'StateBuilder time(100,000) / time(10,000)', value: buildRatio.toFixed(1), target: '≤ 12', ok: buildRatio <= 12 });
    return figures;
  },
};
