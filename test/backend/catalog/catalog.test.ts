import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { catalogDir, loadCatalog, readCatalog } from '../../../src/backend/catalog/index.js';
import { findCatalogAction, matchingActions, validatePolicyDocument } from '../../../src/backend/policy/index.js';
import { buildCatalog } from '../../../scripts/build-catalog.js';

const root = fileURLToPath(new URL('../../../', import.meta.url));
const sharedDomain = join(root, '..', 'shared', 'domain');
// The shared domain documents sit beside the project only in the development checkout; a
// fresh clone has just the committed catalog, so the comparisons with the sources are skipped there.
const sharedPresent = existsSync(join(sharedDomain, 'ecs-actions.json')) && existsSync(join(sharedDomain, 'system-policies.json'));
const readShared = (file: string): unknown => JSON.parse(readFileSync(join(sharedDomain, file), 'utf8'));

const catalog = loadCatalog();

describe('the committed catalog', () => {
  it('loads once per process, frozen', () => {
    expect(loadCatalog()).toBe(catalog);
    expect(Object.isFrozen(catalog.actions[0])).toBe(true);
    expect(readCatalog(catalogDir)).toEqual(catalog);
  });

  it('names every action once (case-insensitively), with fields that agree with the name', () => {
    const lowered = catalog.actions.map((a) => a.name.toLowerCase());
    expect(new Set(lowered).size).toBe(lowered.length);
    const services = new Map(catalog.services.map((s) => [s.name, s.level]));
    for (const action of catalog.actions) {
      expect(action.name).toBe(`${action.service}:${action.resourceType}:${action.operation}`);
      expect(services.get(action.service)).toBe(action.level);
      if (action.level === 'global') expect(action.enterpriseProject).toBe(false);
    }
  });

  it('every alias and legacy role name points at an existing action', () => {
    for (const action of catalog.actions) for (const alias of action.aliases) expect([action.name, findCatalogAction(catalog, alias)?.name]).toEqual([action.name, expect.any(String)]);
    for (const names of Object.values(catalog.legacyRoleActions)) for (const name of names) expect(findCatalogAction(catalog, name)).toBeDefined();
  });

  it('every action dependency names at least one registered action', () => {
    for (const action of catalog.actions) {
      for (const dependency of action.dependencies) expect([dependency, matchingActions(catalog, dependency).length > 0]).toEqual([dependency, true]);
    }
  });

  it('system permissions have unique ids and display names, versions that fit their kind, and existing dependencies', () => {
    const names = new Set(catalog.systemPermissions.map((p) => p.displayName));
    expect(names.size).toBe(catalog.systemPermissions.length);
    expect(new Set(catalog.systemPermissions.map((p) => p.id)).size).toBe(catalog.systemPermissions.length);
    for (const permission of catalog.systemPermissions) {
      expect(permission.id).toMatch(/^[0-9a-f]{32}$/);
      expect(permission.version).toBe(permission.kind === 'system_role' ? '1.0' : '1.1');
      expect(permission.document.Version).toBe(permission.version);
      for (const dependency of permission.dependencies) expect(names.has(dependency)).toBe(true);
      expect(validatePolicyDocument(permission.document, { version: permission.version, catalog })).toEqual([]);
    }
    expect(catalog.systemPermissions.find((p) => p.displayName === 'Server Administrator')?.dependencies).toEqual(['Tenant Guest']);
  });
});

describe('the catalog and its sources', () => {
  it.skipIf(!sharedPresent)('registers every ECS action of ecs-actions.json with its flags and aliases', () => {
    const ecs = readShared('ecs-actions.json') as { actions: { action: string; enterpriseProject: boolean | null; aliases?: string[] }[] };
    for (const entry of ecs.actions) {
      const action = findCatalogAction(catalog, entry.action);
      expect(action?.name).toBe(entry.action);
      expect(action?.level).toBe('project');
      expect(action?.enterpriseProject).toBe(entry.enterpriseProject === true);
      for (const alias of entry.aliases ?? []) expect(action?.aliases).toContain(alias);
    }
  });

  it.skipIf(!sharedPresent)('carries every system permission of system-policies.json with its statements', () => {
    const shared = readShared('system-policies.json') as { permissions: { display_name: string; name: string; type: string; policy: { Statement: unknown[] }; depends?: { display_name: string }[] }[] };
    for (const entry of shared.permissions) {
      const permission = catalog.systemPermissions.find((p) => p.displayName === entry.display_name);
      expect(permission).toMatchObject({ name: entry.name, type: entry.type, documentSource: 'documented', dependencies: (entry.depends ?? []).map((d) => d.display_name) });
      expect(permission?.document.Statement).toEqual(entry.policy.Statement);
    }
  });

  it.skipIf(!sharedPresent)('is what scripts/build-catalog builds, and building again changes nothing', () => {
    const inputs = [readShared('ecs-actions.json'), readShared('system-policies.json')] as Parameters<typeof buildCatalog>;
    const first = buildCatalog(...inputs);
    expect(buildCatalog(...inputs)).toEqual(first);
    const out = mkdtempSync(join(tmpdir(), 'iamform-catalog-'));
    try {
      execFileSync(process.execPath, [join(root, 'scripts', 'build-catalog.ts'), '--shared', join(root, '..', 'shared'), '--out', out], { stdio: 'pipe' });
      for (const [file, text] of Object.entries(first.files)) {
        expect(readFileSync(join(out, file), 'utf8')).toBe(text);
        expect(readFileSync(join(catalogDir, file), 'utf8')).toBe(text);
      }
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  });
});
