import { describe, expect, it } from 'vitest';
import { validateCustomPolicy, validatePolicyDocument, type PolicyProblem } from '../../../src/backend/policy/index.js';
import { catalog } from './fixtures.js';

const ok = { Effect: 'Allow', Action: ['ecs:servers:list'] };
const doc11 = (...statements: unknown[]) => ({ Version: '1.1', Statement: statements });
const times = <T>(n: number, f: (i: number) => T): T[] => Array.from({ length: n }, (_, i) => f(i));
const codes = (problems: PolicyProblem[]) => problems.map((p) => p.code);

describe('custom policy limits (each case: the codes and, for the first, the path)', () => {
  const cases: [string, unknown, string[], string?][] = [
    ['a valid policy', doc11(ok), []],
    ['not an object', ['x'], ['IAM.0011'], ''],
    ['unknown top-level field', { ...doc11(ok), Statment: [] }, ['IAM.0073'], 'Statment'],
    ['Version 1.0 for a custom policy', { Version: '1.0', Statement: [ok] }, ['IAM.1024'], 'Version'],
    ['Version missing', { Statement: [ok] }, ['IAM.1024'], 'Version'],
    ['Depends in 1.1', { ...doc11(ok), Depends: [{ catalog: 'BASE', display_name: 'Tenant Guest' }] }, ['IAM.1025'], 'Depends'],
    ['Statement missing', { Version: '1.1' }, ['IAM.1026'], 'Statement'],
    ['a statement that is not an object', doc11('x'), ['IAM.1026'], 'Statement[0]'],
    ['no statements', doc11(), ['IAM.1027'], 'Statement'],
    ['8 statements', doc11(...times(8, () => ok)), []],
    ['9 statements', doc11(...times(9, () => ok)), ['IAM.1028'], 'Statement'],
    ['Effect lowercase', doc11({ ...ok, Effect: 'allow' }), ['IAM.1029'], 'Statement[0].Effect'],
    ['Effect missing', doc11({ Action: ['ecs:servers:list'] }), ['IAM.1029'], 'Statement[0].Effect'],
    ['Action and NotAction', doc11({ Effect: 'Deny', Action: ['ecs:servers:list'], NotAction: ['ecs:servers:get'] }), ['IAM.1030'], 'Statement[0]'],
    ['neither Action nor NotAction', doc11({ Effect: 'Allow' }), ['IAM.1031'], 'Statement[0]'],
    ['NotAction with Allow', doc11({ Effect: 'Allow', NotAction: ['ecs:servers:list'] }), ['IAM.1032'], 'Statement[0].NotAction'],
    ['NotAction with Deny', doc11({ Effect: 'Deny', NotAction: ['ecs:servers:list'] }), []],
    ['empty Action', doc11({ Effect: 'Allow', Action: [] }), ['IAM.1033'], 'Statement[0].Action'],
    ['100 actions', doc11({ Effect: 'Allow', Action: times(100, () => 'ecs:servers:list') }), []],
    ['101 actions', doc11({ Effect: 'Allow', Action: times(101, () => 'ecs:servers:list') }), ['IAM.1033'], 'Statement[0].Action'],
    ['an action of 129 characters', doc11({ Effect: 'Allow', Action: [`ecs:servers:${'x'.repeat(117)}`] }), ['IAM.1034'], 'Statement[0].Action[0]'],
    ['Action not a list', doc11({ Effect: 'Allow', Action: 'ecs:servers:list' }), ['IAM.1035'], 'Statement[0].Action'],
    ['an action that is not a string', doc11({ Effect: 'Allow', Action: [7] }), ['IAM.1035'], 'Statement[0].Action[0]'],
    ['two segments', doc11({ Effect: 'Allow', Action: ['ecs:servers'] }), ['IAM.1035'], 'Statement[0].Action[0]'],
    ['uppercase service', doc11({ Effect: 'Allow', Action: ['ECS:servers:list'] }), ['IAM.1035'], 'Statement[0].Action[0]'],
    ['bad characters', doc11({ Effect: 'Allow', Action: ['ecs:serv ers:list'] }), ['IAM.1035'], 'Statement[0].Action[0]'],
    ['1.0 forms are not 1.1 actions', doc11({ Effect: 'Allow', Action: ['::Get'] }), ['IAM.1035'], 'Statement[0].Action[0]'],
    ['an unregistered action', doc11({ Effect: 'Allow', Action: ['ecs:servers:lsit'] }), ['IAM.1036'], 'Statement[0].Action[0]'],
    ['a pattern matching nothing', doc11({ Effect: 'Allow', Action: ['obs:*:*'] }), ['IAM.1036'], 'Statement[0].Action[0]'],
    ['a case variant is registered', doc11({ Effect: 'Allow', Action: ['ecs:CloudServers:ShowServer'] }), []],
    ['Resource list', doc11({ ...ok, Resource: ['ecs:*:*:instance:*'] }), []],
    ['empty Resource', doc11({ ...ok, Resource: [] }), ['IAM.1040'], 'Statement[0].Resource'],
    ['11 resources', doc11({ ...ok, Resource: times(11, (i) => `ecs:*:*:instance:${i}`) }), ['IAM.1040'], 'Statement[0].Resource'],
    ['21 resource URIs', doc11({ ...ok, Resource: { uri: times(21, (i) => `/iam/agencies/${i}`) } }), ['IAM.1037'], 'Statement[0].Resource.uri'],
    ['a blank resource', doc11({ ...ok, Resource: ['  '] }), ['IAM.1041'], 'Statement[0].Resource[0]'],
    ['a resource of 1,501 characters', doc11({ ...ok, Resource: [`ecs:*:*:instance:${'x'.repeat(1484)}`] }), ['IAM.1042'], 'Statement[0].Resource[0]'],
    ['a resource without a region', doc11({ ...ok, Resource: ['ecs::*:instance:*'] }), ['IAM.1043'], 'Statement[0].Resource[0]'],
    ['a Condition', doc11({ ...ok, Condition: { StringEquals: { 'g:UserName': ['a'] } } }), []],
    ['Condition not an object', doc11({ ...ok, Condition: ['x'] }), ['IAM.1051'], 'Statement[0].Condition'],
    ['empty Condition', doc11({ ...ok, Condition: {} }), ['IAM.1050'], 'Statement[0].Condition'],
    ['11 conditions', doc11({ ...ok, Condition: { StringEquals: Object.fromEntries(times(6, (i) => [`ecs:k${i}`, ['v']])), StringStartWith: Object.fromEntries(times(5, (i) => [`ecs:k${i}`, ['v']])) } }), ['IAM.1050'], 'Statement[0].Condition'],
    ['10 conditions', doc11({ ...ok, Condition: { StringEquals: Object.fromEntries(times(5, (i) => [`ecs:k${i}`, ['v']])), StringStartWith: Object.fromEntries(times(5, (i) => [`ecs:k${i}`, ['v']])) } }), []],
    ['operator value null', doc11({ ...ok, Condition: { StringEquals: null } }), ['IAM.1051', 'IAM.1050'], 'Statement[0].Condition.StringEquals'],
    ['operator without keys', doc11({ ...ok, Condition: { StringEquals: {}, Bool: { 'g:MFAPresent': ['true'] } } }), ['IAM.1054'], 'Statement[0].Condition.StringEquals'],
    ['empty value list', doc11({ ...ok, Condition: { StringEquals: { 'g:UserName': [] } } }), ['IAM.1051'], 'Statement[0].Condition.StringEquals.g:UserName'],
    ['unknown operator', doc11({ ...ok, Condition: { StringLike: { 'g:UserName': ['a*'] } } }), ['IAM.1055'], 'Statement[0].Condition.StringLike'],
    ['unknown key', doc11({ ...ok, Condition: { StringEquals: { 'g:Username': ['a'] } } }), ['IAM.1055'], 'Statement[0].Condition.StringEquals.g:Username'],
    ['key not fitting the operator', doc11({ ...ok, Condition: { Bool: { 'g:UserName': ['true'] } } }), ['IAM.1055'], 'Statement[0].Condition.Bool.g:UserName'],
    ['Bool value not a boolean', doc11({ ...ok, Condition: { Bool: { 'g:MFAPresent': ['yes'] } } }), ['IAM.1055'], 'Statement[0].Condition.Bool.g:MFAPresent[0]'],
    ['IpAddress value not a CIDR', doc11({ ...ok, Condition: { IpAddress: { 'g:SourceIp': ['10.0.0.0/33'] } } }), ['IAM.1055'], 'Statement[0].Condition.IpAddress.g:SourceIp[0]'],
    ['a value of 1,025 characters', doc11({ ...ok, Condition: { StringEquals: { 'g:UserName': ['x'.repeat(1025)] } } }), ['IAM.1056'], 'Statement[0].Condition.StringEquals.g:UserName[0]'],
    ['a value of 1,024 characters', doc11({ ...ok, Condition: { StringEquals: { 'g:UserName': ['x'.repeat(1024)] } } }), []],
    ['a document over 6,144 characters', doc11(...times(8, () => ({ Effect: 'Allow', Action: times(100, () => 'ecs:servers:list') }))), ['IAM.1021'], ''],
  ];
  it.each(cases)('%s', (_, doc, expected, path) => {
    const problems = validateCustomPolicy(doc, catalog);
    expect(codes(problems)).toEqual(expected);
    if (path !== undefined) expect(problems[0]?.path).toBe(path);
  });

  it('suggests the closest registered action', () => {
    const [problem] = validateCustomPolicy(doc11({ Effect: 'Allow', Action: ['ecs:servers:lsit'] }), catalog);
    expect(problem?.message).toBe('"ecs:servers:lsit" matches no registered action. Did you mean "ecs:servers:list"?');
  });

  it('reports every problem, not only the first', () => {
    const problems = validateCustomPolicy(doc11({ Effect: 'Permit', Action: ['ecs:servers:lsit', 'ECS:x:y'] }), catalog);
    expect(codes(problems)).toEqual(['IAM.1029', 'IAM.1036', 'IAM.1035']);
  });
});

