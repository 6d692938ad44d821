import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { buildModel, generateConfig, mixFor, mixTotal, writeGeneratedConfig, type Layout } from '../../bench/generate-config.js';
import { globalActions, projectActions, projectPatterns, systemGlobalPolicy, systemProjectPolicies } from '../../bench/generate-config-model.js';
import { loadCatalog } from '../../src/backend/catalog/index.js';
import { matchingActions, validateCustomPolicy } from '../../src/backend/policy/index.js';
import { runCli } from '../helpers/cli.js';

const catalog = loadCatalog();

describe('mixFor', () => {
  it.each([1_000, 2_500, 10_000, 12_345, 100_000])('adds up to exactly %i instances', (n) => {
    expect(mixTotal(mixFor(n))).toBe(n);
  });

  it("has the issue's proportions at 10,000", () => {
    expect(mixFor(10_000)).toEqual({ consoleUsers: 2_000, groups: 200, memberships: 200, customPolicies: 300, attachments: 1_500, serviceUsers: 2_900, accessKeys: 2_900 });
  });

  it.each([0, 10, 199, 1_000.5])('refuses %d instances', (n) => {
    expect(() => mixFor(n)).toThrow(/too small/);
  });

  it.each([200, 201, 333, 1_000, 4_321])('has room for distinct attachments at %i', (n) => {
    const model = buildModel(n);
    const triples = model.attachments.map((a) => `${a.group}|${a.policy.name}|${a.scope}`);
    expect(new Set(triples).size).toBe(triples.length);
  });
});

describe('buildModel', () => {
  const model = buildModel(10_000);

  it('holds as many objects of each kind as the mix says', () => {
    expect([model.people.length, model.services.length, model.groups.length, model.policies.length, model.attachments.length]).toEqual([
      model.mix.consoleUsers,
      model.mix.serviceUsers,
      model.mix.groups,
      model.mix.customPolicies,
      model.mix.attachments,
    ]);
  });

  it('gives unique user names and emails (the backend refuses duplicates)', () => {
    const names = [...model.people.map((p) => p.name.toLowerCase()), ...model.services.map((s) => s.toLowerCase())];
    expect(new Set(names).size).toBe(names.length);
    expect(new Set(model.people.map((p) => p.email)).size).toBe(model.people.length);
  });

  it('puts every user in at least one group, and no one twice in a group', () => {
    const members = model.groups.flatMap((g) => [...g.people, ...g.services]);
    expect(new Set(members).size).toBe(model.people.length + model.services.length);
    for (const g of model.groups) expect(new Set([...g.people, ...g.services]).size).toBe(g.people.length + g.services.length);
  });

  it('never attaches the same policy to the same group in the same scope twice', () => {
    const triples = model.attachments.map((a) => `${a.group}|${a.policy.kind}:${a.policy.name}|${a.scope}`);
    expect(new Set(triples).size).toBe(triples.length);
  });

  it('uses each scope only with policies of a fitting type', () => {
    const scopeOfPolicy = new Map(model.policies.map((p) => [p.name, p.scope]));
    for (const a of model.attachments) {
      const global = a.policy.kind === 'custom' ? scopeOfPolicy.get(a.policy.name) === 'global' : a.policy.name === systemGlobalPolicy;
      expect(a.scope === 'global', `${a.key}: ${a.policy.name} at ${a.scope}`).toBe(global);
    }
  });

  it('uses every attachment scope and both kinds of policy', () => {
    expect(new Set(model.attachments.map((a) => a.scope))).toEqual(new Set(['eu-de', 'eu-nl', 'all', 'global']));
    expect(new Set(model.attachments.map((a) => a.policy.kind))).toEqual(new Set(['system', 'custom']));
  });

  it('writes custom policies the backend accepts', () => {
    for (const p of model.policies) {
      const doc = { Version: '1.1', Statement: p.statements.map((s) => ({ Effect: s.effect, Action: s.actions })) };
      expect(validateCustomPolicy(doc, catalog), p.name).toEqual([]);
    }
  });
});

describe('the catalog the generator relies on', () => {
  it.each([...projectActions, ...globalActions, ...projectPatterns])('%s names registered actions', (pattern) => {
    expect(matchingActions(catalog, pattern).length).toBeGreaterThan(0);
  });

  it.each([...systemProjectPolicies.map((name) => [name, 'XA'] as const), [systemGlobalPolicy, 'AX'] as const])('%s is a system policy of type %s', (name, type) => {
    expect(catalog.systemPermissions.find((p) => p.displayName === name)?.type).toBe(type);
  });
});

describe('generateConfig', () => {
  const dirs: string[] = [];
  afterAll(() => {
    for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
  });

  it.each<Layout>(['for_each', 'blocks'])('is deterministic (%s)', (layout) => {
    expect(generateConfig(1_000, layout)).toEqual(generateConfig(1_000, layout));
  });

  it('writes one resource block per instance in the blocks layout', () => {
    const text = [...generateConfig(1_000, 'blocks').values()].join('\n');
    expect(text.match(/^resource "/gm)?.length).toBe(1_000);
  });

  it.each<Layout>(['for_each', 'blocks'])('writes a config that iamform validates (%s)', async (layout) => {
    const dir = mkdtempSync(join(tmpdir(), `iamform-generated-${layout}-`));
    dirs.push(dir);
    writeGeneratedConfig(dir, 1_000, layout);
    const result = await runCli(['--chdir', dir, 'validate', '--json']);
    expect(result.stderr).toBe('');
    expect(JSON.parse(result.stdout)).toMatchObject({ valid: true, error_count: 0, warning_count: 0 });
  });
});
