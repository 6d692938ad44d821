import { describe, expect, it } from 'vitest';
import { compileGrants, decide, type RequestContext, type RequestScope } from '../../../src/backend/policy/index.js';
import { allow, allProjects, catalog, euDe, euNl, globalScope, grantCustom } from './fixtures.js';

type Case = [string, string, Record<string, string[]>, RequestContext, boolean, RequestScope?];

const alice: RequestContext = { userName: 'alice-dev', userId: 'u-123', domainName: 'Acme', mfaPresent: true, sourceIp: '10.1.2.3', currentTime: new Date('2025-03-04T05:06:07Z'), attributes: { 'ecs:flavor': 's3.large' } };

const cases: Case[] = [
  ['StringEquals holds', 'StringEquals', { 'g:UserName': ['alice-dev'] }, alice, true],
  ['StringEquals is case-sensitive', 'StringEquals', { 'g:UserName': ['ALICE-DEV'] }, alice, false],
  ['StringEquals ORs the values of a key', 'StringEquals', { 'g:UserName': ['bob', 'alice-dev'] }, alice, true],
  ['StringEqualsIgnoreCase', 'StringEqualsIgnoreCase', { 'g:DomainName': ['ACME'] }, alice, true],
  ['StringNotEquals holds for another value', 'StringNotEquals', { 'g:UserId': ['u-999'] }, alice, true],
  ['StringNotEquals fails for the same value', 'StringNotEquals', { 'g:UserId': ['u-123'] }, alice, false],
  ['StringNotEquals fails when any listed value equals', 'StringNotEquals', { 'g:UserId': ['u-999', 'u-123'] }, alice, false],
  ['StringNotEqualsIgnoreCase fails for a case variant', 'StringNotEqualsIgnoreCase', { 'g:DomainName': ['acme'] }, alice, false],
  ['StringNotEqualsIgnoreCase holds for another value', 'StringNotEqualsIgnoreCase', { 'g:DomainName': ['other'] }, alice, true],
  ['StringStartWith', 'StringStartWith', { 'g:UserName': ['alice'] }, alice, true],
  ['StringStartWith is case-sensitive', 'StringStartWith', { 'g:UserName': ['Alice'] }, alice, false],
  ['StringStartWithIgnoreCase', 'StringStartWithIgnoreCase', { 'g:UserName': ['Alice'] }, alice, true],
  ['StringEndWith', 'StringEndWith', { 'g:UserName': ['-dev'] }, alice, true],
  ['StringEndWith fails', 'StringEndWith', { 'g:UserName': ['-ops'] }, alice, false],
  ['StringEndWithIgnoreCase', 'StringEndWithIgnoreCase', { 'g:UserName': ['-DEV'] }, alice, true],
  ['g:ProjectName comes from the request scope', 'StringEquals', { 'g:ProjectName': ['eu-de'] }, alice, true],
  ['g:ProjectName in another project', 'StringEquals', { 'g:ProjectName': ['eu-de'] }, alice, false, euNl],
  ['g:ServiceName comes from the action', 'StringEquals', { 'g:ServiceName': ['ecs'] }, alice, true],
  ['g:CurrentTime is the injected clock in ISO 8601', 'StringStartWith', { 'g:CurrentTime': ['2025-03-04T'] }, alice, true],
  ['g:CurrentTime another day', 'StringStartWith', { 'g:CurrentTime': ['2025-03-05T'] }, alice, false],
  ['Bool true', 'Bool', { 'g:MFAPresent': ['true'] }, alice, true],
  ['Bool false against true', 'Bool', { 'g:MFAPresent': ['false'] }, alice, false],
  ['Bool value case-insensitive', 'Bool', { 'g:MFAPresent': ['TRUE'] }, alice, true],
  ['Bool without MFA', 'Bool', { 'g:MFAPresent': ['true'] }, { ...alice, mfaPresent: false }, false],
  ['IpAddress in a CIDR block', 'IpAddress', { 'g:SourceIp': ['10.0.0.0/8'] }, alice, true],
  ['IpAddress outside the block', 'IpAddress', { 'g:SourceIp': ['192.168.0.0/16'] }, alice, false],
  ['IpAddress single address', 'IpAddress', { 'g:SourceIp': ['10.1.2.3'] }, alice, true],
  ['IpAddress /0 matches all', 'IpAddress', { 'g:SourceIp': ['0.0.0.0/0'] }, alice, true],
  ['IpAddress ORs blocks', 'IpAddress', { 'g:SourceIp': ['192.168.0.0/16', '10.1.2.0/24'] }, alice, true],
  ['a service key from the request attributes', 'StringEquals', { 'ecs:flavor': ['s3.large'] }, alice, true],
  ['missing key fails', 'StringEquals', { 'g:UserName': ['alice-dev'] }, {}, false],
  ['missing key fails a negated operator too', 'StringNotEquals', { 'g:UserName': ['bob'] }, {}, false],
  ['IfExists holds when the key is missing', 'StringEqualsIfExists', { 'g:UserName': ['bob'] }, {}, true],
  ['IfExists still tests a present key', 'StringEqualsIfExists', { 'g:UserName': ['bob'] }, alice, false],
  ['StringEndWithIfExists (documented form)', 'StringEndWithIfExists', { 'g:UserName': ['-dev'] }, alice, true],
  ['BoolIfExists without the key', 'BoolIfExists', { 'g:MFAPresent': ['true'] }, {}, true],
  ['IpAddressIfExists without the key', 'IpAddressIfExists', { 'g:SourceIp': ['10.0.0.0/8'] }, {}, true],
  ['keys of one operator are ANDed', 'StringEquals', { 'g:UserName': ['alice-dev'], 'g:DomainName': ['Other'] }, alice, false],
  ['g:ProjectName is absent in global scope', 'StringEqualsIfExists', { 'g:ProjectName': ['eu-nl'] }, alice, true, globalScope],
];

