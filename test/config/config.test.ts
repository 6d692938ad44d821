import { describe, expect, it } from 'vitest';
import { formatAddress } from '../../src/addr/index.js';
import { objectVal, stringVal, toJs } from '../../src/config/value.js';
import { errors, load } from './helpers.js';

const unknown = (): string => '(known after apply)';

function instances(files: Record<string, string>, options: Parameters<typeof load>[1] = {}): Record<string, unknown> {
  const r = load(files, options);
  expect(errors(r.diagnostics)).toEqual([]);
  return Object.fromEntries(r.evaluated.instances.map((i) => [formatAddress(i.address), toJs(i.values, { unknown })]));
}

describe('locals', () => {
  it('evaluates locals in dependency order across files', () => {
    const r = load({ 'a.hcl': 'locals { b = "${local.a}-b" }', 'b.hcl': 'locals { a = upper("a") }' });
    expect(toJs(r.evaluated.locals.get('b') ?? objectVal({}))).toBe('A-b');
  });
  it('names every member of a cycle', () => {
    const r = load({ 'main.hcl': 'locals {\n  a = local.b\n  b = local.c\n  c = local.a\n}\n' });
    const cycles = errors(r.diagnostics).filter((d) => d.code === 'config.cycle');
    expect(cycles).toHaveLength(1);
    expect(cycles[0]?.detail).toContain('local.a → local.b → local.c → local.a');
    expect(cycles[0]?.range?.start.line).toBe(4);
  });
  it('reports a self reference', () => {
    const r = load({ 'main.hcl': 'locals { a = [local.a] }' });
    expect(errors(r.diagnostics).map((d) => d.summary)).toEqual(['Dependency cycle']);
  });
  it('suggests a close name for an undeclared local', () => {
    const r = load({ 'main.hcl': 'locals {\n  prefix = "x"\n  y = local.prefx\n}' });
    const d = errors(r.diagnostics)[0];
    expect(d?.summary).toBe('Reference to undeclared local value');
    expect(d?.detail).toContain('Did you mean "prefix"?');
    expect([d?.range?.start.line, d?.range?.start.column]).toEqual([3, 7]);
  });
});

describe('resources and references', () => {
  it('evaluates resource attributes, leaving attributes set by the backend unknown', () => {
    const got = instances({
      'main.hcl': 'resource "iam_group" "ops" { name = "ops" }\nresource "iam_group_membership" "m" {\n  group = iam_group.ops.id\n  label = "${iam_group.ops.name}-members"\n}\n',
    });
    expect(got).toEqual({ 'iam_group.ops': { name: 'ops' }, 'iam_group_membership.m': { group: '(known after apply)', label: 'ops-members' } });
  });
  it('uses prior values when the caller supplies them', () => {
    const got = instances(
      { 'main.hcl': 'resource "iam_group" "ops" { name = "ops" }\nresource "x" "m" { group = iam_group.ops.id }\n' },
      { resourceValues: (a) => (a.type === 'iam_group' ? objectVal({ id: stringVal('g-1') }) : undefined) },
    );
    expect(got['x.m']).toEqual({ group: 'g-1' });
  });
  it('collects references per resource', () => {
    const r = load({ 'main.hcl': 'variable "v" { default = 1 }\nlocals { l = 2 }\nresource "a" "one" { name = "x" }\nresource "b" "two" {\n  x = [var.v, local.l, a.one.id, [for i in [1] : i]]\n}\n' });
    const refs = r.evaluated.instances.find((i) => i.type === 'b')?.references.map((ref) => (ref.kind === 'resource' ? formatAddress(ref.address) : `${ref.kind}.${ref.name}`));
    expect(refs).toEqual(['variable.v', 'local.l', 'a.one']);
  });
  it('adds the resources a body reaches through locals, transitively, at the local reference', () => {
    const r = load({
      'main.hcl': 'resource "a" "one" { name = "x" }\nlocals {\n  ids = [a.one.id]\n  all = concat(local.ids, [])\n}\nresource "b" "two" {\n  x = local.all\n}\n',
    });
    const refs = r.evaluated.instances.find((i) => i.type === 'b')?.references ?? [];
    const through = refs.filter((ref) => ref.kind === 'resource');
    expect(through.map((ref) => (ref.kind === 'resource' ? formatAddress(ref.address) : ''))).toEqual(['a.one']);
    expect([through[0]?.range.start.line, through[0]?.range.start.column]).toEqual([7, 7]);
  });
  it('reports an undeclared resource with a suggestion and its range', () => {
    const r = load({ 'main.hcl': 'resource "iam_group" "ops" { name = "ops" }\nresource "x" "y" {\n  g = iam_group.osp.id\n}\n' });
    const d = errors(r.diagnostics)[0];
    expect(d?.summary).toBe('Reference to undeclared resource');
    expect(d?.detail).toContain('Did you mean "iam_group.ops"?');
    expect([d?.range?.start.line, d?.range?.start.column]).toEqual([3, 7]);
  });
  it('reports an undeclared variable with a suggestion', () => {
    const r = load({ 'main.hcl': 'variable "users" { default = [] }\nlocals { x = var.user }\n' });
    expect(errors(r.diagnostics)[0]?.detail).toContain('Did you mean "users"?');
  });
  it('reads data sources and keys of for_each resources', () => {
    const got = instances({
      'main.hcl': 'data "iam_policy" "ro" { name = "ECS ReadOnlyAccess" }\nresource "iam_user" "u" {\n  for_each = toset(["a", "b"])\n  name = each.key\n}\nresource "x" "y" {\n  p = data.iam_policy.ro.name\n  n = iam_user.u["b"].name\n  ids = [for u in iam_user.u : u.name]\n}\n',
    });
    expect(got['x.y']).toEqual({ p: 'ECS ReadOnlyAccess', n: 'b', ids: ['a', 'b'] });
  });
  it('reports resource cycles', () => {
    const r = load({ 'main.hcl': 'resource "a" "x" { v = b.y.id }\nresource "b" "y" { v = a.x.id }\n' });
    expect(errors(r.diagnostics).map((d) => d.code)).toEqual(['config.cycle']);
  });
});

