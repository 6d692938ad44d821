import { describe, expect, it } from 'vitest';
import { createHash, createHmac } from 'node:crypto';
import { regionNames } from '../../src/backend/index.js';
import type { BodySchemaHook } from '../../src/config/index.js';
import {
  allResourceTypes,
  bodySchemaHookFor,
  defaultRegions,
  equalValues,
  forcesReplacementPaths,
  hmacSha256Hex,
  makeKeeper,
  plannedValues,
  replacePaths,
  resourceSchema,
  secretPaths,
  sensitivePaths,
  sha256Hex,
  tSet,
  tString,
  UNKNOWN,
  validateInstance,
  writeOnlyChange,
  writeOnlyPaths,
  zodSchemaFor,
  type PlainObject,
  type SchemaPath,
} from '../../src/schema/index.js';
import { pos, type SourceRange } from '../../src/diag/index.js';

describe('registry', () => {
  it('knows every resource and data source type of the language', () => {
    expect(allResourceTypes('managed')).toEqual(['iam_project', 'iam_enterprise_project', 'iam_user', 'iam_group', 'iam_group_membership', 'iam_policy', 'iam_policy_attachment', 'iam_access_key']);
    expect(allResourceTypes('data')).toEqual(['iam_policy', 'iam_project', 'iam_user', 'iam_group']);
    expect(resourceSchema('iam_nothing')).toBeUndefined();
    expect(resourceSchema('iam_access_key', 'data')).toBeUndefined();
  });

  it('has the backend\'s regions as its default regions', () => {
    expect(defaultRegions).toEqual(regionNames);
  });

  const pathCases: [string, (t: string) => SchemaPath[], SchemaPath[]][] = [
    ['iam_user', writeOnlyPaths, [['password']]],
    ['iam_user', sensitivePaths, [['password']]],
    ['iam_user', forcesReplacementPaths, [['name']]],
    ['iam_access_key', sensitivePaths, [['secret']]],
    ['iam_access_key', secretPaths, [['secret']]],
    ['iam_access_key', writeOnlyPaths, []],
    ['iam_access_key', forcesReplacementPaths, [['user']]],
    ['iam_group', forcesReplacementPaths, []],
    ['iam_group_membership', forcesReplacementPaths, [['group']]],
    ['iam_project', forcesReplacementPaths, [['name']]],
    ['iam_enterprise_project', forcesReplacementPaths, [['name'], ['description']]],
    ['iam_policy', forcesReplacementPaths, []],
    ['iam_policy_attachment', forcesReplacementPaths, [['group'], ['user'], ['policy'], ['project'], ['all_projects'], ['global'], ['enterprise_project']]],
  ];
  it.each(pathCases)('%s: %o', (type, fn, expected) => {
    expect(fn(type)).toEqual(expected);
  });
});

describe('replacePaths', () => {
  const cases: [string, string, PlainObject | null, PlainObject | null, SchemaPath[]][] = [
    ['create', 'iam_user', null, { name: 'a' }, []],
    ['delete', 'iam_user', { name: 'a' }, null, []],
    ['renamed user', 'iam_user', { name: 'a', description: '' }, { name: 'b', description: '' }, [['name']]],
    ['user description only', 'iam_user', { name: 'a', description: '' }, { name: 'a', description: 'x' }, []],
    ['unknown name forces replacement', 'iam_user', { name: 'a' }, { name: UNKNOWN }, [['name']]],
    ['group rename in place', 'iam_group', { name: 'a' }, { name: 'b' }, []],
    ['attachment scope moved', 'iam_policy_attachment', { group: 'g', policy: 'p', project: 'x', global: false }, { group: 'g', policy: 'p', project: null, global: true }, [['project'], ['global']]],
    ['null equals absent', 'iam_policy_attachment', { group: 'g', policy: 'p', user: null }, { group: 'g', policy: 'p' }, []],
  ];
  it.each(cases)('%s', (_, type, before, after, expected) => {
    expect(replacePaths(type, before, after)).toEqual(expected);
  });
});

