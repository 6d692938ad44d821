import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { renderDiagnostics } from '../../src/diag/index.js';
import type { PlanMode } from '../../src/plan/index.js';
import type { RefreshedObject } from '../../src/plan/index.js';
import { renderPlanJson, renderPlanText } from '../../src/render/index.js';
import { expectGolden } from '../helpers/golden.js';
import { addr, planCase, stateFrom } from './helpers.js';

/**
 * Golden plan cases: each folder of test/golden/plan holds a config (`*.hcl` and the files it
 * reads), optionally the prior state (`prior.state.json`), the refreshed backend objects by
 * kind (`remote.json`) and plan options (`options.json`), and the expected text and JSON
 * renderings. A case whose plan fails has its diagnostics as text and JSON instead.
 */
const root = join(import.meta.dirname, '..', 'golden', 'plan');
const cases = readdirSync(root, { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => d.name).sort();

interface CaseOptions {
  readonly mode?: PlanMode;
  readonly targets?: string[];
  readonly replace?: string[];
  readonly refresh?: boolean;
}

function readJson<T>(path: string): T | undefined {
  return existsSync(path) ? (JSON.parse(readFileSync(path, 'utf8')) as T) : undefined;
}

describe('golden plans', () => {
  it('has at least 15 cases', () => {
    expect(cases.length).toBeGreaterThanOrEqual(15);
  });

  for (const name of cases) {
    it(name, () => {
      const dir = join(root, name);
      const files: Record<string, string> = {};
      for (const f of readdirSync(dir)) if (!f.startsWith('expected.') && !['prior.state.json', 'remote.json', 'options.json'].includes(f)) files[f] = readFileSync(join(dir, f), 'utf8');
      const stateJson = readJson<unknown>(join(dir, 'prior.state.json'));
      const remote = readJson<Record<string, RefreshedObject[]>>(join(dir, 'remote.json'));
      const opts = readJson<CaseOptions>(join(dir, 'options.json')) ?? {};
      const result = planCase({
        files,
        ...(stateJson !== undefined ? { state: stateFrom(stateJson) } : {}),
        ...(remote !== undefined ? { remote } : {}),
        options: {
          ...(opts.mode !== undefined ? { mode: opts.mode } : {}),
          ...(opts.refresh !== undefined ? { refresh: opts.refresh } : {}),
          targets: (opts.targets ?? []).map(addr),
          replace: (opts.replace ?? []).map(addr),
        },
      });
      expect(result.loadDiagnostics.filter((d) => d.severity === 'error')).toEqual([]);
      if (result.plan === undefined) {
        const errors = result.diagnostics.filter((d) => d.severity === 'error');
        expect(errors.length).toBeGreaterThan(0);
        expectGolden(join(dir, 'expected.plan.txt'), renderDiagnostics(result.diagnostics, { color: false, sources: (f) => files[f] }));
        expectGolden(join(dir, 'expected.plan.json'), `${JSON.stringify({ errors: result.diagnostics.map((d) => ({ severity: d.severity, code: d.code, summary: d.summary, detail: d.detail, line: d.range?.start.line })) }, null, 2)}\n`);
        return;
      }
      expectGolden(join(dir, 'expected.plan.txt'), renderPlanText(result.plan, { color: false, sources: (f) => files[f] }));
      expectGolden(join(dir, 'expected.plan.json'), renderPlanJson(result.plan, { iamformVersion: '0.0.0-test' }));
    });
  }
});
