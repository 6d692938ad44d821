import { describe, expect, it } from 'vitest';
import { toJs } from '../../src/config/value.js';
import { errors, load } from './helpers.js';

function value(decl: string, options: Parameters<typeof load>[1] = {}, extra: Record<string, string> = {}): { value: unknown; summaries: string[]; details: string[] } {
  const r = load({ 'main.hcl': `variable "v" {\n${decl}\n}\n`, ...extra }, options);
  const v = r.evaluated.variables.get('v');
  const errs = errors(r.diagnostics);
  return { value: v === undefined || v.kind === 'unknown' ? 'unknown' : toJs(v), summaries: errs.map((d) => d.summary), details: errs.map((d) => d.detail ?? '') };
}

describe('type constraints', () => {
  it.each<[string, string, unknown]>([
    ['type = string', '"a"', 'a'],
    ['type = string', '5', '5'],
    ['type = number', '"5"', 5],
    ['type = bool', '"true"', true],
    ['type = list(string)', '["a", 1]', ['a', '1']],
    ['type = set(string)', '["b", "a", "b"]', ['a', 'b']],
    ['type = map(number)', '{ a = 1, b = "2" }', { a: 1, b: 2 }],
    ['type = tuple([string, number])', '["a", "1"]', ['a', 1]],
    ['type = object({ name = string, tags = optional(list(string), []), team = optional(string) })', '{ name = "x", extra = 1 }', { name: 'x', tags: [], team: null }],
    ['type = map(object({ email = string, admin = optional(bool, false) }))', '{ alice = { email = "a" } }', { alice: { email: 'a', admin: false } }],
    ['type = any', '[1, "a"]', [1, 'a']],
  ])('%s with default %s', (type, given, expected) => {
    const r = value(`${type}\ndefault = ${given}`);
    expect(r.summaries).toEqual([]);
    expect(r.value).toEqual(expected);
  });

  it.each<[string, string, string]>([
    ['type = number', '"abc"', 'a number is required'],
    ['type = list(string)', '{ a = 1 }', 'list of string required'],
    ['type = object({ name = string })', '{ nme = "x" }', 'attribute "name" is required'],
    ['type = map(object({ email = string }))', '{ alice = {} }', 'element "alice": attribute "email" is required'],
  ])('%s rejects %s', (type, given, message) => {
    const r = value(`${type}\ndefault = ${given}`);
    expect(r.summaries).toEqual(['Invalid default value for variable']);
    expect(r.details[0]).toContain(message);
  });

  it.each(['type = strin', 'type = list', 'type = list(string, number)', 'type = "string"', 'type = optional(string)'])('reports an invalid type: %s', (type) => {
    const r = value(type + '\ndefault = null');
    expect(r.summaries).toContain('Invalid type specification');
  });
});

describe('value sources and precedence', () => {
  const decl = 'type = string\ndefault = "default"';
  it('uses the default without other sources', () => {
    expect(value(decl).value).toBe('default');
  });
  it('environment beats the default', () => {
    expect(value(decl, { env: { IAMFORM_VAR_v: 'env' } }).value).toBe('env');
  });
  it('auto files beat the environment, later files win', () => {
    const r = value(decl, { env: { IAMFORM_VAR_v: 'env' } }, { 'a.auto.iamvars': 'v = "a"', 'b.auto.iamvars': 'v = "b"' });
    expect(r.value).toBe('b');
  });
  it('JSON auto files are read', () => {
    expect(value(decl, {}, { 'c.auto.iamvars.json': '{"v": "json"}' }).value).toBe('json');
  });
  it('--var-file and --var apply in command-line order after auto files', () => {
    const files = { 'x.auto.iamvars': 'v = "auto"', 'prod.iamvars': 'v = "file"' };
    expect(value(decl, { vars: [{ kind: 'var', text: 'v=cli' }, { kind: 'var-file', path: 'prod.iamvars' }] }, files).value).toBe('file');
    expect(value(decl, { vars: [{ kind: 'var-file', path: 'prod.iamvars' }, { kind: 'var', text: 'v=cli' }] }, files).value).toBe('cli');
  });
  it('parses raw values as HCL for complex types', () => {
    const r = value('type = map(number)', { vars: [{ kind: 'var', text: 'v={ a = 1, b = 2 }' }] });
    expect(r.value).toEqual({ a: 1, b: 2 });
    expect(value('type = list(string)', { env: { IAMFORM_VAR_v: '["x"]' } }).value).toEqual(['x']);
  });
  it('keeps raw values as strings for primitive types', () => {
    expect(value('type = string', { vars: [{ kind: 'var', text: 'v=[1]' }] }).value).toBe('[1]');
    expect(value('type = number', { vars: [{ kind: 'var', text: 'v=42' }] }).value).toBe(42);
  });
  it('reports a required variable without a value', () => {
    const r = value('type = string');
    expect(r.summaries).toEqual(['No value for required variable']);
  });
  it('reports a --var for an undeclared variable, with a suggestion', () => {
    const r = load({ 'main.hcl': 'variable "users" { default = 1 }' }, { vars: [{ kind: 'var', text: 'usres=1' }] });
    expect(errors(r.diagnostics)[0]?.detail).toContain('Did you mean "users"?');
  });
  it('reports a malformed --var', () => {
    expect(value(decl, { vars: [{ kind: 'var', text: 'novalue' }] }).summaries).toEqual(['Invalid --var option']);
  });
  it('warns about an undeclared variable in a file', () => {
    const r = load({ 'main.hcl': '', 'a.auto.iamvars': 'x = 1' });
    expect(r.diagnostics.map((d) => [d.severity, d.summary])).toEqual([['warning', 'Value for undeclared variable']]);
  });
  it('applies nullable = false', () => {
    expect(value('type = string\nnullable = false\ndefault = "d"', { vars: [{ kind: 'var-file', path: 'n.iamvars' }] }, { 'n.iamvars': 'v = null' }).value).toBe('d');
    expect(value('type = string\ndefault = "d"', { vars: [{ kind: 'var-file', path: 'n.iamvars' }] }, { 'n.iamvars': 'v = null' }).value).toBe(null);
  });
  it('marks sensitive variables', () => {
    const r = load({ 'main.hcl': 'variable "pw" {\n sensitive = true\n default = "x"\n}\n' });
    expect(r.evaluated.variables.get('pw')?.marks?.has('sensitive')).toBe(true);
  });
});

describe('validation', () => {
  const decl = (condition: string): string => `type = string\ndefault = "bob"\nvalidation {\n  condition = ${condition}\n  error_message = "Names must be short."\n}`;
  it('passes when the condition holds', () => {
    expect(value(decl('length(var.v) < 5')).summaries).toEqual([]);
  });
  it('fails with the error message and the condition range', () => {
    const r = load({ 'main.hcl': `variable "v" {\n${decl('length(var.v) < 2')}\n}\n` });
    const d = errors(r.diagnostics)[0];
    expect(d?.summary).toBe('Invalid value for variable');
    expect(d?.detail).toContain('Names must be short.');
    expect([d?.range?.start.line, d?.range?.start.column]).toEqual([5, 15]);
  });
  it('may refer only to the variable itself', () => {
    const r = value(decl('var.other == "x"'));
    expect(r.summaries).toEqual(['Invalid reference in variable validation']);
  });
});