describe('plannedValues', () => {
  it('applies defaults, copies display_name from name, leaves out the password, lists blocks', () => {
    expect(plannedValues('iam_user', 'managed', { name: 'alice', password: 'x', access_mode: 'console' })).toEqual({
      id: UNKNOWN,
      name: 'alice',
      display_name: 'alice',
      description: '',
      email: null,
      enabled: true,
      access_mode: 'console',
      password_reset_required: true,
      login_protection: 'none',
      receive_notifications: false,
      phone: [],
    });
  });

  it('keeps computed values from the prior object and orders sets', () => {
    expect(plannedValues('iam_group_membership', 'managed', { group: 'g', users: ['b', 'a', 'b'] }, { id: 'g', group: 'g', users: [] })).toEqual({ id: 'g', group: 'g', users: ['a', 'b'] });
    expect(plannedValues('iam_project', 'managed', { name: 'eu-de_x' }, { id: 'p1', parent_id: 'r', enabled: true })).toEqual({ id: 'p1', name: 'eu-de_x', description: '', parent_id: 'r', enabled: true });
  });

  it('decodes a policy given as JSON text and leaves secrets out', () => {
    const planned = plannedValues('iam_policy', 'managed', { name: 'p', description: 'd', policy: '{"Version":"1.1","Statement":[]}' });
    expect(planned['policy']).toEqual({ Version: '1.1', Statement: [] });
    expect(planned['scope']).toBe('project');
    expect(Object.keys(plannedValues('iam_access_key', 'managed', { user: 'u' })).sort()).toEqual(['access', 'description', 'id', 'status', 'user']);
  });

  it('keeps an unknown name in the copied display_name', () => {
    expect(plannedValues('iam_user', 'managed', { name: UNKNOWN })['display_name']).toBe(UNKNOWN);
  });
});

describe('equalValues', () => {
  const cases: [string, Parameters<typeof equalValues>, boolean][] = [
    ['sets ignore order', [tSet(tString), ['a', 'b'], ['b', 'a']], true],
    ['sets differ', [tSet(tString), ['a'], ['a', 'b']], false],
    ['objects ignore key order', [{ kind: 'dynamic' }, { a: 1, b: [1, 2] }, { b: [1, 2], a: 1 }], true],
    ['lists keep order', [{ kind: 'dynamic' }, [1, 2], [2, 1]], false],
    ['unknown equals nothing', [tString, UNKNOWN, UNKNOWN], false],
    ['null equals absent', [tString, null, undefined], true],
  ];
  it.each(cases)('%s', (_, args, expected) => {
    expect(equalValues(...args)).toBe(expected);
  });
});

describe('keepers', () => {
  it('SHA-256 and HMAC-SHA-256 agree with node:crypto', () => {
    for (const text of ['', 'abc', 'päßwörd', 'x'.repeat(55), 'y'.repeat(64), 'z'.repeat(200)]) {
      expect(sha256Hex(text)).toBe(createHash('sha256').update(text, 'utf8').digest('hex'));
      expect(hmacSha256Hex('salt', text)).toBe(createHmac('sha256', 'salt').update(text, 'utf8').digest('hex'));
      expect(hmacSha256Hex(text, 'message')).toBe(createHmac('sha256', text).update('message', 'utf8').digest('hex'));
    }
  });

  const keeper = { keepers: { password: makeKeeper('S3cret!pw', 'a1b2') } };
  const cases: [string, Parameters<typeof writeOnlyChange>[0], unknown, string][] = [
    ['same password', 'S3cret!pw', keeper, 'unchanged'],
    ['other password', 'Other!pw1', keeper, 'changed'],
    ['unset in config', undefined, keeper, 'unchanged'],
    ['null in config', null, keeper, 'unchanged'],
    ['no keeper yet', 'S3cret!pw', null, 'changed'],
    ['known after apply', UNKNOWN, keeper, 'unknown'],
  ];
  it.each(cases)('%s', (_, value, privateData, expected) => {
    expect(writeOnlyChange(value, privateData as never, 'password')).toBe(expected);
  });

  it('salts differ per object', () => {
    expect(makeKeeper('same', 's1').hmac).not.toBe(makeKeeper('same', 's2').hmac);
  });
});

