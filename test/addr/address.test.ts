import { describe, expect, it } from 'vitest';
import { addressContains, compareAddresses, formatAddress, parseAddress, type ResourceAddress } from '../../src/addr/index.js';

describe('parseAddress accepts', () => {
  const table: [string, ResourceAddress][] = [
    ['iam_user.alice', { mode: 'managed', type: 'iam_user', name: 'alice' }],
    ['iam_user.team["bob"]', { mode: 'managed', type: 'iam_user', name: 'team', key: 'bob' }],
    ['iam_user.bot[0]', { mode: 'managed', type: 'iam_user', name: 'bot', key: 0 }],
    ['iam_user.bot[12]', { mode: 'managed', type: 'iam_user', name: 'bot', key: 12 }],
    ['data.iam_policy.ro', { mode: 'data', type: 'iam_policy', name: 'ro' }],
    ['data.iam_project.all["eu-de"]', { mode: 'data', type: 'iam_project', name: 'all', key: 'eu-de' }],
    ['iam_user.team["a \\"quoted\\" key"]', { mode: 'managed', type: 'iam_user', name: 'team', key: 'a "quoted" key' }],
    ['iam_user.team["ü"]', { mode: 'managed', type: 'iam_user', name: 'team', key: 'ü' }],
    ['iam_user.with-dash_1', { mode: 'managed', type: 'iam_user', name: 'with-dash_1' }],
  ];
  it.each(table)('%s', (text, expected) => {
    const result = parseAddress(text);
    expect(result.diagnostics).toEqual([]);
    expect(result.address).toEqual(expected);
  });
  it.each(table)('%s formats back to itself', (text) => {
    const { address } = parseAddress(text);
    expect(address && formatAddress(address)).toBe(text);
  });
});

describe('parseAddress rejects', () => {
  const table: [string, string][] = [
    ['', 'Expected TYPE.NAME'],
    ['iam_user', 'Expected TYPE.NAME'],
    ['iam_user.alice.extra', 'Too many parts'],
    ['1am_user.alice', 'not a valid resource type name'],
    ['iam_user.9lives', 'not a valid resource name'],
    ['iam_user.bot[01]', 'Invalid instance key'],
    ['iam_user.bot[-1]', 'Invalid instance key'],
    ['iam_user.team[bob]', 'Invalid instance key'],
    ['iam_user.team["bob"', 'Invalid instance key'],
    ['iam_user.team["bob"]x', 'Invalid instance key'],
    ['data.', 'Expected TYPE.NAME'],
  ];
  it.each(table)('%s', (text, fragment) => {
    const result = parseAddress(text);
    expect(result.address).toBeUndefined();
    expect(result.diagnostics).toHaveLength(1);
    expect(result.diagnostics[0]?.code).toBe('addr.invalid');
    expect(result.diagnostics[0]?.detail).toContain(fragment);
  });

  it('points into the source when given a range', () => {
    const range = { file: 'main.hcl', start: { line: 3, column: 8, offset: 40 }, end: { line: 3, column: 24, offset: 56 } };
    const [diagnostic] = parseAddress('iam_user.9lives', range).diagnostics;
    expect(diagnostic?.range?.start).toEqual({ line: 3, column: 17, offset: 49 });
  });
});

describe('ordering and containment', () => {
  const parse = (text: string) => {
    const { address } = parseAddress(text);
    if (!address) throw new Error(`bad address ${text}`);
    return address;
  };
  it('sorts managed before data, then type, name, and keys numerically before strings', () => {
    const input = ['data.iam_policy.a', 'iam_user.b["x"]', 'iam_user.b[10]', 'iam_user.b[2]', 'iam_user.b', 'iam_group.z', 'iam_user.a'];
    const sorted = input.map(parse).sort(compareAddresses).map(formatAddress);
    expect(sorted).toEqual(['iam_group.z', 'iam_user.a', 'iam_user.b', 'iam_user.b[2]', 'iam_user.b[10]', 'iam_user.b["x"]', 'data.iam_policy.a']);
  });
  it.each([
    ['iam_user.team', 'iam_user.team["bob"]', true],
    ['iam_user.team["bob"]', 'iam_user.team["bob"]', true],
    ['iam_user.team["bob"]', 'iam_user.team["eve"]', false],
    ['iam_user.team', 'data.iam_user.team', false],
    ['iam_user.team', 'iam_group.team', false],
  ] as const)('%s contains %s: %s', (target, candidate, expected) => {
    expect(addressContains(parse(target), parse(candidate))).toBe(expected);
  });
});
