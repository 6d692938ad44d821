import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';

const examplesDir = fileURLToPath(new URL('../../examples/', import.meta.url));
const examples = ['quickstart', 'organization'] as const;

const scratch: string[] = [];
afterEach(() => {
  for (const dir of scratch.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** A copy of an example in a temporary directory, to edit without touching the original. */
function copyOf(example: string): string {
  const dir = mkdtempSync(join(tmpdir(), `iamform-example-${example}-`));
  scratch.push(dir);
  cpSync(join(examplesDir, example), dir, { recursive: true });
  return dir;
}

describe.each(examples)('examples/%s', (example) => {
  const dir = join(examplesDir, example);

  it('is valid, without a single warning', async () => {
    const result = await runCli(['--chdir', dir, 'validate', '--json']);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    const report = JSON.parse(result.stdout) as { valid: boolean; error_count: number; warning_count: number; diagnostics: unknown[] };
    expect(report).toMatchObject({ valid: true, error_count: 0, warning_count: 0, diagnostics: [] });
  });

  it('is formatted canonically', async () => {
    const result = await runCli(['--chdir', dir, 'fmt', '--check']);
    expect(result.stdout).toBe('');
    expect(result.code).toBe(0);
  });

  it('keeps state and the embedded database out of git', () => {
    const ignored = readFileSync(join(dir, '.gitignore'), 'utf8').split('\n');
    expect(ignored).toEqual(expect.arrayContaining(['state/', '.iamform/']));
  });
});

describe('examples/organization', () => {
  it('rejects a person whose team has no groups, with the variable validation message', async () => {
    const dir = copyOf('organization');
    const people = readFileSync(join(dir, 'people.auto.iamvars'), 'utf8');
    writeFileSync(join(dir, 'people.auto.iamvars'), people.replace('team         = "auditors"', 'team         = "sales"'));
    const result = await runCli(['--chdir', dir, 'validate']);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain("Every person's team must be one of platform, security, developers or auditors.");
  });

  it('takes the people map from a --var-file as well as from the auto file', async () => {
    const dir = copyOf('organization');
    const people = readFileSync(join(dir, 'people.auto.iamvars'), 'utf8');
    rmSync(join(dir, 'people.auto.iamvars'));
    const missing = await runCli(['--chdir', dir, 'validate']);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain('"people"');
    writeFileSync(join(dir, 'staff.iamvars'), people);
    const fromFile = await runCli(['--chdir', dir, 'validate', '--var-file', 'staff.iamvars']);
    expect(fromFile.stderr).toBe('');
    expect(fromFile.code).toBe(0);
  });
});