describe('zodSchemaFor', () => {
  it('accepts unknown values and rejects what the rules reject', () => {
    const attachment = zodSchemaFor('iam_policy_attachment');
    expect(attachment?.safeParse({ group: UNKNOWN, policy: UNKNOWN, project: UNKNOWN }).success).toBe(true);
    expect(attachment?.safeParse({ group: 'g', user: 'u', policy: 'p', global: true }).success).toBe(false);
    const user = zodSchemaFor('iam_user');
    expect(user?.safeParse({ name: 'alice', access_mode: UNKNOWN, phone: UNKNOWN }).success).toBe(true);
    expect(user?.safeParse({ name: 'alice', access_mode: 'web' }).success).toBe(false);
    expect(user?.safeParse({ name: 'alice', login_protection: 'sms' }).success).toBe(false);
    expect(zodSchemaFor('iam_nothing')).toBeUndefined();
  });
});

describe('validateInstance without the evaluator', () => {
  const at = (line: number): SourceRange => ({ file: 'main.hcl', start: pos(line, 3, line * 10), end: pos(line, 8, line * 10 + 5) });
  const ranges = new Map([
    ['name', at(2)],
    ['emial', at(3)],
    ['phone[0].country_code', at(5)],
  ]);
  const block = at(1);

  it('suggests the closest attribute and points at it', () => {
    const diags = validateInstance('iam_user', 'managed', { name: 'alice', access_mode: 'both', emial: 'a@example.com' }, ranges, { range: block, context: 'resource "iam_user" "a"' });
    expect(diags).toEqual([
      { severity: 'error', code: 'schema.unknown-attribute', summary: 'Unsupported argument', detail: 'An argument named "emial" is not expected here. Did you mean "email"?', range: at(3), context: 'resource "iam_user" "a"' },
    ]);
  });

  it('reports read-only attributes, unknown types and wrong types', () => {
    expect(validateInstance('iam_access_key', 'managed', { user: 'u', secret: 's' }, ranges, { range: block }).map((d) => d.code)).toEqual(['schema.computed-attribute']);
    const unknownType = validateInstance('iam_usr', 'managed', {}, ranges, { range: block });
    expect(unknownType.map((d) => [d.code, d.detail])).toEqual([['schema.unknown-type', 'The provider does not support the resource type "iam_usr". Did you mean "iam_user"?']]);
    const wrong = validateInstance('iam_user', 'managed', { name: 42, access_mode: 'both' }, ranges, { range: block });
    expect(wrong.map((d) => [d.code, d.detail, d.range])).toEqual([['schema.invalid-type', 'Inappropriate value for attribute "name": a string is required, got the number 42.', at(2)]]);
  });

  it('checks project names against the given regions', () => {
    expect(validateInstance('iam_project', 'managed', { name: 'ap-1_x' }, ranges, { regions: ['ap-1'] })).toEqual([]);
    expect(validateInstance('iam_project', 'managed', { name: 'eu-de_x' }, ranges, { regions: ['ap-1'] }).map((d) => [d.code, d.range])).toEqual([['schema.project-name', at(2)]]);
  });

  it('points a phone finding at the block\'s written attribute', () => {
    const diags = validateInstance('iam_user', 'managed', { name: 'a', access_mode: 'both', phone: [{ country_code: '+49' }] }, ranges, { range: block });
    expect(diags.map((d) => [d.code, d.summary, d.range])).toEqual([['schema.phone-incomplete', 'Incomplete phone', at(5)]]);
  });
});

describe('bodySchemaHookFor', () => {
  it('is the config evaluator\'s hook shape', () => {
    const hook: BodySchemaHook | undefined = bodySchemaHookFor('iam_user', 'managed');
    expect(hook?.attributes.get('password')).toEqual({ type: { kind: 'string' }, optional: true, sensitive: true });
    expect(hook?.attributes.get('id')).toEqual({ type: { kind: 'string' }, computed: true });
    expect(hook?.attributes.get('name')).toEqual({ type: { kind: 'string' } });
    expect([...(hook?.blocks?.get('phone')?.attributes.keys() ?? [])]).toEqual(['country_code', 'number']);
    expect(bodySchemaHookFor('iam_access_key', 'managed')?.attributes.get('secret')).toEqual({ type: { kind: 'string' }, computed: true, sensitive: true });
    expect(bodySchemaHookFor('iam_nothing', 'managed')).toBeUndefined();
  });
});
