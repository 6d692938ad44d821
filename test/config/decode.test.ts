import { describe, expect, it } from 'vitest';
import { errors, load } from './helpers.js';

/** [files, summary, file, line, column, detail fragment] */
const cases: [string, Record<string, string>, string, string, number, number, string][] = [
  ['unknown top-level block', { 'main.hcl': 'resorce "a" "b" {}' }, 'Unsupported block type', 'main.hcl', 1, 1, 'Did you mean "resource"?'],
  ['top-level attribute', { 'main.hcl': '\nname = "x"' }, 'Unsupported argument', 'main.hcl', 2, 1, 'not expected here'],
  ['unknown variable attribute', { 'main.hcl': 'variable "v" {\n  tpye = string\n}' }, 'Unsupported argument', 'main.hcl', 2, 3, 'Did you mean "type"?'],
  ['unknown output attribute', { 'main.hcl': 'output "o" {\n  value = 1\n  sensitiv = true\n}' }, 'Unsupported argument', 'main.hcl', 3, 3, 'Did you mean "sensitive"?'],
  ['output without value', { 'main.hcl': 'output "o" {\n  description = "x"\n}' }, 'Missing required argument', 'main.hcl', 1, 1, '"value" is required'],
  ['unknown provider attribute', { 'main.hcl': 'provider "iam" {\n  backnd = "embedded"\n}' }, 'Unsupported argument', 'main.hcl', 2, 3, 'Did you mean "backend"?'],
  ['unknown provider', { 'main.hcl': 'provider "aws" {}' }, 'Unknown provider', 'main.hcl', 1, 10, '"iam"'],
  ['unknown settings block', { 'main.hcl': 'iamform {\n  stat "local" {}\n}' }, 'Unsupported block type', 'main.hcl', 2, 3, 'Did you mean "state"?'],
  ['unknown state kind', { 'main.hcl': 'iamform {\n  state "s3" {}\n}' }, 'Unknown state store', 'main.hcl', 2, 9, '"local"'],
  ['unknown state attribute', { 'main.hcl': 'iamform {\n  state "local" {\n    pth = "x"\n  }\n}' }, 'Unsupported argument', 'main.hcl', 3, 5, 'Did you mean "path"?'],
  ['duplicate resource', { 'a.hcl': 'resource "iam_user" "x" {}', 'b.hcl': '\n\nresource "iam_user" "x" {}' }, 'Duplicate resource', 'b.hcl', 3, 1, 'a.hcl:1,1'],
  ['duplicate variable', { 'main.hcl': 'variable "v" {}\nvariable "v" {}' }, 'Duplicate variable', 'main.hcl', 2, 1, 'main.hcl:1,1'],
  ['duplicate output', { 'main.hcl': 'output "o" { value = 1 }\noutput "o" { value = 2 }' }, 'Duplicate output', 'main.hcl', 2, 1, 'main.hcl:1,1'],
  ['duplicate local across files', { 'a.hcl': 'locals { x = 1 }', 'b.hcl': 'locals {\n  x = 2\n}' }, 'Duplicate local value', 'b.hcl', 2, 3, 'a.hcl:1,10'],
  ['duplicate attribute', { 'main.hcl': 'variable "v" {\n  default = 1\n  default = 2\n}' }, 'Duplicate argument', 'main.hcl', 3, 3, 'already set'],
  ['missing resource label', { 'main.hcl': 'resource "iam_user" {}' }, 'Missing name for resource', 'main.hcl', 1, 1, '2 labels'],
  ['extra variable label', { 'main.hcl': 'variable "a" "b" {}' }, 'Extraneous label for variable', 'main.hcl', 1, 14, 'Only 1 label'],
  ['labelled locals', { 'main.hcl': 'locals "x" {}' }, 'Extraneous label for locals', 'main.hcl', 1, 8, 'No labels'],
  ['count and for_each', { 'main.hcl': 'resource "a" "b" {\n  count = 1\n  for_each = {}\n}' }, 'Invalid combination of "count" and "for_each"', 'main.hcl', 3, 3, 'mutually-exclusive'],
  ['unknown lifecycle attribute', { 'main.hcl': 'resource "a" "b" {\n  lifecycle {\n    prevent_destroi = true\n  }\n}' }, 'Unsupported argument', 'main.hcl', 3, 5, 'Did you mean "prevent_destroy"?'],
  ['validation without message', { 'main.hcl': 'variable "v" {\n  default = 1\n  validation {\n    condition = true\n  }\n}' }, 'Missing required argument', 'main.hcl', 3, 3, '"error_message"'],
  ['non-literal description', { 'main.hcl': 'variable "v" {\n  default = 1\n  description = var.v\n}' }, 'Invalid reference', 'main.hcl', 3, 17, 'only literal values'],
  ['import without id', { 'main.hcl': 'import {\n  to = a.b\n}' }, 'Missing required argument', 'main.hcl', 1, 1, '"id"'],
  ['dynamic without content', { 'main.hcl': 'resource "a" "b" {\n  dynamic "x" {\n    for_each = []\n  }\n}' }, 'Invalid dynamic block', 'main.hcl', 2, 3, '"content"'],
  ['syntax error', { 'main.hcl': 'resource "a" "b" {\n  x = \n}' }, '', 'main.hcl', 2, 0, ''],
];

describe('decoding diagnostics', () => {
  it.each(cases)('%s', (_name, files, summary, file, line, column, fragment) => {
    const r = load(files);
    const errs = errors(r.diagnostics);
    if (summary === '') {
      // Syntax errors come from the parser; only the place is ours to check.
      expect(errs[0]?.range?.file).toBe(file);
      expect(errs[0]?.range?.start.line).toBe(line);
      return;
    }
    const d = errs.find((x) => x.summary === summary);
    expect(d, JSON.stringify(errs.map((x) => x.summary))).toBeDefined();
    expect([d?.range?.file, d?.range?.start.line, d?.range?.start.column]).toEqual([file, line, column]);
    expect(d?.detail).toContain(fragment);
  });

  it('decodes settings and provider', () => {
    const r = load({ 'main.hcl': 'iamform {\n  required_version = ">= 0.1"\n  state "postgres" {\n    url = "postgres://db/iam"\n    schema = "iam"\n  }\n}\nprovider "iam" {\n  backend = "embedded"\n  domain = "acme"\n}\n' });
    expect(errors(r.diagnostics)).toEqual([]);
    expect(r.config.settings.requiredVersion).toBe('>= 0.1');
    expect(r.config.settings.state).toMatchObject({ kind: 'postgres', url: 'postgres://db/iam', schema: 'iam' });
    expect(r.evaluated.provider?.attributes.get('domain')).toMatchObject({ value: 'acme' });
  });
});