describe('condition operators', () => {
  it.each(cases)('%s', (_, operator, keys, context, expected, scope = euDe) => {
    const action = scope.kind === 'global' ? 'iam:users:listUsers' : 'ecs:servers:list';
    const document = allow([action], { Condition: { [operator]: keys } });
    const compiled = compileGrants([grantCustom('conditional', document, scope.kind === 'global' ? globalScope : allProjects)], catalog);
    expect(decide({ action, scope, context }, compiled).decision).toBe(expected ? 'allow' : 'deny');
  });

  it('operators of one statement are ANDed', () => {
    const document = allow(['ecs:servers:list'], { Condition: { StringStartWith: { 'g:UserName': ['alice'] }, Bool: { 'g:MFAPresent': ['true'] } } });
    const compiled = compileGrants([grantCustom('both', document, euDe)], catalog);
    expect(decide({ action: 'ecs:servers:list', scope: euDe, context: alice }, compiled).decision).toBe('allow');
    expect(decide({ action: 'ecs:servers:list', scope: euDe, context: { ...alice, mfaPresent: false } }, compiled).decision).toBe('deny');
  });

  it('a conditional Deny denies only when its conditions hold', () => {
    const denyOutside = { Version: '1.1' as const, Statement: [{ Effect: 'Deny' as const, Action: ['ecs:*:*'], Condition: { StringNotEquals: { 'g:UserName': ['alice-dev'] } } }] };
    const compiled = compileGrants([grantCustom('all', allow(['ecs:*:*']), euDe), grantCustom('only-alice', denyOutside, euDe)], catalog);
    expect(decide({ action: 'ecs:servers:list', scope: euDe, context: alice }, compiled).decision).toBe('allow');
    expect(decide({ action: 'ecs:servers:list', scope: euDe, context: { userName: 'bob' } }, compiled)).toMatchObject({ decision: 'deny', explicit: true });
  });

  it('a failed condition is explained', () => {
    const compiled = compileGrants([grantCustom('mfa', allow(['ecs:servers:list'], { Condition: { Bool: { 'g:MFAPresent': ['true'] } } }), euDe)], catalog);
    const decision = decide({ action: 'ecs:servers:list', scope: euDe, context: { mfaPresent: false } }, compiled);
    expect(decision.nearMisses.map((m) => m.why)).toEqual(['condition']);
    expect(decision.reason).toBe('no statement allows ecs:servers:list in eu-de; 1 matching statement did not meet its conditions');
  });
});
