import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { serializePlanFile } from '../../src/plan/plan-file.js';
import { parsePlanJson, renderPlanJson, renderPlanText } from '../../src/render/index.js';
import { expectGolden } from '../helpers/golden.js';
import { loadPlanFixture, planFromFixture } from './fixture.js';

const root = fileURLToPath(new URL('../golden/render/plan/', import.meta.url));
const VERSION = { iamformVersion: '0.1.0' };

/** Every case folder; listed so that a folder cannot silently drop out of the run. */
const cases = [
  'access-changes',
  'create',
  'delete',
  'destroy-nothing',
  'drift',
  'nested',
  'no-changes',
  'outputs',
  'policy-reorder',
  'policy-statements',
  'read',
  'refresh-only',
  'replace-create-first',
  'replace-destroy-first',
  'sensitive',
  'targets-warnings',
  'unknowns',
  'update',
];
const colorCases = new Set(['drift', 'replace-destroy-first']);

/** Values at sensitive or write-only paths in the fixtures; no output may contain them. */
const secrets = ['S3CR3T-AK-deploy-never-shown', 'OLD-hunter2-answer', 'NEW-hunter3-answer', 'W0-password-never-shown', '0049-170000000'];

const ESC = String.fromCharCode(27);
const load = (name: string) => loadPlanFixture(join(root, name, 'plan.json'));

describe('plan renderings (golden)', () => {
  it('cover every case folder', () => {
    const folders = readdirSync(root).filter((f) => statSync(join(root, f)).isDirectory());
    expect(folders.sort()).toEqual([...cases].sort());
  });

  it.each(cases)('%s: text', (name) => {
    const text = renderPlanText(load(name), { color: false });
    expect(text).not.toContain(ESC);
    expectGolden(join(root, name, 'expected.txt'), text);
  });

  it.each([...colorCases])('%s: text with colour', (name) => {
    const text = renderPlanText(load(name), { color: true });
    expect(text).toContain(`${ESC}[32m+${ESC}[0m`);
    expect(text.replace(new RegExp(`${ESC}\\[[0-9;]*m`, 'g'), '')).toBe(renderPlanText(load(name), { color: false }));
    expectGolden(join(root, name, 'expected.color.txt'), text);
  });

  it.each(cases)('%s: JSON, and it reads back to the same document', (name) => {
    const json = renderPlanJson(load(name), VERSION);
    expectGolden(join(root, name, 'expected.plan.json'), json);
    const parsed = parsePlanJson(json);
    if (parsed.kind !== 'ok') throw new Error(JSON.stringify(parsed.diagnostics));
    expect(parsed.iamformVersion).toBe('0.1.0');
    expect(renderPlanJson(parsed.plan, VERSION)).toBe(json);
  });

  it.each(cases)('%s: no secret in any output', (name) => {
    const plan = load(name);
    const outputs = [
      renderPlanText(plan, { color: false }),
      renderPlanText(plan, { color: true }),
      renderPlanJson(plan, VERSION),
      serializePlanFile(plan, VERSION),
    ];
    for (const output of outputs) for (const secret of secrets) expect(output).not.toContain(secret);
  });
});

describe('plan text behaviour', () => {
  it('shows no policy line when statements and actions are only reordered', () => {
    const text = renderPlanText(load('policy-reorder'), { color: false });
    expect(text).not.toMatch(/policy\s+=/);
    expect(text).toContain('~ description');
  });

  it('marks sensitive values and never prints them, even when the reader is the JSON plan', () => {
    const plan = load('sensitive');
    const fromJson = parsePlanJson(renderPlanJson(plan, VERSION));
    if (fromJson.kind !== 'ok') throw new Error('unreadable');
    for (const p of [plan, fromJson.plan]) {
      const text = renderPlanText(p, { color: false });
      expect(text).toContain('+ secret      = (sensitive value)');
      expect(text).toContain('+ deploy_secret = (sensitive value)');
      for (const secret of secrets) expect(text).not.toContain(secret);
    }
  });

  it('counts a replacement as one add and one destroy', () => {
    expect(renderPlanText(load('replace-destroy-first'), { color: false })).toContain('Plan: 2 to add, 0 to change, 2 to destroy.');
  });

  it('hides no-op changes and says so when nothing else changes', () => {
    const text = renderPlanText(load('no-changes'), { color: false });
    expect(text).toMatch(/^No changes\. Your IAM configuration matches the backend\./);
    expect(text).not.toContain('iam_user.alice');
    expect(text).not.toContain('Plan:');
  });
});

describe('plans that change only outputs', () => {
  it('list the output changes, then say that applying only records them', () => {
    const plan = planFromFixture({ outputs: [{ name: 'region', action: 'update', before: 'eu-de', after: 'eu-nl' }] });
    expect(renderPlanText(plan, { color: false })).toBe(
      [
        'Changes to Outputs:',
        '  ~ region = "eu-de" -> "eu-nl"',
        '',
        'You can apply this plan to save these new output values to the iamform state, without changing any backend objects.',
        '',
      ].join('\n'),
    );
  });
});