describe('expansion', () => {
  it('expands for_each over a map with each.key and each.value', () => {
    const got = instances({ 'main.hcl': 'resource "iam_user" "t" {\n  for_each = { alice = "a@x", bob = "b@x" }\n  name = each.key\n  email = each.value\n}\n' });
    expect(got).toEqual({ 'iam_user.t["alice"]': { name: 'alice', email: 'a@x' }, 'iam_user.t["bob"]': { name: 'bob', email: 'b@x' } });
  });
  it('expands count with count.index', () => {
    const got = instances({ 'main.hcl': 'resource "iam_user" "bot" {\n  count = 2\n  name = "bot-${count.index}"\n}\n' });
    expect(got).toEqual({ 'iam_user.bot[0]': { name: 'bot-0' }, 'iam_user.bot[1]': { name: 'bot-1' } });
  });
  it('allows sensitive map values and keeps them sensitive in each.value', () => {
    const r = load({ 'main.hcl': 'variable "pw" {\n  sensitive = true\n  default = "x"\n}\nresource "u" "t" {\n  for_each = { a = var.pw }\n  password = each.value\n}\n' });
    expect(errors(r.diagnostics)).toEqual([]);
    expect(r.evaluated.instances[0]?.values.attributes.get('password')?.marks?.has('sensitive')).toBe(true);
  });
  it('has no instances for count = 0 or an empty map', () => {
    expect(instances({ 'main.hcl': 'resource "a" "b" {\n count = 0\n}\nresource "a" "c" {\n for_each = {}\n}\n' })).toEqual({});
  });
  it.each<[string, string, number]>([
    ['for_each = ["a", "b"]', 'toset', 14],
    ['for_each = null', 'null', 14],
    ['for_each = toset([1, 2])', 'set containing type', 14],
    ['for_each = var.secret', 'Sensitive values', 14],
    ['for_each = toset([a.x.id])', 'cannot be determined until apply', 14],
    ['count = -1', 'greater than or equal to zero', 11],
    ['count = 1.5', 'whole number', 11],
    ['count = "x"', 'a number is required', 11],
    ['count = a.x.id', 'cannot be determined until apply', 11],
  ])('%s is an error', (meta, fragment, column) => {
    const r = load({ 'main.hcl': `variable "secret" {\n  sensitive = true\n  default = { a = 1 }\n}\nresource "a" "x" { name = "x" }\nresource "r" "n" {\n  ${meta}\n}\n` });
    const d = errors(r.diagnostics)[0];
    expect(d?.detail).toContain(fragment);
    expect([d?.range?.start.line, d?.range?.start.column]).toEqual([7, column]);
    expect(d?.context).toBe('resource "r" "n"');
  });
  it('reports each and count outside of expansion', () => {
    const r = load({ 'main.hcl': 'resource "a" "b" {\n  x = each.key\n  y = count.index\n}\n' });
    expect(errors(r.diagnostics).map((d) => d.summary)).toEqual(['Reference to "each" in context without for_each', 'Reference to "count" in non-counted context']);
  });
  it('expands dynamic blocks with an iterator, next to static blocks', () => {
    const got = instances({
      'main.hcl': 'resource "iam_policy" "p" {\n  statement { effect = "Deny" }\n  dynamic "statement" {\n    for_each = ["a", "b"]\n    iterator = s\n    content {\n      effect = "Allow"\n      action = "${s.key}:${s.value}"\n    }\n  }\n}\n',
    });
    expect(got['iam_policy.p']).toEqual({ statement: [{ effect: 'Deny' }, { effect: 'Allow', action: '0:a' }, { effect: 'Allow', action: '1:b' }] });
  });
  it('records ranges per attribute path', () => {
    const r = load({ 'main.hcl': 'resource "iam_user" "u" {\n  name = "u"\n  phone {\n    number = "1"\n  }\n}\n' });
    const ranges = r.evaluated.instances[0]?.ranges;
    expect([...(ranges?.keys() ?? [])]).toEqual(['name', 'phone[0].number']);
    expect(ranges?.get('phone[0].number')?.start.line).toBe(4);
  });
  it('decodes depends_on, lifecycle and provider', () => {
    const r = load({
      'main.hcl': 'resource "a" "x" { name = "x" }\nresource "b" "y" {\n  depends_on = [a.x]\n  provider = iam\n  lifecycle {\n    prevent_destroy = true\n    ignore_changes = [description]\n  }\n}\n',
    });
    expect(errors(r.diagnostics)).toEqual([]);
    const inst = r.evaluated.instances.find((i) => i.type === 'b');
    expect(inst?.dependsOn.map(formatAddress)).toEqual(['a.x']);
    expect(inst?.lifecycle).toEqual({ preventDestroy: true, createBeforeDestroy: false, ignoreChanges: ['description'] });
    expect(inst?.provider).toBe('iam');
  });
});

