/**
 * A deterministic generator of large configs for whole-CLI benchmarks: the same `n` and layout
 * give byte-identical files. Every instance is valid against the backend (unique names and
 * emails, registered actions, scopes that fit each policy's type, no duplicate attachment).
 *
 * The mix of resource instances for `n` (exact figures from `mixFor`):
 *
 * | kind                          | share | at 10,000 |
 * |-------------------------------|-------|-----------|
 * | iam_user (console, people)    | 20 %  | 2,000     |
 * | iam_group                     | 2 %   | 200       |
 * | iam_group_membership          | 2 %   | 200 (one per group; every user in 1–2 groups) |
 * | iam_policy (custom)           | 3 %   | 300 (one in ten global, the rest project-scoped) |
 * | iam_policy_attachment         | 15 %  | 1,500 (to groups; half system policies, half custom; eu-de, eu-nl, all projects, global) |
 * | iam_user (programmatic)       | rest ÷ 2 | 2,900 |
 * | iam_access_key                | rest ÷ 2 | 2,900 (one per programmatic user) |
 *
 * Data sources (two region projects, ten system policies) and outputs come on top and are not
 * counted. Sizes start at 200 (`minInstances`). Two layouts: `for_each` (a handful of resource blocks expanded over maps from a
 * generated `bench.auto.iamvars`) and `blocks` (one resource block per instance).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { renderBlocks } from './generate-config-blocks.js';
import { renderForEach } from './generate-config-for-each.js';
import { buildModel, describeMix, mixFor, type Mix } from './generate-config-model.js';

export { buildModel, describeMix, mixFor, mixTotal, type Mix, type Model } from './generate-config-model.js';

export type Layout = 'for_each' | 'blocks';

/** File name → content, relative to the config directory. */
export function generateConfig(n: number, layout: Layout = 'for_each'): Map<string, string> {
  const model = buildModel(n);
  switch (layout) {
    case 'for_each':
      return renderForEach(model);
    case 'blocks':
      return renderBlocks(model);
    default: {
      const unknown: never = layout;
      throw new Error(`unknown layout ${String(unknown)}`);
    }
  }
}

/** Writes the generated config into `dir` (created if missing); returns the mix it holds. */
export function writeGeneratedConfig(dir: string, n: number, layout: Layout = 'for_each'): Mix {
  mkdirSync(dir, { recursive: true });
  for (const [name, text] of generateConfig(n, layout)) writeFileSync(join(dir, name), text);
  return mixFor(n);
}

// `node .bench-build/bench/generate-config.js N DIR [for_each|blocks]` writes a config to look at.
if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  const [count, dir, layout = 'for_each'] = process.argv.slice(2);
  const n = Number(count);
  if (!Number.isInteger(n) || n <= 0 || dir === undefined || (layout !== 'for_each' && layout !== 'blocks')) {
    console.error('usage: node .bench-build/bench/generate-config.js N DIR [for_each|blocks]');
    process.exitCode = 1;
  } else {
    console.log(`${dir}: ${describeMix(writeGeneratedConfig(dir, n, layout))} (${layout})`);
  }
}
