import { describe, expect, it } from 'vitest';
import { loadConfig, type ConfigReader } from '../../../src/config/index.js';
import { show } from './helpers.js';

/** The functions as a config reaches them: through HCL, the evaluator and the loader's file context. */

function reader(files: Record<string, string>): ConfigReader {
  return {
    listFiles: () => Object.keys(files).filter((f) => !f.includes('/')),
    readFile: (path) => (Object.hasOwn(files, path) ? { text: files[path] as string } : { error: `no file exists at "${path}"` }),
    fileExists: (path) => Object.hasOwn(files, path),
  };
}

function run(hcl: string, extra: Record<string, string> = {}) {
  const r = loadConfig({ reader: reader({ 'main.hcl': hcl, ...extra }) });
  const out = (name: string): string => {
    const o = r.evaluated.outputs.get(name);
    return o === undefined ? 'missing' : show(o.value);
  };
  return { out, errors: r.diagnostics.filter((d) => d.severity === 'error') };
}

describe('functions through the config evaluator', () => {
  it('evaluates calls, expansion and nesting', () => {
    const { out, errors } = run(`
locals {
  users = ["alice", "bob"]
}
output "joined" { value = join(",", [for u in local.users : upper(u)]) }
output "max" { value = max([3, 9, 4]...) }
output "fmt" { value = format("%s has %03d keys", "alice", 7) }
output "policy" { value = jsonencode({ Version = "1.1", Statement = [{ Effect = "Allow", Action = ["ecs:*:get*"] }] }) }
output "keys" { value = keys(merge({ b = 1 }, { a = 2 })) }
`);
    expect(errors).toEqual([]);
    expect(out('joined')).toBe('"ALICE,BOB" : string');
    expect(out('max')).toBe('9 : number');
    expect(out('fmt')).toBe('"alice has 007 keys" : string');
    expect(out('policy')).toBe('"{\\"Statement\\":[{\\"Action\\":[\\"ecs:*:get*\\"],\\"Effect\\":\\"Allow\\"}],\\"Version\\":\\"1.1\\"}" : string');
    expect(out('keys')).toBe('["a", "b"] : tuple([string, string])');
  });

  it('reads files and renders templates inside the config directory', () => {
    const { out, errors } = run(
      `
output "doc" { value = jsondecode(file("policies/read.json")).Version }
output "exists" { value = fileexists("policies/read.json") }
output "greeting" { value = templatefile("greeting.tpl", { name = "Ander", items = ["a", "b"] }) }
`,
      { 'policies/read.json': '{"Version":"1.1"}', 'greeting.tpl': 'Hello, ${name}!%{ for i in items } ${i}%{ endfor }' },
    );
    expect(errors).toEqual([]);
    expect(out('doc')).toBe('"1.1" : string');
    expect(out('exists')).toBe('true : bool');
    expect(out('greeting')).toBe('"Hello, Ander! a b" : string');
  });

  it('reports function errors as diagnostics at the argument', () => {
    const { errors } = run(`output "x" { value = file("../etc/passwd") }\noutput "y" { value = regex("[0-9]+", "abc") }`);
    expect(errors.map((d) => [d.summary, d.detail, d.range?.start.line, d.range?.start.column])).toEqual([
      ['Invalid function argument', 'Invalid value for "path" parameter: path "../etc/passwd" leads outside the configuration directory; file functions may only read files within it.', 1, 27],
      ['Error in function call', 'Call to function "regex" failed: pattern did not match any part of the given string.', 2, 22],
    ]);
  });

  it('keeps sensitive variables sensitive through functions', () => {
    const { out, errors } = run(`
variable "secret" {
  type      = string
  default   = "hunter2"
  sensitive = true
}
output "hash" {
  value     = sha256(var.secret)
  sensitive = true
}
`);
    expect(errors).toEqual([]);
    expect(out('hash')).toBe('sensitive("f52fbd32b2b3b86ff88ef6c490628285f482af15ddcb29541f94bcf526a3f6c7") : string');
  });
});