describe('outputs, import and moved', () => {
  it('requires sensitive = true for sensitive outputs', () => {
    const r = load({ 'main.hcl': 'variable "pw" {\n  sensitive = true\n  default = "x"\n}\noutput "a" { value = var.pw }\noutput "b" {\n  value = var.pw\n  sensitive = true\n}\n' });
    expect(errors(r.diagnostics).map((d) => [d.summary, d.range?.start.line])).toEqual([['Output refers to sensitive values', 5]]);
    expect(r.evaluated.outputs.get('b')?.sensitive).toBe(true);
  });
  it('reads import and moved addresses', () => {
    const r = load({ 'main.hcl': 'resource "iam_user" "a" { name = "a" }\nimport {\n  to = iam_user.a\n  id = "u-1"\n}\nmoved {\n  from = iam_user.old["x"]\n  to = iam_user.a\n}\n' });
    expect(errors(r.diagnostics)).toEqual([]);
    expect(r.evaluated.imports.map((i) => [formatAddress(i.to), toJs(i.id)])).toEqual([['iam_user.a', 'u-1']]);
    expect(r.evaluated.moved.map((m) => [formatAddress(m.from), formatAddress(m.to)])).toEqual([['iam_user.old["x"]', 'iam_user.a']]);
  });
  it('reads files and templates inside the config directory only', () => {
    const r = load({
      'main.hcl': 'locals {\n  doc = file("policy.json")\n  greeting = templatefile("hello.tpl", { name = "Ann" })\n  outside = file("../secret")\n}\n',
      'policy.json': '{"Version": "1.1"}',
      'hello.tpl': 'Hello, ${name}!',
    });
    expect(toJs(r.evaluated.locals.get('doc') ?? objectVal({}))).toBe('{"Version": "1.1"}');
    expect(toJs(r.evaluated.locals.get('greeting') ?? objectVal({}))).toBe('Hello, Ann!');
    expect(errors(r.diagnostics).map((d) => d.range?.start.line)).toEqual([4]);
  });
});

