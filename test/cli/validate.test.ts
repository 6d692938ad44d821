import { afterEach, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from '../helpers/cli.js';
import { expectGolden } from '../helpers/golden.js';

const dirs: string[] = [];
function configDir(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'iamform-validate-'));
  dirs.push(dir);
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  return dir;
}
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

const valid = `variable "users" {
  type = map(object({ email = string }))
}
resource "iam_group" "ops" { name = "ops" }
resource "iam_user" "team" {
  for_each = var.users
  name     = each.key
  email    = each.value.email
  access_mode = "console"
}
`;

describe('iamform validate', () => {
  it('accepts a valid config with variables from a file and the command line', async () => {
    const dir = configDir({ 'main.hcl': valid, 'team.iamvars': 'users = { alice = { email = "a@x" } }' });
    const fromFile = await runCli(['--chdir', dir, 'validate', '--var-file', 'team.iamvars']);
    expect(fromFile.stderr).toBe('');
    expect(fromFile.stdout).toBe('Success! The configuration is valid.\n');
    expect(fromFile.code).toBe(0);
    const fromVar = await runCli(['--chdir', dir, 'validate', '--var', 'users={bob={email="b@x"}}']);
    expect(fromVar.code).toBe(0);
  });

  it('prints the diagnostic with file, line, column and snippet, and exits 1', async () => {
    const dir = configDir({ 'main.hcl': valid.replace('each.value.email', 'each.value.emial'), 'x.auto.iamvars': 'users = { a = { email = "e" } }' });
    const result = await runCli(['--chdir', dir, 'validate']);
    expect(result.code).toBe(1);
    expect(result.stdout).toBe('');
    expect(result.stderr).toContain('Error: Unsupported attribute');
    expect(result.stderr).toContain('on main.hcl line 8, in resource "iam_user" "team":');
    expect(result.stderr).toContain('  8:   email    = each.value.emial\n');
    expect(result.stderr).toMatch(/\n {28}\^{6}\n/);
    expect(result.stderr).toContain('Did you mean "email"?');
    expect(result.stderr).not.toMatch(/\n\s+at /);
  });

  it('reports a missing required variable', async () => {
    const dir = configDir({ 'main.hcl': valid });
    const result = await runCli(['--chdir', dir, 'validate']);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('Error: No value for required variable');
    expect(result.stderr).toContain('IAMFORM_VAR_users');
  });

  it('reads IAMFORM_VAR_ variables from the environment', async () => {
    const dir = configDir({ 'main.hcl': valid });
    const result = await runCli(['--chdir', dir, 'validate'], { env: { IAMFORM_VAR_users: '{ carol = { email = "c@x" } }' } });
    expect(result.code).toBe(0);
  });

  it('counts warnings in the success message', async () => {
    const dir = configDir({ 'main.hcl': 'variable "a" { default = 1 }\n', 'x.auto.iamvars': 'b = 2\n' });
    const result = await runCli(['--chdir', dir, 'validate']);
    expect(result.code).toBe(0);
    expect(result.stderr).toContain('Warning: Value for undeclared variable');
    expect(result.stdout).toContain('Success! The configuration is valid, but there was 1 warning as shown above.');
  });

  it('prints JSON with --json', async () => {
    const dir = configDir({ 'main.hcl': 'locals {\n  a = local.b\n  b = local.a\n}\n' });
    const result = await runCli(['--chdir', dir, 'validate', '--json']);
    expect(result.code).toBe(1);
    const body = JSON.parse(result.stdout) as { valid: boolean; error_count: number; warning_count: number; diagnostics: { severity: string; code: string; summary: string; range: { filename: string; start: { line: number; column: number } } }[] };
    expect(body.valid).toBe(false);
    expect(body.error_count).toBe(1);
    expect(body.warning_count).toBe(0);
    expect(body.diagnostics[0]).toMatchObject({ severity: 'error', code: 'config.cycle', summary: 'Dependency cycle', range: { filename: 'main.hcl', start: { line: 3, column: 7 } } });
  });

  it('fails on a directory without configuration files', async () => {
    const dir = configDir({ 'notes.txt': 'hello' });
    const result = await runCli(['--chdir', dir, 'validate']);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('Error: No configuration files');
  });

  it('renders several diagnostics as in the golden file', async () => {
    const dir = configDir({
      'main.hcl': `variable "users" {
  type    = map(object({ email = string }))
  default = { alice = { email = "a@x" } }
}

locals {
  prefix = "team-"
}

resource "iam_user" "team" {
  for_each = var.users
  name     = "\${local.prefx}\${each.key}"
  email    = lenght(each.value.email)
}

resource "iam_user" "team" {
  name = "dup"
}

output "first" {
  value = iam_user.tema["alice"].id
}
`,
    });
    const result = await runCli(['--chdir', dir, 'validate', '--no-color']);
    expect(result.code).toBe(1);
    expectGolden(new URL('../golden/validate/errors.txt', import.meta.url).pathname, result.stderr);
  });

  it('shows help with examples', async () => {
    const result = await runCli(['validate', '--help']);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('--var-file <FILE>');
    expect(result.stdout).toContain('Examples:');
  });
});
