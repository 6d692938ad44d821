import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from '../helpers/cli.js';

const MESSY = 'resource "iam_user" "alice" {\nname="alice"\n    display_name = "Alice"\n}\n';
const CANONICAL = 'resource "iam_user" "alice" {\n  name         = "alice"\n  display_name = "Alice"\n}\n';

let dir: string;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'iamform-fmt-'));
});

afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
});

const write = (name: string, text: string): void => writeFileSync(join(dir, name), text);
const read = (name: string): string => readFileSync(join(dir, name), 'utf8');

describe('iamform fmt', () => {
  it('rewrites the *.hcl files of the config directory and prints the changed names', async () => {
    write('main.hcl', MESSY);
    write('tidy.hcl', CANONICAL);
    write('notes.txt', MESSY);
    const result = await runCli(['--chdir', dir, 'fmt']);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout).toBe('main.hcl\n');
    expect(read('main.hcl')).toBe(CANONICAL);
    expect(read('notes.txt')).toBe(MESSY);
    expect(readdirSync(dir).sort()).toEqual(['main.hcl', 'notes.txt', 'tidy.hcl']);
  });

  it('with --check changes nothing, lists what would change and exits 3', async () => {
    write('main.hcl', MESSY);
    write('tidy.hcl', CANONICAL);
    const result = await runCli(['--chdir', dir, 'fmt', '--check']);
    expect(result.code).toBe(3);
    expect(result.stdout).toBe('main.hcl\n');
    expect(read('main.hcl')).toBe(MESSY);
  });

  it('with --check exits 0 when everything is canonical', async () => {
    write('tidy.hcl', CANONICAL);
    const result = await runCli(['--chdir', dir, 'fmt', '--check']);
    expect(result.code).toBe(0);
    expect(result.stdout).toBe('');
  });

  it('with --diff prints a unified diff', async () => {
    write('main.hcl', MESSY);
    const result = await runCli(['--chdir', dir, 'fmt', '--check', '--diff']);
    expect(result.code).toBe(3);
    expect(result.stdout).toContain('--- a/main.hcl\n+++ b/main.hcl\n');
    expect(result.stdout).toContain('-name="alice"\n');
    expect(result.stdout).toContain('+  name         = "alice"\n');
    expect(result.stdout).toContain('+  display_name = "Alice"\n');
    expect(read('main.hcl')).toBe(MESSY);
  });

  it('formats standard input to standard output with -', async () => {
    const result = await runCli(['fmt', '-'], { input: MESSY });
    expect(result.code).toBe(0);
    expect(result.stdout).toBe(CANONICAL);
  });

  it('with - and --check exits 3 for input that would change', async () => {
    const result = await runCli(['fmt', '--check', '-'], { input: MESSY });
    expect(result.code).toBe(3);
    expect(result.stdout).toBe('');
  });

  it('leaves a file with syntax errors untouched and reports file, line and column, exit 1', async () => {
    const broken = 'resource "iam_user" "bob" {\n  name = = "bob"\n}\n';
    write('broken.hcl', broken);
    write('main.hcl', MESSY);
    const result = await runCli(['--chdir', dir, 'fmt']);
    expect(result.code).toBe(1);
    expect(read('broken.hcl')).toBe(broken);
    expect(read('main.hcl')).toBe(CANONICAL);
    expect(result.stderr).toContain('Error: ');
    expect(result.stderr).toContain('on broken.hcl line 2');
    const lines = result.stderr.split('\n');
    const source = lines.findIndex((line) => line.includes('name = = "bob"'));
    expect(source).toBeGreaterThan(-1);
    const caret = lines[source + 1] ?? '';
    // The caret stands under the second `=` (line 2, column 10).
    expect(caret.indexOf('^') - lines[source]!.indexOf('name = =')).toBe('name = '.length);
    expect(result.stderr).not.toMatch(/\n\s+at /);
  });

  it('formats only the files and directories given, recursively with --recursive', async () => {
    mkdirSync(join(dir, 'team', 'nested'), { recursive: true });
    write('main.hcl', MESSY);
    write('team/a.hcl', MESSY);
    write('team/nested/b.hcl', MESSY);
    const flat = await runCli(['fmt', 'team'], { cwd: dir });
    expect(flat.code).toBe(0);
    expect(flat.stdout).toBe('team/a.hcl\n');
    expect(read('team/nested/b.hcl')).toBe(MESSY);
    const deep = await runCli(['fmt', '--recursive', 'team'], { cwd: dir });
    expect(deep.stdout).toBe('team/nested/b.hcl\n');
    expect(read('team/nested/b.hcl')).toBe(CANONICAL);
    expect(read('main.hcl')).toBe(MESSY);
  });

  it('reports a missing file with exit 1', async () => {
    const result = await runCli(['fmt', 'nope.hcl'], { cwd: dir });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('No such file or directory: nope.hcl');
  });

  it('turns CRLF line endings into LF', async () => {
    write('crlf.hcl', 'a = 1\r\nb = 2\r\n');
    const result = await runCli(['--chdir', dir, 'fmt']);
    expect(result.code).toBe(0);
    expect(read('crlf.hcl')).toBe('a = 1\nb = 2\n');
  });

  it('has help with examples', async () => {
    const result = await runCli(['fmt', '--help']);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('--check');
    expect(result.stdout).toContain('--diff');
    expect(result.stdout).toContain('Examples:');
  });
});