describe('Version 1.0 roles', () => {
  const role = (...statements: unknown[]) => ({ Version: '1.0', Statement: statements });
  const cases: [string, unknown, string[]][] = [
    ['free-form actions', role({ Effect: 'Allow', Action: ['::Get', '::List', '*'] }, { Effect: 'Deny', Action: ['identity:*'] }), []],
    ['Depends', { ...role({ Effect: 'Allow', Action: ['ecs:*:*'] }), Depends: [{ catalog: 'BASE', display_name: 'Tenant Guest' }] }, []],
    ['21 Depends', { ...role({ Effect: 'Allow', Action: ['ecs:*:*'] }), Depends: times(21, (i) => ({ catalog: 'BASE', display_name: `r${i}` })) }, ['IAM.1058']],
    ['conditions', role({ Effect: 'Allow', Action: ['ecs:*:*'], Condition: { Bool: { 'g:MFAPresent': ['true'] } } }), ['IAM.1039']],
    ['resources other than agencies', role({ Effect: 'Allow', Action: ['ecs:*:*'], Resource: ['ecs:*:*:instance:*'] }), ['IAM.1038']],
    ['agency resources', role({ Effect: 'Allow', Action: ['iam:agencies:assume'], Resource: { uri: ['/iam/agencies/abc'] } }), []],
    ['an unregistered service', role({ Effect: 'Allow', Action: ['WebScan:*:*'] }), ['IAM.1036']],
    ['a 1.1 document validated as 1.0', { Version: '1.1', Statement: [{ Effect: 'Allow', Action: ['ecs:*:*'] }] }, ['IAM.1024']],
  ];
  it.each(cases)('%s', (_, doc, expected) => {
    expect(codes(validatePolicyDocument(doc, { version: '1.0', catalog }))).toEqual(expected);
  });
});
