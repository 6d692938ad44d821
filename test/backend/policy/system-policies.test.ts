/**
 * Every system permission validates as its version, and for every catalog action the engine
 * agrees with a naive reference matcher written here independently of the engine: glob
 * matching by backtracking over characters, segment by segment, aliases tried one by one.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { actionMatches, compileGrants, decide, validatePolicyDocument, type CatalogAction, type PolicyDocument } from '../../../src/backend/policy/index.js';
import { allow, catalog, euDe, globalScope, grantCustom, grantSystem } from './fixtures.js';

function glob(pattern: string, text: string): boolean {
  if (pattern === '') return text === '';
  if (pattern[0] === '*') {
    for (let i = 0; i <= text.length; i++) if (glob(pattern.slice(1), text.slice(i))) return true;
    return false;
  }
  return text !== '' && pattern[0] === text[0] && glob(pattern.slice(1), text.slice(1));
}

/** Reference: does one pattern of a document of `version` name the action `name` (no aliases)? */
function naiveMatch(pattern: string, name: string, version: '1.0' | '1.1'): boolean {
  const [service, resourceType, operation, ...rest] = name.split(':');
  if (service === undefined || resourceType === undefined || operation === undefined || rest.length > 0) return false;
  let p = pattern.split(':');
  if (version === '1.0') {
    const legacy = catalog.legacyRoleActions[pattern];
    if (legacy) return legacy.some((n) => n.toLowerCase() === name.toLowerCase() && n.split(':')[0] === service);
    if (pattern === '*') return true;
    if (p.length === 2) p = [p[0] ?? '', '*', p[1] ?? ''];
    if (p.length !== 3) return false;
    const [first, pr, last] = p as [string, string, string];
    const ps = first.toLowerCase() === 'identity' ? 'iam' : first.toLowerCase();
    let po = last;
    if (ps === '' && pr === '' && po !== '' && !po.includes('*')) po += '*';
    p = [ps || '*', pr || '*', po || '*'];
  } else if (p.length !== 3 || p.some((s) => s === '') || !/^[a-z0-9*]+$/.test(p[0] ?? '')) {
    return false;
  }
  const [ps, pr, po] = p as [string, string, string];
  return glob(ps, service) && glob(pr.toLowerCase(), resourceType.toLowerCase()) && glob(po.toLowerCase(), operation.toLowerCase());
}

function naiveNames(document: PolicyDocument, action: CatalogAction, effect: 'Allow' | 'Deny'): boolean {
  const names = [action.name, ...action.aliases];
  return document.Statement.some((s) => s.Effect === effect && (s.Action ?? []).some((p) => names.some((n) => naiveMatch(p, n, document.Version))));
}

describe('system permissions', () => {
  it.each(catalog.systemPermissions.map((p) => [p.displayName, p] as const))('%s validates as its version', (_, permission) => {
    expect(validatePolicyDocument(permission.document, { version: permission.version, catalog })).toEqual([]);
  });

  it.each(catalog.systemPermissions.map((p) => [p.displayName] as const))('%s: the engine agrees with the reference for every catalog action', (name) => {
    const permission = catalog.systemPermissions.find((p) => p.displayName === name);
    if (!permission) throw new Error(name);
    const compiled = compileGrants([grantSystem(name, euDe), grantSystem(name, globalScope)], catalog);
    let allowed = 0;
    for (const action of catalog.actions) {
      const expected = !naiveNames(permission.document, action, 'Deny') && naiveNames(permission.document, action, 'Allow');
      const scope = action.level === 'global' ? globalScope : euDe;
      const decision = decide({ action: action.name, scope }, compiled);
      expect([action.name, decision.decision]).toEqual([action.name, expected ? 'allow' : 'deny']);
      if (expected) allowed++;
    }
    expect(allowed).toBeGreaterThan(0);
  });

  it('Tenant Guest reads every service but IAM and writes nothing', () => {
    const compiled = compileGrants([grantSystem('Tenant Guest', euDe), grantSystem('Tenant Guest', globalScope)], catalog);
    expect(decide({ action: 'vpc:ports:get', scope: euDe }, compiled).decision).toBe('allow');
    expect(decide({ action: 'ecs:servers:list', scope: euDe }, compiled).decision).toBe('allow');
    expect(decide({ action: 'ecs:servers:create', scope: euDe }, compiled).decision).toBe('deny');
    expect(decide({ action: 'iam:users:listUsers', scope: globalScope }, compiled)).toMatchObject({ decision: 'deny', explicit: true });
  });
});

describe('random patterns against the reference (fast-check)', () => {
  const names = catalog.actions.map((a) => a.name);
  const tokens = [...new Set(names.flatMap((n) => n.split(':')))];
  const mutate = (segment: string, star: number, upper: boolean, cut: number) => {
    let s = upper ? segment.toUpperCase() : segment;
    if (star === 1) s = '*';
    if (star === 2) s = `${s.slice(0, cut % (s.length + 1))}*`;
    if (star === 3) s = `*${s.slice(cut % (s.length + 1))}`;
    return s;
  };
  const segment = fc.tuple(fc.constantFrom(...tokens), fc.integer({ min: 0, max: 3 }), fc.boolean(), fc.nat(20));
  const pattern = fc.tuple(segment, segment, segment).map(([a, b, c]) => [mutate(a[0], a[1], false, a[3]), mutate(b[0], b[1], b[2], b[3]), mutate(c[0], c[1], c[2], c[3])].join(':'));
  const action = fc.tuple(fc.constantFrom(...names), fc.boolean()).map(([n, flip]) => (flip ? n.split(':').map((s, i) => (i === 0 ? s : s.toUpperCase())).join(':') : n));

  it('actionMatches agrees with the reference matcher', () => {
    fc.assert(
      fc.property(pattern, action, (p, a) => actionMatches(p, a) === naiveMatch(p, a, '1.1')),
      { numRuns: 3000 },
    );
  });

  it('decide agrees with the reference for random Allow/Deny policies', () => {
    fc.assert(
      fc.property(fc.array(pattern, { minLength: 1, maxLength: 5 }), fc.array(pattern, { maxLength: 3 }), fc.constantFrom(...catalog.actions.filter((a) => a.level === 'project')), (allows, denies, a) => {
        const document: PolicyDocument = { Version: '1.1', Statement: denies.length > 0 ? [{ Effect: 'Allow', Action: allows }, { Effect: 'Deny', Action: denies }] : [{ Effect: 'Allow', Action: allows }] };
        const expected = !naiveNames(document, a, 'Deny') && naiveNames(document, a, 'Allow');
        return decide({ action: a.name, scope: euDe }, compileGrants([grantCustom('random', document, euDe)], catalog)).decision === (expected ? 'allow' : 'deny');
      }),
      { numRuns: 1500 },
    );
  });

  it('identical grant lists share one compilation; a changed document does not', () => {
    const grants = [grantCustom('x', allow(['ecs:*:get*']), euDe)];
    expect(compileGrants([...grants], catalog)).toBe(compileGrants([...grants], catalog));
    const changed = [{ ...grants[0]!, policy: { ...grants[0]!.policy, document: allow(['ecs:*:list*']) } }];
    const compiled = compileGrants(changed, catalog);
    expect(compiled).not.toBe(compileGrants(grants, catalog));
    expect(decide({ action: 'ecs:servers:get', scope: euDe }, compiled).decision).toBe('deny');
    expect(decide({ action: 'ecs:servers:list', scope: euDe }, compiled).decision).toBe('allow');
  });
});