describe('JSON syntax', () => {
  it('reads *.tf.json and *.hcl.json files like native ones', () => {
    const r = load({
      'main.tf.json': JSON.stringify({
        variable: { users: { type: 'map(string)', default: { alice: 'a@x' } } },
        locals: { prefix: 'team-' },
        resource: {
          iam_group: { ops: { name: '${local.prefix}ops' } },
          iam_user: { team: { for_each: '${var.users}', name: '${each.key}', email: '${each.value}', depends_on: ['iam_group.ops'], lifecycle: { ignore_changes: ['email'] } } },
        },
        output: { n: { value: '${length(var.users)}' } },
      }),
      'more.hcl.json': '{"moved": {"from": "iam_user.old", "to": "iam_user.team"}}',
    });
    expect(errors(r.diagnostics)).toEqual([]);
    expect(Object.fromEntries(r.evaluated.instances.map((i) => [formatAddress(i.address), toJs(i.values, { unknown })]))).toEqual({
      'iam_group.ops': { name: 'team-ops' },
      'iam_user.team["alice"]': { name: 'alice', email: 'a@x' },
    });
    const user = r.evaluated.instances[1];
    expect(user?.dependsOn.map(formatAddress)).toEqual(['iam_group.ops']);
    expect(user?.lifecycle.ignoreChanges).toEqual(['email']);
    expect(r.evaluated.moved.map((m) => formatAddress(m.from))).toEqual(['iam_user.old']);
  });

  it('points JSON diagnostics into the JSON string', () => {
    const r = load({ 'main.tf.json': '{\n  "locals": {\n    "a": "${local.b}"\n  }\n}\n' });
    const d = errors(r.diagnostics)[0];
    expect(d?.summary).toBe('Reference to undeclared local value');
    expect([d?.range?.file, d?.range?.start.line, d?.range?.start.column]).toEqual(['main.tf.json', 3, 13]);
  });
});

describe('resource schema hook', () => {
  const userSchema = {
    attributes: new Map([
      ['name', { type: { kind: 'string' } as const, required: true }],
      ['email', { type: { kind: 'string' } as const, optional: true }],
      ['enabled', { type: { kind: 'bool' } as const, optional: true }],
      ['password', { type: { kind: 'string' } as const, optional: true, sensitive: true }],
      ['id', { computed: true }],
      ['access', { computed: true }],
    ]),
    blocks: new Map([['phone', { attributes: new Map([['number', { type: { kind: 'string' } as const, required: true }]]) }]]),
  };
  const schemaFor = (type: string): typeof userSchema | undefined => (type === 'iam_user' ? userSchema : undefined);

  it('checks attributes against the schema', () => {
    const r = load({ 'main.hcl': 'resource "iam_user" "u" {\n  emial = "x"\n  enabled = "maybe"\n  id = "forced"\n  phone {}\n}\n' }, { schemaFor });
    expect(errors(r.diagnostics).map((d) => [d.summary, d.range?.start.line, d.detail?.includes('Did you mean "email"?') ?? false])).toEqual([
      ['Unsupported argument', 2, true],
      ['Incorrect attribute value type', 3, false],
      ['Unsupported argument', 4, false],
      ['Missing required argument', 5, false],
      ['Missing required argument', 1, false],
    ]);
  });

  it('converts values, marks sensitive ones, and exposes computed attributes as unknown', () => {
    const r = load(
      { 'main.hcl': 'resource "iam_user" "u" {\n  name = "u"\n  enabled = "true"\n  password = "pw"\n}\nresource "x" "y" {\n  a = iam_user.u.access\n  b = iam_user.u.nope\n}\n' },
      { schemaFor },
    );
    expect(errors(r.diagnostics).map((d) => [d.summary, d.range?.start.line])).toEqual([['Unsupported attribute', 8]]);
    const user = r.evaluated.instances[0];
    expect(toJs(user?.values ?? objectVal({}))).toEqual({ name: 'u', enabled: true, password: 'pw' });
    expect(user?.values.attributes.get('password')?.marks?.has('sensitive')).toBe(true);
    expect(r.evaluated.instances[1]?.values.attributes.get('a')?.kind).toBe('unknown');
  });
});
